import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// A transaction whose snapshot is older than another session's committed change fails with a
/// serialization error (40001); ecpa runs it once more, then says what happened.
@Suite struct ConcurrentChangeTests {
    let scoring: ScoringTests
    var cli: CLIHarness { scoring.cli }

    init() throws { scoring = try ScoringTests() }

    /// The juror's own psql session, in which they changed one of their scores and have not committed yet.
    func pendingChange(_ juror: (role: String, password: String), criterion: String, value: Int) throws -> (connection: Connection, pid: Int) {
        let connection = try cli.database.connect(role: juror.role, password: juror.password)
        try connection.execute("BEGIN")
        let changed = try connection.execute(
            """
            UPDATE ecpa.scores SET value = \(value) WHERE entry_id = 2 AND criterion_code = \(criterion)
            """)
        #expect(changed == 1)
        return (connection, try CLIHarness.pid(of: connection))
    }

    /// `score enter` in SERIALIZABLE (as a psql user might set as their default), as the juror.
    func enterScores(_ juror: String) -> BackgroundRun {
        BackgroundRun(
            cli,
            [
                "score", "enter", "--entry", "2", "--as", juror,
                "--db", "\(cli.database.conninfo) options=-cdefault_transaction_isolation=serializable",
                "--criterion", "focus=4", "--criterion", "evaluation=4", "--criterion", "innovation=4",
                "--criterion", "cooperation=4", "--criterion", "transferability=4",
            ],
            environment: ["ECPA_LOCK_TIMEOUT": "5min"])
    }

    func values(_ juror: String) throws -> [String: Int] {
        let admin = try cli.database.connect()
        defer { admin.close() }
        let rows = try admin.query(
            """
            SELECT s.criterion_code, s.value::integer AS value FROM ecpa.scores s JOIN ecpa.jurors j ON j.id = s.juror_id
            WHERE s.entry_id = 2 AND j.role_name = \(juror)
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode("criterion_code"), try $0.decode("value")) })
    }

    @Test func aSerializationFailureIsRetriedOnceAndTheSecondAttemptWrites() throws {
        let (austrian, _) = try scoring.prepare()
        try cli.expectSuccess(["score", "enter", "--entry", "2", "--as", austrian.role] + ScoringTests.allFive)
        let other = try pendingChange(austrian, criterion: "focus", value: 1)
        defer { other.connection.close() }

        let run = enterScores(austrian.role)
        _ = try cli.sessionBlocked(by: other.pid)
        try other.connection.execute("COMMIT")
        let result = try run.finish()
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "Another session changed the same edition at the same moment; running the command once more.\n")
        #expect(result.output.contains("focus 4, evaluation 4, innovation 4, cooperation 4, transferability 4"))
        #expect(try values(austrian.role) == ["focus": 4, "evaluation": 4, "innovation": 4, "cooperation": 4, "transferability": 4])
    }

    @Test func aSecondSerializationFailureIsExplainedAndNothingIsWritten() throws {
        let (austrian, _) = try scoring.prepare()
        try cli.expectSuccess(["score", "enter", "--entry", "2", "--as", austrian.role] + ScoringTests.allFive)
        // One juror's writes queue one behind the other. The first attempt waits for the change to
        // focus and fails when it commits; meanwhile the juror's third session queued a change to
        // evaluation, which the second attempt waits for and fails on in turn.
        let first = try pendingChange(austrian, criterion: "focus", value: 1)
        defer { first.connection.close() }
        let run = enterScores(austrian.role)
        _ = try cli.sessionBlocked(by: first.pid)
        let second = try QueuedChange(cli.database, austrian, "UPDATE ecpa.scores SET value = 2 WHERE entry_id = 2 AND criterion_code = 'evaluation'")
        try cli.session(second.pid, waitsFor: first.pid)
        try first.connection.execute("COMMIT")
        second.waitUntilChanged()
        _ = try cli.sessionBlocked(by: second.pid)
        second.commit()
        let result = try run.finish()
        #expect(result.status == 75)
        #expect(
            result.error == "Another session changed the same edition at the same moment; running the command once more.\n"
                + "ecpa: Another session changed the same edition at the same moment (for example the secretariat moved it to another phase); nothing was written. Run the command again.\n"
        )
        #expect(try values(austrian.role) == ["focus": 1, "evaluation": 2, "innovation": 9, "cooperation": 6, "transferability": 7])
    }
}
