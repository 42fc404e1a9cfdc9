import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Juries, conflicts and scores as jurors and the secretariat meet them.
@Suite struct ScoringTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// An edition with eligible entries from FI, LT and HU, the shipped scheme, and jurors from AT and FI, with scoring open.
    func prepare(extraJurors: [String] = []) throws -> (austrian: (role: String, password: String), finnish: (role: String, password: String)) {
        try cli.openEdition()
        for country in ["FI", "LT", "HU"] {
            let (role, _) = try cli.representative(country)
            let file = try cli.file("\(country).toml", EntryCommandTests.entryFile(country: country, title: "Project of \(country)"))
            try cli.expectSuccess(["entry", "submit", file, "--as", role])
        }
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        let austrian = try juror("AT")
        let finnish = try juror("FI")
        for country in extraJurors { _ = try juror(country) }
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        return (austrian, finnish)
    }

    func juror(_ country: String, advisory: Bool = false) throws -> (role: String, password: String) {
        let role = TestDatabase.uniqueName(country.lowercased() + "_juror")
        let password = "password-\(role)"
        try cli.expectSuccess(
            ["jury", "add", role, "--country", country, "--name", "Juror from \(country)", "--password-file", "-"]
                + (advisory ? ["--advisory"] : []), input: password + "\n")
        return (role, password)
    }

    static let allFive = [
        "--criterion", "focus=8", "--criterion", "evaluation=7", "--criterion", "innovation=9",
        "--criterion", "cooperation=6", "--criterion", "transferability=7",
    ]

    @Test func aJurorScoresAnEntryAndSeesTheirProgress() throws {
        let (austrian, _) = try prepare()
        let entered = cli.run(["score", "enter", "--entry", "1", "--as", austrian.role] + Self.allFive)
        #expect(entered.status == 0, "\(entered.error)")
        #expect(
            entered.output
                == "Scores of \(austrian.role) for entry 1: focus 8, evaluation 7, innovation 9, cooperation 6, transferability 7 (5 of 5 criteria).\n"
        )
        let status = cli.run(["score", "status", "--as", austrian.role, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        let jurors = object?["jurors"] as? [[String: Any]]
        #expect(jurors?.count == 1)
        #expect(jurors?.first?["scored"] as? Int == 1)
        #expect(jurors?.first?["missing"] as? Int == 2)
        #expect(object?["complete"] as? Bool == false)
    }

    @Test func aJurorCannotScoreTheirOwnCountrysEntryThroughTheCLIOrPsql() throws {
        let (_, finnish) = try prepare()
        let refused = cli.run(["score", "enter", "--entry", "1", "--as", finnish.role] + Self.allFive)
        #expect(refused.status == 5)
        #expect(refused.error.contains("is from FI, the country of entry 1 \"Project of FI\", and does not score it"))
        let psql = try cli.psql(
            role: finnish.role, password: finnish.password,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
            SELECT 1, 1, id, 'focus', 8 FROM ecpa.jurors WHERE role_name = current_user
            """)
        #expect(psql.status != 0)
        #expect(psql.error.contains("does not score it"))
        #expect(try cli.count("scores") == 0)
        let conflicts = cli.run(["jury", "conflict", "list", "--format", "csv"])
        #expect(conflicts.output.contains("1,\(finnish.role),own country,the juror is from Finland"))
    }

    @Test func aJurorCannotReadAnotherJurorsScoresThroughPsql() throws {
        let (austrian, finnish) = try prepare()
        try cli.expectSuccess(["score", "enter", "--entry", "1", "--as", austrian.role] + Self.allFive)
        let read = try cli.psql(role: finnish.role, password: finnish.password, "SELECT count(*) FROM ecpa.scores")
        #expect(read.status == 0)
        #expect(read.output.contains("     0\n"))
        let history = try cli.psql(role: finnish.role, password: finnish.password, "SELECT count(*) FROM ecpa.score_events")
        #expect(history.output.contains("     0\n"))
        let own = try cli.psql(role: austrian.role, password: austrian.password, "SELECT count(*) FROM ecpa.scores")
        #expect(own.output.contains("     5\n"))
        let forged = try cli.psql(
            role: finnish.role, password: finnish.password,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
            SELECT 1, 2, id, 'focus', 1 FROM ecpa.jurors WHERE role_name = '\(austrian.role)'
            """)
        #expect(forged.status != 0)
    }

    @Test func valuesOffTheScaleAreRefusedWithEveryProblemNamed() throws {
        let (austrian, _) = try prepare()
        let result = cli.run([
            "score", "enter", "--entry", "2", "--as", austrian.role,
            "--criterion", "focus=7.5", "--criterion", "evaluation=11", "--criterion", "colour=3",
        ])
        #expect(result.status == 65)
        #expect(result.error.contains("7.5 is not allowed for"))
        #expect(result.error.contains("11 is not allowed for"))
        #expect(result.error.contains("There is no criterion 'colour'"))
        let psql = try cli.psql(
            role: austrian.role, password: austrian.password,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
            SELECT 1, 2, id, 'focus', 7.5 FROM ecpa.jurors WHERE role_name = current_user
            """)
        #expect(psql.error.contains("7.5 is not on the scale of Focus"))
        #expect(try cli.count("scores") == 0)
    }

    @Test func anAbstentionReplacesScoresAndShowsInTheMatrix() throws {
        let (austrian, _) = try prepare()
        try cli.expectSuccess(["score", "enter", "--entry", "2", "--as", austrian.role] + Self.allFive)
        let abstained = cli.run([
            "score", "enter", "--entry", "2", "--abstain", "--comment", "I advised this project in 2017.", "--as", austrian.role,
        ])
        #expect(abstained.status == 0, "\(abstained.error)")
        #expect(try cli.count("scores") == 0)
        let status = cli.run(["score", "status", "--format", "csv"])
        #expect(status.output.contains("2,LT,\(austrian.role),abstained,,\r\n"))
        let history = cli.run(["score", "history", "--entry", "2", "--format", "csv"])
        #expect(history.output.split(separator: "\r\n").count == 1 + 5 + 5 + 1)
    }

    @Test func advisoryJurorsDoNotScore() throws {
        _ = try prepareWithAdvisory()
    }

    func prepareWithAdvisory() throws {
        try cli.openEdition()
        let (rep, _) = try cli.representative("LT")
        try cli.expectSuccess(["entry", "submit", try cli.file("lt.toml", EntryCommandTests.entryFile(country: "LT", title: "Project")), "--as", rep])
        try cli.expectSuccess(["entry", "eligibility", "1", "--eligible"])
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        let expert = try juror("BE", advisory: true)
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        let result = cli.run(["score", "enter", "--entry", "1", "--as", expert.role] + Self.allFive)
        #expect(result.status == 5)
        #expect(result.error.contains("is an advisory member of the jury and does not score"))
    }

    @Test func theSchemeAndJuryAreFixedOnceScoringOpens() throws {
        _ = try prepare()
        let scheme = cli.run(["scheme", "set", "--edition", "2018"])
        #expect(scheme.status == 3)
        #expect(scheme.error.contains("The scoring scheme of the 2018 edition is fixed: scoring has opened."))
        let late = cli.run(
            ["jury", "add", TestDatabase.uniqueName("late"), "--country", "SE", "--name", "Late", "--password-file", "-"], input: "a long password\n")
        #expect(late.status == 3)
    }

    @Test func aJuryHasAtMostEightVotingMembers() throws {
        try cli.openEdition()
        for country in ["AT", "BG", "RO", "FI", "EE", "SK", "HU", "DE"] { _ = try juror(country) }
        let ninth = cli.run(
            ["jury", "add", TestDatabase.uniqueName("ninth"), "--country", "SE", "--name", "Ninth", "--password-file", "-"],
            input: "a long password\n")
        #expect(ninth.status == 65)
        #expect(ninth.error.contains("already has 8 voting jurors, its limit"))
        _ = try juror("SE", advisory: true)
        #expect(try cli.count("jurors") == 9)
    }

    @Test func theLedgerVerifiesAfterAThousandRandomChangesByConcurrentJurors() throws {
        _ = try prepare(extraJurors: ["RO", "BG"])
        let admin = try cli.database.connect()
        let seats = try admin.query("SELECT id, country_code FROM ecpa.jurors ORDER BY id").map {
            (id: try $0.decode("id", as: Int64.self), country: try $0.decode("country_code", as: String.self))
        }
        let entries: [(Int64, String)] = [(1, "FI"), (2, "LT"), (3, "HU")]
        let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"]
        // Two writers at once, each a connection of its own, 500 random single-cell changes each.
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let connection = try cli.database.connect()
                var generator = SeededGenerator(seed: UInt64(worker + 1))
                for _ in 0..<500 {
                    let seat = seats.randomElement(using: &generator)!
                    let entry = entries.filter { $0.1 != seat.country }.randomElement(using: &generator)!
                    let score = Score(
                        entry: EntryID(entry.0), juror: JurorID(seat.id),
                        criterion: criteria.randomElement(using: &generator)!,
                        value: Decimal(Int.random(in: 0...10, using: &generator)))
                    try ScoreRepository(connection).recordScores(edition: EditionID(1), [score])
                }
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        // Writers append batches without waiting for one another; sealing links them all.
        #expect(try ScoreRepository(admin).verifyLedger().isEmpty)
        let sealed: Int = try admin.query("SELECT ecpa.seal_score_ledger() AS n").first?.decode("n") ?? 0
        let batches = try admin.query(
            """
            SELECT count(*) AS n, count(DISTINCT prev_hash) AS links, count(chain_position) AS positions FROM ecpa.score_batches
            """
        ).first
        #expect(try batches?.decode("n", as: Int.self) == batches?.decode("links", as: Int.self))
        #expect(try batches?.decode("n", as: Int.self) == batches?.decode("positions", as: Int.self))
        #expect(try sealed > 0 && batches?.decode("n", as: Int.self) == sealed)
        #expect(try ScoreRepository(admin).verifyLedger().isEmpty)
        let verified = cli.run(["score", "history", "--verify", "--format", "csv"])
        #expect(verified.status == 0)
        #expect(verified.error == "The ledger's hash chain verifies.\n")

        try admin.execute("SET session_replication_role = replica")
        try admin.execute("UPDATE ecpa.score_events SET new_value = 10 WHERE id = 7")
        let broken = try ScoreRepository(admin).verifyLedger()
        #expect(broken.count == 1)
        #expect(broken.first?.problem == "its events were changed")
    }

    @Test func jurorsCannotReadBatchDigestsMoveConflictsOrRewriteCellsThroughPsql() throws {
        let (austrian, finnish) = try prepare()
        try cli.expectSuccess(["score", "enter", "--entry", "2", "--as", austrian.role] + Self.allFive)
        let digests = try cli.psql(role: finnish.role, password: finnish.password, "SELECT rows_digest FROM ecpa.score_batches")
        #expect(digests.status != 0)
        #expect(digests.error.contains("ERROR:  42501:") && digests.error.contains("score_batches"))
        try cli.expectSuccess(["jury", "conflict", "declare", "--entry", "3", "--juror", finnish.role, "--reason", "Advised the project."])
        let moved = try cli.psql(role: finnish.role, password: finnish.password, "UPDATE ecpa.declared_conflicts SET entry_id = 2")
        #expect(moved.status != 0)
        #expect(moved.error.contains("ERROR:  42501:") && moved.error.contains("declared_conflicts"))
        let recoded = try cli.psql(
            role: austrian.role, password: austrian.password,
            "UPDATE ecpa.scores SET criterion_code = 'innovation' WHERE criterion_code = 'focus'")
        #expect(recoded.status != 0 && recoded.error.contains("ERROR:  42501:"))
        try cli.expectSuccess(["score", "enter", "--entry", "3", "--abstain", "--as", austrian.role])
        let edited = try cli.psql(role: austrian.role, password: austrian.password, "UPDATE ecpa.abstentions SET comment = 'changed quietly'")
        #expect(edited.status != 0 && edited.error.contains("ERROR:  42501:"))
        // Nobody but the owner writes the ledger, not even through a trigger of their own.
        let forged = try cli.psql(
            role: finnish.role, password: finnish.password,
            """
            CREATE TEMP TABLE t (x int);
            CREATE FUNCTION pg_temp.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, action, actor)
                VALUES (999, 1, 2, 1, 'insert', '\(austrian.role)'); RETURN NULL; END $$;
            CREATE TRIGGER t_forge AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION pg_temp.f();
            INSERT INTO t VALUES (1);
            """)
        #expect(forged.status != 0)
        #expect(forged.error.contains("ERROR:  42501:") && forged.error.contains("score_events"))
        let verified = cli.run(["score", "history", "--verify", "--as", austrian.role, "--format", "csv"])
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.output.contains(",\(austrian.role),2,\(austrian.role),focus,insert,,8,"))
    }

    @Test func onATerminalScoreEnterAsksForEachCriterionAndRetriesBadValues() throws {
        let (austrian, _) = try prepare()
        let result = cli.run(
            ["score", "enter", "--entry", "2", "--as", austrian.role],
            terminalLines: ["8", "", "eleven", "11", "9", "A before-and-after study.", "7", "", "6.5", "6", "", "8", ""])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("Entry 2, Lithuania: \"Project of LT\""))
        #expect(result.error.contains("Focus on everyday crime and fear of crime (0 to 10 in steps of 1, weight 1): "))
        #expect(result.error.contains("That is not a number; try again"))
        #expect(result.error.contains("11 is not allowed for Evaluated and effective"))
        #expect(result.error.contains("Comment on Evaluated and effective (optional; Enter to leave none): "))
        #expect(
            result.output
                == "Scores of \(austrian.role) for entry 2: focus 8, evaluation 9, innovation 7, cooperation 6, transferability 8 (5 of 5 criteria).\n"
        )
        let again = cli.run(["score", "enter", "--entry", "2", "--as", austrian.role], terminalLines: ["", "", "10", "", "", "", "", "", "", ""])
        #expect(again.error.contains("Evaluated and effective (0 to 10 in steps of 1, weight 2) [9]: "))
        #expect(again.error.contains("Comment on Evaluated and effective (optional; Enter to keep it) [A before-and-after study.]: "))
        #expect(again.output.contains("focus 8, evaluation 10, innovation 7"))
        let kept = try cli.database.connect().query("SELECT comment FROM ecpa.scores WHERE entry_id = 2 AND criterion_code = 'evaluation'")
        #expect(try kept.first?.decode("comment") as String? == "A before-and-after study.")
        let stopped = cli.run(["score", "enter", "--entry", "3", "--as", austrian.role], terminalLines: ["5"])
        #expect(stopped.status == 65)
        #expect(stopped.error.contains("Input ended before every criterion had a value; nothing was written."))
        // Asking PostgreSQL first (a write rolled back) leaves nothing in the ledger, which still verifies.
        let verified = cli.run(["score", "history", "--verify", "--as", austrian.role, "--format", "csv"])
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.error.contains("The ledger's hash chain verifies."))
        #expect(!verified.output.contains(",3,\(austrian.role),"))
    }

    /// Typing ? at a value shows the entry's text, and the question is asked again.
    @Test func onATerminalAQuestionMarkShowsTheEntry() throws {
        let (austrian, _) = try prepare()
        let result = cli.run(
            ["score", "enter", "--entry", "3", "--as", austrian.role],
            terminalLines: ["?", "8", "", "7", "", "7", "", "6", "", "8", ""], environment: ["COLUMNS": "70"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Entry 3 · Hungary (HU) · competing · eligible\nProject of HU\n"))
        #expect(result.output.contains("DESCRIPTION ("))
        let shown = result.output.components(separatedBy: "Scores of ").first ?? ""
        #expect(shown.split(separator: "\n").allSatisfy { $0.count <= 70 }, "\(shown)")
        #expect(result.error.components(separatedBy: "Focus on everyday crime and fear of crime (0 to 10").count == 3)
    }

    /// A conflicted juror is told so by PostgreSQL before any value is asked.
    @Test func onATerminalAConflictIsRefusedBeforeAnyValue() throws {
        let (_, finnish) = try prepare()
        let refused = cli.run(["score", "enter", "--entry", "1", "--as", finnish.role], terminalLines: ["8"])
        #expect(refused.status == 5)
        #expect(refused.error.contains("is from FI, the country of entry 1 \"Project of FI\", and does not score it"))
        #expect(!refused.error.contains("Focus on everyday crime"))
        #expect(try cli.count("scores") == 0)
    }

    /// Paused scoring is refused by PostgreSQL before any value is asked, with what is refused.
    @Test func onATerminalPausedScoringIsRefusedBeforeAnyValue() throws {
        let (austrian, _) = try prepare()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        let refused = cli.run(["score", "enter", "--entry", "2", "--as", austrian.role], terminalLines: ["8"])
        #expect(refused.status == 3, "\(refused.error)")
        #expect(refused.error.contains("not open"))
        #expect(!refused.error.contains("Focus on everyday crime"))
        #expect(try cli.count("scores") == 0)
    }
}

/// A small deterministic random generator, so a failing run can be repeated.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func append(_ error: Error) { lock.withLock { errors.append(error) } }
    var all: [Error] { lock.withLock { errors } }
}
