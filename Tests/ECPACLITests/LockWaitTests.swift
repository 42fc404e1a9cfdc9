import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Commands that wait for a lock another login holds give up after ECPA_LOCK_TIMEOUT, name who
/// holds it and say what to do; nothing is written.
@Suite struct LockWaitTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// A member of the secretariat who locked the 2018 edition's row in psql and went for coffee.
    func holdEdition2018() throws -> (role: String, connection: Connection, pid: Int) {
        let (role, password) = try cli.secretariatLogin()
        let holder = try cli.database.connect(role: role, password: password)
        try holder.execute("BEGIN")
        _ = try holder.query("SELECT id FROM ecpa.editions WHERE year = 2018 FOR UPDATE")
        return (role, holder, try CLIHarness.pid(of: holder))
    }

    @Test func closingAnEditionSomeoneHoldsNamesThemAndChangesNothing() throws {
        try cli.openEdition()
        let holder = try holdEdition2018()
        defer { holder.connection.close() }

        let result = cli.run(["edition", "close", "2018"], environment: ["ECPA_LOCK_TIMEOUT": "1s"])
        #expect(result.status == 75)
        #expect(
            result.error.hasPrefix("ecpa: Waited 1 s for a lock, most likely held by \(holder.role) (session \(holder.pid), idle in transaction for ")
        )
        #expect(
            result.error.hasSuffix(
                "), so nothing was written. Ask them to finish, or end that session with `ecpa db connections end \(holder.pid)`.\n"))
        #expect(!result.error.contains("SELECT"))
        #expect(try cli.phase(of: 2018) == "submissions_open")
        #expect(result.output.isEmpty)
    }

    @Test func aRepresentativeWhoWaitsIsToldWhoHoldsTheLockAndToAskTheSecretariat() throws {
        try cli.openEdition()
        let representative = try cli.representative("FI")
        let file = try cli.file("FI.toml", EntryCommandTests.entryFile(country: "FI", title: "Forssa"))
        let holder = try holdEdition2018()
        defer { holder.connection.close() }

        let result = cli.run(["entry", "submit", file, "--as", representative.role], environment: ["ECPA_LOCK_TIMEOUT": "1s"])
        #expect(result.status == 75)
        // PostgreSQL shows a representative other sessions' logins, not their state.
        #expect(
            result.error
                == "ecpa: Waited 1 s for a lock, most likely held by \(holder.role) (session \(holder.pid)), so nothing was written. Ask them to finish, or ask the secretariat to end that session (`ecpa db connections end \(holder.pid)`).\n"
        )
        #expect(try cli.count("entries") == 0)
    }

    @Test func aStatementTimeoutSaysSoAndNothingIsWritten() throws {
        try cli.openEdition()
        let holder = try holdEdition2018()
        defer { holder.connection.close() }

        let result = cli.run(
            ["edition", "close", "2018"],
            environment: ["ECPA_LOCK_TIMEOUT": "0", "ECPA_STATEMENT_TIMEOUT": "1 second"])
        #expect(result.status == 75)
        #expect(
            result.error
                == "ecpa: The database canceled the command because it ran longer than the statement timeout (1 s), or because an administrator canceled it; nothing was written. Run it again, with a longer ECPA_STATEMENT_TIMEOUT if it needs more time.\n"
        )
        #expect(try cli.phase(of: 2018) == "submissions_open")
    }

    @Test func aTimeoutPostgreSQLCannotReadIsAUsageError() throws {
        let unreadable = cli.run(["edition", "list"], environment: ["ECPA_LOCK_TIMEOUT": "ten seconds"])
        #expect(unreadable.status == 64)
        #expect(
            unreadable.error
                == "ecpa: ECPA_LOCK_TIMEOUT is \"ten seconds\", which PostgreSQL cannot read as a length of time. Write it like 10s, 2min or 1 hour; 0 turns the limit off.\n"
        )
        let negative = cli.run(["edition", "list"], environment: ["ECPA_STATEMENT_TIMEOUT": "-5 min"])
        #expect(negative.status == 64)
        #expect(negative.error.hasPrefix("ecpa: ECPA_STATEMENT_TIMEOUT must be between 0 (no limit) and 24 d 20 h"))
        #expect(cli.run(["edition", "list"], environment: ["ECPA_LOCK_TIMEOUT": "00:00:30", "ECPA_STATEMENT_TIMEOUT": "2 hours"]).status == 0)
    }

    @Test func aMigrationDoesNotWaitForeverForAnotherMigrator() throws {
        let empty = try TestDatabase.make()
        let other = try empty.connect()
        defer { other.close() }
        // What `ecpa db migrate` running elsewhere holds while it works.
        _ = try other.query(
            """
            SELECT pg_advisory_lock(hashtextextended('ecpa migrator "ecpa_meta"."schema_migrations"', 0))
            """)
        let pid = try CLIHarness.pid(of: other)

        let result = cli.run(["db", "migrate", "--db", empty.conninfo], environment: ["ECPA_LOCK_TIMEOUT": "1s"])
        #expect(result.status == 75)
        #expect(result.error.contains("ecpa: Waited 1 s for a lock, most likely held by "))
        #expect(result.error.contains("(session \(pid)"))
        #expect(result.error.hasSuffix("Ask them to finish; only a database administrator can end that session.\n"))
        let applied = try empty.connect().queryOne("SELECT to_regclass('ecpa_meta.schema_migrations') IS NULL AS none")
        #expect(try applied?.decode("none") == true)
    }
}
