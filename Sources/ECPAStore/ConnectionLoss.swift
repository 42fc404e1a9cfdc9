/// A session that ended before its command finished, and whether that was during the COMMIT.
public struct ConnectionLoss: Equatable, Sendable {
    /// Why the session ended, from its SQLSTATE (or libpq losing the connection).
    public enum Cause: Equatable, Sendable {
        /// The session was terminated: by the secretariat or an administrator, or a server shutting down (57P01).
        case terminated
        /// The server stopped or is restarting (57P02, 57P03).
        case serverStopped
        /// The transaction sat idle longer than idle_in_transaction_session_timeout (25P03).
        case idleInTransaction
        /// The network or the server failed (class 08, or libpq found the connection gone).
        case connectionFailed
    }

    public var cause: Cause
    /// The COMMIT had been sent: the transaction may or may not have been committed.
    public var duringCommit: Bool
    /// An earlier transaction of the same command had been committed before the session ended.
    public var afterCommit: Bool

    public init(cause: Cause, duringCommit: Bool, afterCommit: Bool = false) {
        self.cause = cause
        self.duringCommit = duringCommit
        self.afterCommit = afterCommit
    }

    public var description: String {
        let what: String
        switch cause {
        case .terminated:
            what = "The database ended this session (the secretariat or an administrator ended it, or the server is shutting down)"
        case .serverStopped:
            what = "The database server stopped"
        case .idleInTransaction:
            what = "The database ended this session because its transaction sat idle for too long"
        case .connectionFailed:
            what = "The connection to the database was lost"
        }
        if duringCommit {
            return "\(what) while the change was being committed, so whether it was saved is not known: "
                + "check what the command should have changed before you run it again."
        }
        if afterCommit {
            return "\(what) after the command had committed its change, so that change was saved and only what "
                + "came after it is missing: check the result before you run the command again."
        }
        return "\(what) before anything was committed, so nothing was written: run the command again."
    }
}
