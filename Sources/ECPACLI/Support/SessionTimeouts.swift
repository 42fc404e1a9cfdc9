import ECPAStore
import Foundation
import LibPQ

/// How long a statement of ecpa waits for a lock and how long it may run: ECPA_LOCK_TIMEOUT and
/// ECPA_STATEMENT_TIMEOUT, else the defaults, set on every connection ecpa opens.
struct SessionTimeouts: Equatable, Sendable {
    /// Long enough for any writer in flight to finish; short enough that nobody waits on a lock
    /// someone forgot, and that a waiting schema change does not hold up everyone queued behind it.
    static let defaultLock = Elapsed(milliseconds: 10_000)
    /// Far beyond any command's normal work (a 1,000,000-row import takes seconds).
    static let defaultStatement = Elapsed(milliseconds: 15 * 60_000)

    /// The lock_timeout set; nil when the server's was left.
    var lock: Elapsed?
    /// The statement_timeout set; nil when the server's was left.
    var statement: Elapsed?

    /// What a connection gets: a migration leaves statement_timeout to the server unless
    /// ECPA_STATEMENT_TIMEOUT is set, since a schema change may rightly take long.
    enum Purpose { case command, migration }

    /// Reads the variables (PostgreSQL parses the intervals) and sets both limits on the connection.
    static func apply(to connection: Connection, variables: [String: String], purpose: Purpose) throws -> SessionTimeouts {
        let sessions = SessionRepository(connection)
        let timeouts = SessionTimeouts(
            lock: try read("ECPA_LOCK_TIMEOUT", variables, sessions) ?? defaultLock,
            statement: try read("ECPA_STATEMENT_TIMEOUT", variables, sessions) ?? (purpose == .command ? defaultStatement : nil))
        try sessions.setTimeouts(lock: timeouts.lock, statement: timeouts.statement)
        return timeouts
    }

    private static func read(_ name: String, _ variables: [String: String], _ sessions: SessionRepository) throws -> Elapsed? {
        guard let text = variables[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let milliseconds = try sessions.milliseconds(ofInterval: text) else {
            throw CLIError(
                "\(name) is \"\(text)\", which PostgreSQL cannot read as a length of time. Write it like 10s, 2min or 1 hour; 0 turns the limit off.",
                status: .usage)
        }
        guard milliseconds >= 0, milliseconds <= SessionRepository.longestTimeout.milliseconds else {
            throw CLIError("\(name) must be between 0 (no limit) and \(SessionRepository.longestTimeout); it is \"\(text)\".", status: .usage)
        }
        return Elapsed(milliseconds: milliseconds)
    }
}
