import Foundation
import LibPQ

/// The client sessions on the award's database: who is connected, who holds locks, ending a
/// session, and the time limits every ecpa session sets for itself.
public struct SessionRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Every client session on this database, oldest first (secretariat: `ecpa.connections()`).
    public func fetchSessions() throws -> [DatabaseSession] {
        do {
            return try db.query(
                """
                SELECT s.pid, s.login, s.kind, s.state, s.state_change,
                       \(unsafeRaw: Self.ageInMilliseconds("s.state_change")) AS in_state_ms,
                       \(unsafeRaw: Self.ageInMilliseconds("s.xact_start")) AS transaction_ms,
                       s.blocked_by::text[] AS blocked_by
                FROM ecpa.connections() s
                ORDER BY s.backend_start, s.pid
                """
            ).map(Self.session)
        } catch let error as PQError where error.sqlState == SQLState.insufficientPrivilege {
            throw StoreError.permissionDenied(
                "Only the secretariat can see who is connected to the database.", hint: nil)
        } catch let error as PQError {
            throw StoreError(error)
        }
    }

    /// The server process of this connection.
    public func currentPid() throws -> Int {
        try translating {
            try db.query("SELECT pg_catalog.pg_backend_pid() AS pid").first?.decode("pid") ?? 0
        }
    }

    /// Ends another session on this database (secretariat; never a superuser's or one's own);
    /// returns whether PostgreSQL signalled it. The session is gone once it has noticed.
    public func endSession(pid: Int) throws -> Bool {
        do {
            return try db.query("SELECT ecpa.end_connection(\(pid)::integer) AS ended").first?.decode("ended") ?? false
        } catch let error as PQError {
            switch error.sqlState {
            case SQLState.undefinedObject:
                throw StoreError.notFound(
                    "There is no session \(pid) on this database. `ecpa db connections` lists the sessions.")
            case SQLState.insufficientPrivilege:
                throw StoreError.permissionDenied(
                    "You may not end session \(pid): only the secretariat ends sessions, and only a superuser can end a superuser's.",
                    hint: nil)
            case SQLState.invalidParameterValue:
                throw StoreError.invalidData("Session \(pid) is this command's own session.", hint: nil)
            default:
                throw StoreError(error)
            }
        }
    }

    /// Whether the caller may list and end sessions.
    public func mayManageSessions() throws -> Bool {
        try translating {
            try db.query(
                """
                SELECT coalesce(pg_catalog.has_function_privilege(
                           pg_catalog.to_regprocedure('ecpa.connections()'), 'EXECUTE'), false) AS allowed
                """
            ).first?.decode("allowed") ?? false
        }
    }

    /// Who holds locks on the award's tables (or advisory locks on this database) right now, the
    /// most likely to block others first: sessions that do not wait themselves, hold more than
    /// read locks, sit idle in a transaction, and opened it earliest. The secretariat sees each
    /// session's state and age; anyone else sees the login and process id that PostgreSQL shows
    /// everyone. No query text is read.
    public func fetchLockHolders() throws -> LockWait {
        let detailed = try mayManageSessions()
        let rows: [(session: DatabaseSession, strong: Bool, waiting: Bool)]
        if detailed {
            rows = try translating {
                try db.query(
                    """
                    WITH \(unsafeRaw: Self.heldLocks)
                    SELECT s.pid, s.login, s.kind, s.state, s.state_change,
                           \(unsafeRaw: Self.ageInMilliseconds("s.state_change")) AS in_state_ms,
                           \(unsafeRaw: Self.ageInMilliseconds("s.xact_start")) AS transaction_ms,
                           s.blocked_by::text[] AS blocked_by, h.strong, s.waiting
                    FROM ecpa.connections() s JOIN held h ON h.pid = s.pid
                    ORDER BY h.strong DESC, s.waiting, (s.state LIKE 'idle in transaction%') DESC,
                             s.xact_start NULLS LAST, s.pid
                    """
                ).map { (try Self.session($0), try $0.decode("strong"), try $0.decode("waiting")) }
            }
        } else {
            rows = try translating {
                try db.query(
                    """
                    WITH \(unsafeRaw: Self.heldLocks)
                    SELECT h.pid, a.usename::text AS login, coalesce(r.rolsuper, false) AS administrator, h.strong
                    FROM held h
                    JOIN pg_catalog.pg_stat_activity a ON a.pid = h.pid
                    LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.usesysid
                    ORDER BY h.strong DESC, pg_catalog.age(a.backend_xid) DESC NULLS LAST, h.pid
                    """
                ).map { row in
                    (
                        DatabaseSession(
                            pid: try row.decode("pid"), login: try row.decode("login") ?? "?",
                            isAdministrator: try row.decode("administrator")),
                        try row.decode("strong"), false
                    )
                }
            }
        }
        // Read locks block only schema changes; sessions that wait are queued behind the holder.
        var likely = rows
        if likely.contains(where: \.strong) { likely = likely.filter(\.strong) }
        if likely.contains(where: { !$0.waiting }) { likely = likely.filter { !$0.waiting } }
        return LockWait(holders: likely.map(\.session), callerMayEndSessions: detailed)
    }

    /// The length of an interval written as PostgreSQL reads it (`10s`, `2 min`, `1 hour`,
    /// `00:00:30`; a bare number is seconds), or nil when it cannot be read as one.
    public func milliseconds(ofInterval text: String) throws -> Int64? {
        do {
            return try db.query(
                """
                SELECT round(extract(epoch FROM \(text)::interval) * 1000)::bigint AS ms
                """
            ).first?.decode("ms")
        } catch let error as PQError where error.sqlState?.hasPrefix("22") == true {
            return nil
        } catch let error as PQError {
            throw StoreError(error)
        }
    }

    /// The longest lock_timeout or statement_timeout PostgreSQL accepts (about 24.8 days).
    public static let longestTimeout = Elapsed(milliseconds: Int64(Int32.max))

    /// Sets how long a statement of this session waits for a lock and how long it may run
    /// (0 turns a limit off); nil leaves the server's setting.
    public func setTimeouts(lock: Elapsed?, statement: Elapsed?) throws {
        try translating {
            _ = try db.query(
                """
                SELECT pg_catalog.set_config('lock_timeout',
                           coalesce(\(lock.map { String($0.milliseconds) }), pg_catalog.current_setting('lock_timeout')), false),
                       pg_catalog.set_config('statement_timeout',
                           coalesce(\(statement.map { String($0.milliseconds) }), pg_catalog.current_setting('statement_timeout')), false)
                """)
        }
    }

    /// Granted locks of other sessions on this database: on relations of the ecpa schema, or
    /// advisory; `strong` when more than a read lock (which blocks only schema changes).
    static let heldLocks = """
        held AS (
            SELECT l.pid, bool_or(l.locktype = 'advisory' OR l.mode <> 'AccessShareLock') AS strong
            FROM pg_catalog.pg_locks l
            LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation
            WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid()
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
              AND (l.locktype = 'advisory'
                   OR (l.locktype = 'relation'
                       AND c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'ecpa')))
            GROUP BY l.pid)
        """

    static func ageInMilliseconds(_ column: String) -> String {
        "round(extract(epoch FROM pg_catalog.clock_timestamp() - \(column)) * 1000)::bigint"
    }

    static func session(_ row: Row) throws -> DatabaseSession {
        let kind: String? = try row.decode("kind")
        let inState: Int64? = try row.decode("in_state_ms")
        let transaction: Int64? = try row.decode("transaction_ms")
        let blockedBy: [String]? = try row.decode("blocked_by")
        return DatabaseSession(
            pid: try row.decode("pid"),
            login: try row.decode("login") ?? "?",
            kind: kind.flatMap(SessionKind.init(rawValue:)),
            state: try row.decode("state"),
            since: try row.decode("state_change"),
            inState: inState.map(Elapsed.init(milliseconds:)),
            transactionOpenFor: transaction.map(Elapsed.init(milliseconds:)),
            waitingFor: (blockedBy ?? []).compactMap { Int($0) },
            isAdministrator: kind == SessionKind.administrator.rawValue)
    }
}
