import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// `ecpa db connections`: the secretariat sees who is connected and ends a session that holds others up.
@Suite struct ConnectionsCommandTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// A representative's psql session with a transaction left open.
    func idleRepresentative() throws -> (role: String, connection: Connection, pid: Int) {
        try cli.openEdition()
        let (role, password) = try cli.representative("FI")
        let connection = try cli.database.connect(role: role, password: password)
        try connection.execute("BEGIN")
        _ = try connection.query("SELECT count(*) FROM ecpa.editions")
        return (role, connection, try CLIHarness.pid(of: connection))
    }

    func listed(_ format: String = "json", as role: String? = nil) throws -> [[String: Any]] {
        let result = cli.run(["db", "connections", "--format", format] + (role.map { ["--as", $0] } ?? []))
        #expect(result.status == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
    }

    @Test func theSecretariatSeesEverySessionWithItsStateAndNoQuery() throws {
        let representative = try idleRepresentative()
        defer { representative.connection.close() }
        let (secretariat, _) = try cli.secretariatLogin()

        let sessions = try listed(as: secretariat)
        let row = try #require(sessions.first { $0["pid"] as? Int == representative.pid })
        #expect(row["login"] as? String == representative.role)
        #expect(row["kind"] as? String == "national representative")
        #expect(row["state"] as? String == "idle in transaction")
        #expect(row["since"] is String)
        #expect(row["transaction_open_for"] is Int)
        #expect(row["waiting_for"] as? [Int] == [])
        #expect(Set(sessions.first?.keys.map { $0 } ?? []) == ["pid", "login", "kind", "state", "since", "transaction_open_for", "waiting_for"])

        let table = cli.run(["db", "connections"])
        #expect(table.output.hasPrefix("PID "))
        #expect(table.output.contains("LOGIN"))
        #expect(table.output.contains("TRANSACTION OPEN FOR  WAITING FOR"))
        #expect(table.output.contains(representative.role))
        #expect(!table.output.contains("SELECT"))
        let csv = cli.run(["db", "connections", "list", "--format", "csv"])
        #expect(csv.output.hasPrefix("pid,login,kind,state,since,transaction_open_for,waiting_for\r\n"))
        #expect(csv.output.contains("\(representative.pid),\(representative.role),national representative,idle in transaction,"))
    }

    @Test func aWaitingSessionShowsWhomItWaitsFor() throws {
        try cli.openEdition()
        let (role, password) = try cli.secretariatLogin()
        let holder = try cli.database.connect(role: role, password: password)
        defer { holder.close() }
        try holder.execute("BEGIN")
        _ = try holder.query("SELECT id FROM ecpa.editions WHERE year = 2018 FOR UPDATE")
        let holderPid = try CLIHarness.pid(of: holder)
        let waited = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [database = cli.database] in
            if let waiter = try? database.connect(role: role, password: password) {
                _ = try? waiter.execute("UPDATE ecpa.editions SET theme = theme WHERE year = 2018")
                waiter.close()
            }
            waited.signal()
        }
        let waiterPid = try cli.sessionBlocked(by: holderPid)

        let row = try #require(try listed().first { $0["pid"] as? Int == waiterPid })
        #expect(row["waiting_for"] as? [Int] == [holderPid])
        #expect(row["state"] as? String == "active")
        let table = cli.run(["db", "connections", "--format", "csv"])
        #expect(table.output.contains(",\(holderPid)\r\n"))
        try holder.execute("ROLLBACK")
        #expect(waited.wait(timeout: .now() + 60) == .success)
    }

    @Test func theSecretariatEndsASessionAndItIsGone() throws {
        let representative = try idleRepresentative()
        defer { representative.connection.close() }

        let ended = cli.run(["db", "connections", "end", String(representative.pid), "--yes"])
        #expect(ended.status == 0, "\(ended.error)")
        #expect(ended.output == "Ended session \(representative.pid) of \(representative.role); what it had not committed was rolled back.\n")
        #expect(try !listed().contains { $0["pid"] as? Int == representative.pid })
        let error = try #require(throws: PQError.self) { try representative.connection.query("SELECT 1") }
        #expect(StoreError(error) == .connectionLost(ConnectionLoss(cause: .terminated, duringCommit: false)))
    }

    @Test func onATerminalEndingASessionAsksFirst() throws {
        let representative = try idleRepresentative()
        defer { representative.connection.close() }
        let pid = String(representative.pid)

        let declined = cli.run(["db", "connections", "end", pid], terminalLines: ["n"])
        #expect(declined.status == 1)
        #expect(declined.error.hasPrefix("Ending \(representative.role) (session \(pid), idle in transaction for "))
        #expect(declined.error.hasSuffix(") rolls back what it has not committed.\nEnd session \(pid)? [y/N] ecpa: Session \(pid) was not ended.\n"))
        #expect(try listed().contains { $0["pid"] as? Int == representative.pid })

        let withoutTerminal = cli.run(["db", "connections", "end", pid])
        #expect(withoutTerminal.status == 64)
        #expect(
            withoutTerminal.error.hasSuffix(
                "rolls back what it has not committed. It cannot be undone, so ecpa asks first; without a terminal to ask on, add --yes to go ahead.\n"
            ))

        let confirmed = cli.run(["db", "connections", "end", pid], terminalLines: ["y"])
        #expect(confirmed.status == 0, "\(confirmed.error)")
        #expect(try !listed().contains { $0["pid"] as? Int == representative.pid })
    }

    @Test func onlyTheSecretariatListsOrEndsSessions() throws {
        let representative = try idleRepresentative()
        defer { representative.connection.close() }

        let list = cli.run(["db", "connections", "--as", representative.role])
        #expect(list.status == 5)
        #expect(list.error == "ecpa: Only the secretariat can see who is connected to the database.\n")
        let end = cli.run(["db", "connections", "end", String(representative.pid), "--yes", "--as", representative.role])
        #expect(end.status == 5)
        #expect(end.error == "ecpa: Only the secretariat can end other people's sessions.\n")
        // Through psql the functions refuse too.
        let psql = try cli.psql(
            role: representative.role, password: "password-\(representative.role)",
            "SELECT ecpa.end_connection(\(representative.pid))")
        #expect(psql.status != 0)
        #expect(try listed().contains { $0["pid"] as? Int == representative.pid })
    }

    @Test func anUnknownSessionOrASuperusersIsRefused() throws {
        let (secretariat, _) = try cli.secretariatLogin()
        let unknown = cli.run(["db", "connections", "end", "999999", "--yes", "--as", secretariat])
        #expect(unknown.status == 2)
        #expect(unknown.error == "ecpa: There is no session 999999 on this database. `ecpa db connections` lists the sessions.\n")

        let admin = try cli.database.connect()
        defer { admin.close() }
        let adminPid = try CLIHarness.pid(of: admin)
        let superuser = cli.run(["db", "connections", "end", String(adminPid), "--yes", "--as", secretariat])
        #expect(superuser.status == 5)
        #expect(superuser.error.hasSuffix("a database superuser's; only a superuser can end it.\n"))
        #expect(try admin.queryOne("SELECT 1 AS one")?.decode("one") == 1)
    }
}
