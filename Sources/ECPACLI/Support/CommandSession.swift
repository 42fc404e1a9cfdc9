import ECPAStore
import LibPQ

/// The database connection a command opened and the limits it set, kept until the command has
/// ended, so that a failure can still be explained: who holds the lock it waited for, and for how long.
final class CommandSession: @unchecked Sendable {
    // A command runs on one thread, and the top level reads these only after it returned.
    private(set) var connection: Connection?
    private(set) var timeouts: SessionTimeouts?

    func record(_ connection: Connection, timeouts: SessionTimeouts) {
        self.connection = connection
        self.timeouts = timeouts
    }

    /// The error with the facts it leaves out: the wait's length and the lock holders, the statement
    /// timeout, or that the command had already committed a change before its session was lost.
    func explain(_ error: StoreError) -> StoreError {
        switch error {
        case .lockTimeout(var wait):
            wait.waited = wait.waited ?? timeouts?.lock
            if wait.holders.isEmpty, let holders = lockHolders() {
                wait.holders = holders.holders
                wait.callerMayEndSessions = holders.callerMayEndSessions
            }
            return .lockTimeout(wait)
        case .canceled(nil):
            return .canceled(limit: timeouts?.statement.flatMap { $0.milliseconds > 0 ? $0 : nil })
        case .connectionLost(var loss) where !loss.duringCommit && (connection?.committedTransactions ?? 0) > 0:
            loss.afterCommit = true
            return .connectionLost(loss)
        default:
            return error
        }
    }

    /// Who holds locks now, asked on the command's own connection once its transaction has been
    /// rolled back; nil when that connection cannot be used.
    private func lockHolders() -> LockWait? {
        guard let connection, connection.isConnected, !connection.isInTransaction else { return nil }
        return try? SessionRepository(connection).fetchLockHolders()
    }
}
