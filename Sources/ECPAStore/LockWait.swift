/// A statement that gave up waiting for a lock (SQLSTATE 55P03), with who held locks when it did.
public struct LockWait: Equatable, Sendable {
    /// How long it waited: the session's lock_timeout, when known.
    public var waited: Elapsed?
    /// Sessions holding locks on the award's tables after the wait, most likely holder first.
    public var holders: [DatabaseSession]
    /// Whether the caller may end sessions (the secretariat).
    public var callerMayEndSessions: Bool

    public init(waited: Elapsed? = nil, holders: [DatabaseSession] = [], callerMayEndSessions: Bool = false) {
        self.waited = waited
        self.holders = holders
        self.callerMayEndSessions = callerMayEndSessions
    }

    /// How many holders a message names before it says how many more there are.
    static let namedHolders = 3

    /// One or two sentences: who holds the lock and what to do. The holders are read after the
    /// wait, as the sessions then holding locks on the award's tables, so the message says "most
    /// likely": one of them may have taken its lock after the wait ended.
    public var description: String {
        let waitedFor = waited.map { "Waited \($0) for a lock" } ?? "Waited too long for a lock"
        guard let first = holders.first else {
            return "\(waitedFor) that another session holds, so nothing was written; the session could not be "
                + "identified (it may have finished since). Run the command again; if it waits again, the "
                + "secretariat can see who is connected with `ecpa db connections`."
        }
        if holders.count == 1 {
            let advice: String
            if first.isAdministrator {
                advice = "Ask them to finish; only a database administrator can end that session."
            } else if callerMayEndSessions {
                advice = "Ask them to finish, or end that session with `ecpa db connections end \(first.pid)`."
            } else {
                advice = "Ask them to finish, or ask the secretariat to end that session (`ecpa db connections end \(first.pid)`)."
            }
            return "\(waitedFor), most likely held by \(first.summary), so nothing was written. \(advice)"
        }
        var names = holders.prefix(Self.namedHolders).map(\.summary).joined(separator: "; ")
        if holders.count > Self.namedHolders { names += "; and \(holders.count - Self.namedHolders) more" }
        let advice =
            callerMayEndSessions
            ? "Ask them to finish, or end a session with `ecpa db connections end PID`."
            : "Ask them to finish, or ask the secretariat to end a session (`ecpa db connections end PID`)."
        return "\(waitedFor), most likely held by one of these sessions, so nothing was written: \(names). \(advice)"
    }
}
