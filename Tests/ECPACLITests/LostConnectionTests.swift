@testable import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// When the session ends under a command, one sentence says whether anything was written.
@Suite struct LostConnectionTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    func terminate(_ pid: Int) throws {
        let admin = try cli.database.connect()
        defer { admin.close() }
        #expect(try admin.queryOne("SELECT pg_terminate_backend(\(pid)::integer) AS done")?.decode("done") == true)
    }

    @Test func aSessionEndedBeforeTheCommitWroteNothing() throws {
        try cli.openEdition()
        let (role, password) = try cli.secretariatLogin()
        let holder = try cli.database.connect(role: role, password: password)
        defer { holder.close() }
        try holder.execute("BEGIN")
        _ = try holder.query("SELECT id FROM ecpa.editions WHERE year = 2018 FOR UPDATE")

        let run = BackgroundRun(cli, ["edition", "close", "2018"], environment: ["ECPA_LOCK_TIMEOUT": "5min"])
        try terminate(try cli.sessionBlocked(by: try CLIHarness.pid(of: holder)))
        let result = try run.finish()
        #expect(result.status == 69)
        #expect(
            result.error
                == "ecpa: The database ended this session (the secretariat or an administrator ended it, or the server is shutting down) before anything was committed, so nothing was written: run the command again.\n"
        )
        try holder.execute("ROLLBACK")
        #expect(try cli.phase(of: 2018) == "submissions_open")
    }

    @Test func aSessionEndedDuringTheCommitLeavesTheOutcomeUnknown() throws {
        try cli.openEdition()
        // A check that runs at commit and waits for a lock, so the commit is in progress when the session ends.
        let admin = try cli.database.connect()
        defer { admin.close() }
        try admin.executeScript(
            unsafeRaw: """
                CREATE FUNCTION public.wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NULL; END $$;
                CREATE CONSTRAINT TRIGGER wait_at_commit AFTER UPDATE ON ecpa.editions
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.wait_at_commit();
                SELECT pg_advisory_lock(4242);
                """)

        let run = BackgroundRun(cli, ["edition", "close", "2018"], environment: ["ECPA_LOCK_TIMEOUT": "5min"])
        try terminate(try cli.sessionBlocked(by: try CLIHarness.pid(of: admin)))
        let result = try run.finish()
        #expect(result.status == 69)
        #expect(
            result.error
                == "ecpa: The database ended this session (the secretariat or an administrator ended it, or the server is shutting down) while the change was being committed, so whether it was saved is not known: check what the command should have changed before you run it again.\n"
        )
    }

    /// A command that committed its change and then lost its session while reading the result back
    /// (`score enter` does) must not say that nothing was written.
    @Test func aSessionLostAfterACommitSaysTheChangeWasSaved() throws {
        let connection = try cli.database.connect()
        let session = CommandSession()
        session.record(connection, timeouts: SessionTimeouts(lock: nil, statement: nil))
        let lost = StoreError.connectionLost(ConnectionLoss(cause: .terminated, duringCommit: false))
        #expect(session.explain(lost).description.hasSuffix("before anything was committed, so nothing was written: run the command again."))
        try connection.transaction { try $0.execute("SELECT 1") }
        #expect(
            session.explain(lost).description.hasSuffix(
                "after the command had committed its change, so that change was saved and only what came after it is missing: check the result before you run the command again."
            ))
        let duringCommit = StoreError.connectionLost(ConnectionLoss(cause: .terminated, duringCommit: true))
        #expect(session.explain(duringCommit).description.contains("whether it was saved is not known"))
    }
}
