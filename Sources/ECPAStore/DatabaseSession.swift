import Foundation

/// A client session on the award's database, as far as the caller may see it: the secretariat
/// sees every session's state and age; anyone else sees only who is connected, never a query.
public struct DatabaseSession: Equatable, Sendable {
    /// The server process, as `ecpa db connections end PID` takes it.
    public var pid: Int
    /// The login role.
    public var login: String
    /// The ecpa group the login belongs to; nil when the caller may not see it.
    public var kind: SessionKind?
    /// PostgreSQL's state of the session (`active`, `idle`, `idle in transaction`...); nil when not visible.
    public var state: String?
    /// When the session entered its state.
    public var since: Date?
    /// How long the session has been in its state.
    public var inState: Elapsed?
    /// How long its transaction has been open; nil when none is (or when not visible).
    public var transactionOpenFor: Elapsed?
    /// The sessions whose locks this one is waiting for.
    public var waitingFor: [Int]
    /// A superuser's session, which only a superuser can end.
    public var isAdministrator: Bool

    public init(
        pid: Int, login: String, kind: SessionKind? = nil, state: String? = nil, since: Date? = nil,
        inState: Elapsed? = nil, transactionOpenFor: Elapsed? = nil, waitingFor: [Int] = [],
        isAdministrator: Bool = false
    ) {
        self.pid = pid
        self.login = login
        self.kind = kind
        self.state = state
        self.since = since
        self.inState = inState
        self.transactionOpenFor = transactionOpenFor
        self.waitingFor = waitingFor
        self.isAdministrator = isAdministrator
    }

    /// Whether the session holds a transaction open while doing nothing (PostgreSQL's `idle in transaction`, aborted or not).
    public var isIdleInTransaction: Bool {
        state?.hasPrefix("idle in transaction") == true
    }

    /// The login with what is known of the session, such as `fi_juror (session 4242, idle in transaction for 6 min)`.
    public var summary: String {
        var facts = ["session \(pid)"]
        if isIdleInTransaction, let inState {
            facts.append("idle in transaction for \(inState)")
        } else if let transactionOpenFor {
            facts.append("in a transaction open for \(transactionOpenFor)")
        }
        return "\(login) (\(facts.joined(separator: ", ")))"
    }
}
