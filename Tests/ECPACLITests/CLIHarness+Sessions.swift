import ECPATestSupport
import Foundation
import LibPQ

extension CLIHarness {
    /// Adds a member of the secretariat with a login of their own; returns the role and its password.
    func secretariatLogin() throws -> (role: String, password: String) {
        let role = TestDatabase.uniqueName("sec")
        let password = "password-\(role)"
        try expectSuccess(
            [
                "user", "add", role, "--kind", "secretariat", "--name", "Secretariat member",
                "--password-file", "-",
            ], input: password + "\n")
        return (role, password)
    }

    /// The session waiting for a lock that session `holder` holds, once one does (the command
    /// under test); fails rather than hanging when none does within a minute.
    func sessionBlocked(by holder: Int) throws -> Int {
        let admin = try database.connect()
        defer { admin.close() }
        for _ in 0..<1200 {
            if let pid: Int = try admin.queryOne(
                """
                SELECT pid FROM pg_stat_activity WHERE \(holder)::integer = ANY(pg_blocking_pids(pid))
                """)?.decode("pid")
            {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError(message: "No session waited for session \(holder).")
    }

    /// Waits until one session waits for another.
    func session(_ waiter: Int, waitsFor holder: Int) throws {
        let admin = try database.connect()
        defer { admin.close() }
        for _ in 0..<1200 {
            if try admin.queryOne("SELECT \(holder)::integer = ANY(pg_blocking_pids(\(waiter)::integer)) AS waits")?.decode("waits") == true {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError(message: "Session \(waiter) did not wait for session \(holder).")
    }

    /// The process id of a connection's session.
    static func pid(of connection: Connection) throws -> Int {
        try connection.queryOne("SELECT pg_backend_pid() AS pid")?.decode("pid") ?? 0
    }

    /// The phase of an edition, read as the administrator.
    func phase(of year: Int) throws -> String? {
        let admin = try database.connect()
        defer { admin.close() }
        return try admin.queryOne("SELECT phase FROM ecpa.editions WHERE year = \(year)")?.decode("phase")
    }
}
