import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The deliberation (issue "what the jury decides", items 1 to 3): declared before scoring, it
/// follows scoring once closed, seals round 1 and lets each juror revise their scores of the
/// entries under discussion, with a reason, as jurors and the secretariat meet it.
@Suite struct DeliberationTests {
    let world: HostileWorld

    /// The shipped scheme with a deliberation whose revised scores decide.
    static let scheme =
        Schema.shippedSchemeText("ecpa-default")!.replacingOccurrences(of: "deliberation = false", with: "deliberation = true")
        .replacingOccurrences(of: "decided_by = \"scores\"", with: "decided_by = \"revised-scores\"")

    init() throws { world = try HostileWorld(schemeFile: Self.scheme) }

    var cli: CLIHarness { world.cli }

    /// Everything scored (round 1: Finland 8.5, Lithuania 7.333, Hungary 7), scoring closed, and the
    /// deliberation begun on every entry.
    func deliberate() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        try cli.expectSuccess(["edition", "deliberation", "open", "2018", "--yes", "--entry", "1", "--entry", "2", "--entry", "3"])
    }

    func revise(_ country: String, entry: Int, to value: Int, reason: String = "We heard the evaluation again.") -> CLIHarness.Result {
        let values = HostileWorld.criteria.flatMap { ["--criterion", "\($0)=\(value)"] }
        return cli.run(["score", "revise", "--entry", String(entry), "--reason", reason, "--as", world.jurors[country]!.role] + values)
    }

    @Test func theDeclarationSaysWhetherADeliberationFollowsAndItMustBeHeld() throws {
        let declared = try #require(try SchemeRepository(world.admin).fetchDeclaration(edition: EditionID(1)))
        #expect(declared.text.contains("[decision]\ndeliberation = true\ndecided_by = \"revised-scores\"\n"))
        #expect(declared.scheme?.decision == DecisionSettings(deliberation: true, decidedBy: .revisedScores))
        try world.scoreEverything()
        // Not while scoring is open; and no freeze before the deliberation the edition declared.
        let early = cli.run(["edition", "deliberation", "open", "2018", "--yes", "--entry", "2"])
        #expect(early.status != 0 && early.error.contains("still open; close it first"), "\(early.error)")
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        let freeze = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(freeze.status != 0 && freeze.error.contains("declared a deliberation; hold it before the freeze"), "\(freeze.error)")
    }

    @Test func jurorsReviseRoundTwoWithReasonsAndRoundOneStays() throws {
        try deliberate()
        // Round 1 is sealed: scoring does not open again, and a score write is refused.
        let reopen = cli.run(["edition", "scoring", "open", "2018"])
        #expect(reopen.error.contains("cannot open again: its deliberation has begun and round 1 is sealed"), "\(reopen.error)")
        let enter = cli.run(["score", "enter", "--entry", "2", "--as", world.jurors["AT"]!.role, "--criterion", "focus=10"])
        #expect(enter.status != 0)

        // The Bulgarian juror lifts Hungary; the Austrian juror lowers Lithuania's focus.
        #expect(revise("BG", entry: 3, to: 10).status == 0)
        let one = cli.run([
            "score", "revise", "--entry", "2", "--criterion", "focus=5", "--reason", "Less focused than we thought.", "--as",
            world.jurors["AT"]!.role,
        ])
        #expect(one.status == 0, "\(one.error)")
        // A reason is required; a conflicted juror revises nothing; the value must be on the scale.
        let bare = cli.run(["score", "revise", "--entry", "2", "--criterion", "focus=6", "--reason", " ", "--as", world.jurors["AT"]!.role])
        #expect(bare.status != 0)
        let conflicted = revise("FI", entry: 1, to: 10)
        #expect(conflicted.status != 0 && conflicted.error.contains("conflict"), "\(conflicted.error)")
        let offScale = cli.run([
            "score", "revise", "--entry", "2", "--criterion", "focus=11", "--reason", "Too high", "--as", world.jurors["AT"]!.role,
        ])
        #expect(offScale.status != 0)

        // Round 1 is untouched; the revisions sit beside it.
        let roundOne: [Decimal] = try world.admin.query(
            "SELECT value FROM ecpa.scores WHERE entry_id = 3 AND juror_id = \(try world.seat("BG")) ORDER BY criterion_code"
        ).map { try $0.decode("value") }
        #expect(roundOne == [6, 6, 6, 6, 6])
        // Each juror reads their own revisions; the secretariat all.
        let own = cli.run(["score", "revisions", "--as", world.jurors["AT"]!.role, "--format", "csv"])
        #expect(CSVReader.rows(own.output).count == 2, "\(own.output)")
        let all = cli.run(["score", "revisions", "--format", "csv"])
        #expect(CSVReader.rows(all.output).count == 7)

        // The revised scores decide: Hungary (6, 10, 9: 8.333) passes Lithuania.
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let places: [(Int64, Int)] = try world.admin.query("SELECT entry_id, place FROM ecpa.frozen_places ORDER BY place").map {
            (try $0.decode("entry_id"), try $0.decode("place"))
        }
        #expect(places.map(\.0) == [1, 3, 2])
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(
            verified.output.contains("round 1, as sealed when the deliberation began, is the score set held now, and each of the 6 revisions matches")
        )
        // After publication a reader verifies the same, revisions included.
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let url = "\(cli.database.conninfo) user=\(world.reader.role) password=\(world.reader.password)"
        let byReader = cli.run(["results", "verify", "--edition", "2018", "--db", url])
        #expect(byReader.status == 0, "\(byReader.output)\(byReader.error)")
        // The report says how the medals were decided and what the deliberation changed.
        let report = cli.run(["report", "winners", "--edition", "2018"]).output
        #expect(report.contains("The scores as revised in the deliberation (round 2) decided the medals, as the edition declared."))
        #expect(report.contains("- Lithuania: 1 score revised by 1 juror; its score went from 7.333 in round 1 to 7.222 in round 2."))
        #expect(report.contains("- Hungary: 5 scores revised by 1 juror; its score went from 7.000 in round 1 to 8.333 in round 2."))
    }

    @Test func verifyNamesARevisionChangedBehindTheTriggersBack() throws {
        try deliberate()
        #expect(revise("BG", entry: 3, to: 10).status == 0)
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        // The owner turns the guard off and rewrites a revision and its reason.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.revisions SET new_value = 9, reason = 'Changed later' WHERE criterion_code = 'focus';
                RESET session_replication_role;
                """)
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 1)
        #expect(verified.output.contains("FAIL  the deliberation's record differs from the ledger:"), "\(verified.output)")
        #expect(verified.output.contains("is not what its ledger entry says: revise edition 1 entry 3"))
    }
}
