import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The final ballot (issue "what the jury decides", item 4) as the secretariat and the jurors meet
/// it, from the declaration to the published report and `results verify`, and a ballot changed
/// behind the triggers' back.
@Suite struct BallotTests {
    let world: HostileWorld

    /// The shipped scheme with a deliberation and a final ballot that decides.
    static let scheme =
        Schema.shippedSchemeText("ecpa-default")!.replacingOccurrences(of: "deliberation = false", with: "deliberation = true\nballot = true")
        .replacingOccurrences(of: "decided_by = \"scores\"", with: "decided_by = \"ballot\"")

    /// The shipped scheme with a final ballot that is shown beside the scores, which decide.
    static let advisoryBallotScheme =
        Schema.shippedSchemeText("ecpa-default")!.replacingOccurrences(of: "decided_by = \"scores\"", with: "ballot = true\ndecided_by = \"scores\"")

    init() throws { world = try HostileWorld(schemeFile: Self.scheme, chair: "AT") }

    var cli: CLIHarness { world.cli }

    func role(_ country: String) -> String { world.jurors[country]!.role }

    /// Round 1 (Finland 8.5, Lithuania 7.333, Hungary 7), a deliberation revising two cells, and
    /// the ballot opened on all three entries.
    func openBallot() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        // Not before the deliberation the edition declared.
        let early = cli.run(["ballot", "open", "2018", "--entry", "1", "--entry", "2"])
        #expect(early.status != 0 && early.error.contains("declared a deliberation; hold it before the ballot"), "\(early.error)")
        try cli.expectSuccess(["edition", "deliberation", "open", "2018", "--yes", "--entry", "2", "--entry", "3"])
        try cli.expectSuccess([
            "score", "revise", "--entry", "3", "--criterion", "focus=8", "--reason", "The evaluation was stronger.", "--as", role("BG"),
        ])
        try cli.expectSuccess([
            "score", "revise", "--entry", "2", "--criterion", "focus=6", "--reason", "Less focused than we thought.", "--as", role("AT"),
        ])
        try cli.expectSuccess(["ballot", "open", "2018", "--entry", "1", "--entry", "2", "--entry", "3"])
    }

    func cast(_ country: String, _ ranking: [Int]) -> CLIHarness.Result {
        let file = try? cli.file("ballot-\(country).txt", ranking.map(String.init).joined(separator: "\n") + "\n")
        return cli.run(["ballot", "cast", "--edition", "2018", "--file", file ?? "", "--as", role(country)])
    }

    /// The must-show end to end: scoring, a deliberation revising two cells, a ballot on three
    /// entries, reasons written and signed, freeze, verify, publish, the report; then one ballot
    /// changed behind the triggers' back, which verify names.
    @Test func theDeclaredBallotDecidesAndVerifyRecomputesIt() throws {
        let declared = try #require(try SchemeRepository(world.admin).fetchDeclaration(edition: EditionID(1)))
        #expect(declared.text.contains("[decision]\ndeliberation = true\nballot = true\ndecided_by = \"ballot\"\n"))
        #expect(declared.scheme?.decision == DecisionSettings(deliberation: true, ballot: true, decidedBy: .ballot))
        try openBallot()

        // The Finnish juror is in conflict with Finland's entry: it stays unranked, not last.
        let ranked = cast("FI", [3, 1, 2])
        #expect(ranked.status == 65 && ranked.error.contains("entry 1 (FI) is an entry the juror is in conflict with"), "\(ranked.error)")
        let short = cast("AT", [3, 1])
        #expect(short.status == 65 && short.error.contains("entry 2 (LT) is on the shortlist but not ranked"), "\(short.error)")
        #expect(cast("AT", [1, 3, 2]).status == 0)
        #expect(cast("AT", [3, 1, 2]).status == 0, "a juror may cast again until the ballot closes")
        #expect(cast("FI", [3, 2]).status == 0)

        // The secretariat sees who has voted, never what; nobody counts before the ballot closes.
        let status = cli.run(["ballot", "status", "--edition", "2018", "--format", "csv"])
        let voted = CSVReader.rows(status.output).dropFirst().map { [$0[0], $0[1]] }
        #expect(voted == [[role("AT"), "yes"], [role("BG"), "no"], [role("FI"), "yes"]], "\(status.output)")
        let uncounted = cli.run(["ballot", "count", "--edition", "2018"])
        #expect(uncounted.status != 0 && uncounted.error.contains("has not closed: its ballots are sealed"), "\(uncounted.error)")
        let missing = cli.run(["ballot", "close", "2018", "--yes"])
        #expect(missing.status != 0 && missing.error.contains("\(role("BG")) has not"), "\(missing.error)")
        let freezeEarly = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(freezeEarly.status != 0 && freezeEarly.error.contains("declared a final ballot"), "\(freezeEarly.error)")

        // Cast at a terminal: the prompt lists what is left and asks before casting.
        let prompted = cli.run(["ballot", "cast", "--as", role("BG")], terminalLines: ["9", "3", "1", "y"])
        #expect(prompted.status == 0, "\(prompted.error)")
        #expect(prompted.error.contains("That is not one of the entries left to rank"))
        #expect(prompted.output.contains("Your ballot for the 2018 edition is cast: entry 3 (HU), entry 1 (FI), entry 2 (LT)."))
        let mine = cli.run(["ballot", "mine", "--as", role("BG"), "--format", "csv"])
        #expect(CSVReader.rows(mine.output).dropFirst().map { $0[1] } == ["3", "1", "2"])

        // The record answers for the ballot's outcome: no sign-off while it is open.
        try cli.expectSuccess(["results", "rapporteur", "--edition", "2018", "--medal", "gold", "--juror", role("AT"), "--as", role("AT")])
        try cli.expectSuccess(["results", "reasons", "--edition", "2018", "--medal", "gold", "--text", "Early reasons.", "--as", role("AT")])
        let early = cli.run(["results", "sign", "--edition", "2018", "--yes", "--as", role("AT")])
        #expect(early.status != 0 && early.error.contains("come before the sign-off"), "\(early.error)")
        try cli.expectSuccess(["ballot", "close", "2018", "--yes"])
        let late = cast("BG", [1, 3, 2])
        #expect(late.status != 0 && late.error.contains("is not open; no ballot was cast"), "\(late.error)")

        // Hungary over Finland 2 to 0 (the Finnish juror left Finland unranked) and over Lithuania 3
        // to 0; Finland over Lithuania 2 to 0.
        let count = cli.run(["ballot", "count", "--edition", "2018", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(count.output.utf8)) as? [String: Any], "\(count.output)")
        #expect(json["counts"] as? [[Int]] == [[0, 2, 0], [0, 0, 0], [2, 3, 0]], "\(count.output)")
        #expect(json["order"] as? [[Int]] == [[3], [1], [2]])

        // The jury's reasons: the chair names the rapporteurs, they write, a juror adds a minority
        // view, the chair signs.
        for (medal, rapporteur) in [("gold", "BG"), ("silver", "AT"), ("bronze", "FI")] {
            try cli.expectSuccess(["results", "rapporteur", "--edition", "2018", "--medal", medal, "--juror", role(rapporteur), "--as", role("AT")])
            try cli.expectSuccess([
                "results", "reasons", "--edition", "2018", "--medal", medal, "--text", "Why \(medal): the ballot and the evidence agree.",
                "--as", role(rapporteur),
            ])
        }
        try cli.expectSuccess([
            "results", "minority", "--edition", "2018", "--medal", "gold", "--text", "Finland's evaluation was the stronger.", "--as", role("FI"),
        ])
        try cli.expectSuccess(["results", "sign", "--edition", "2018", "--yes", "--as", role("AT")])

        // The freeze counts the ballot: Hungary gold, Finland silver, Lithuania bronze.
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let places: [Int64] = try world.admin.query("SELECT entry_id FROM ecpa.frozen_places ORDER BY place").map { try $0.decode("entry_id") }
        #expect(places == [3, 1, 2])
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("each of the 4 ballots cast matches the SHA-256 sealed in the ledger"), "\(verified.output)")
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let url = "\(cli.database.conninfo) user=\(world.reader.role) password=\(world.reader.password)"
        let byReader = cli.run(["results", "verify", "--edition", "2018", "--db", url])
        #expect(byReader.status == 0, "\(byReader.output)\(byReader.error)")
        let report = cli.run(["report", "winners", "--edition", "2018"]).output
        #expect(report.contains("The jury's final ballot decided the order of its shortlist, counted by Schulze's method"), "\(report)")
        #expect(report.contains("Counted by Schulze (winning votes), the ballot's order is Hungary, then Finland, then Lithuania."))
        #expect(report.contains("Jurors who put the row's entry above the column's"))
        #expect(report.contains("Why gold: the ballot and the evidence agree."), "\(report)")
        #expect(report.contains("Finland's evaluation was the stronger."))
        #expect(verified.output.contains("ok    ") && verified.output.contains("decision record"), "\(verified.output)")

        // A ballot rewritten behind the triggers' back: verify names it.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.ballots SET ranking = '{2,3}' WHERE juror_id = \(try world.seat("FI"));
                RESET session_replication_role;
                """)
        let tampered = cli.run(["results", "verify", "--edition", "2018"])
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("FAIL  the final ballot differs from the ledger:"), "\(tampered.output)")
        #expect(tampered.output.contains("ballot 3 of \(role("FI")) (FI) is not the ballot sealed in the ledger"), "\(tampered.output)")
    }
}
