import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The decision record (issue "what the jury decides", item 5), as the chair, the rapporteurs, a
/// dissenting juror and the secretariat meet it: the chair names a rapporteur per medal, each
/// writes the jury's reasons, a juror adds a minority view, the chair signs; then nothing changes,
/// a freeze with a jury override needs the signature, verify checks the record against the ledger
/// and the winners' report prints the reasons beside each medal.
@Suite struct DecisionRecordTests {
    let world: HostileWorld

    init() throws { world = try HostileWorld(chair: "AT") }

    var cli: CLIHarness { world.cli }
    func role(_ country: String) -> String { world.jurors[country]!.role }

    static let goldReasons = "Forssa mediates polarisation with evidence of impact.\n\nIts method travels well."

    /// Scoring done and closed; rapporteurs named: gold BG, silver AT (the chair), bronze FI.
    func nameRapporteurs() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        for (medal, country) in [("gold", "BG"), ("silver", "AT"), ("bronze", "FI")] {
            try cli.expectSuccess(["results", "rapporteur", "--edition", "2018", "--medal", medal, "--juror", role(country), "--as", role("AT")])
        }
    }

    func writeAll() throws {
        try cli.expectSuccess([
            "results", "reasons", "--edition", "2018", "--medal", "gold", "--file", try cli.file("gold.txt", Self.goldReasons + "\n"), "--as",
            role("BG"),
        ])
        try cli.expectSuccess(["results", "reasons", "--medal", "silver", "--text", "Lithuania's formula is well evaluated.", "--as", role("AT")])
        try cli.expectSuccess([
            "results", "reasons", "--medal", "bronze", "--text", "Zugló brings police and neighbours together.", "--as", role("FI"),
        ])
        try cli.expectSuccess(["results", "minority", "--medal", "gold", "--text", "I would have placed Hungary first.", "--as", role("FI")])
    }

    @Test func theChairNamesRapporteursWhoWriteTheReasonsAndTheSignedRecordNeverChanges() throws {
        try world.scoreEverything()
        // Not while scoring is open.
        let early = cli.run(["results", "rapporteur", "--medal", "gold", "--juror", role("BG"), "--as", role("AT")])
        #expect(early.status != 0 && early.error.contains("once scoring has closed"), "\(early.error)")
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        // Only the chair names a rapporteur; only the rapporteur writes the medal's reasons.
        let notChair = cli.run(["results", "rapporteur", "--medal", "gold", "--juror", role("BG"), "--as", role("BG")])
        #expect(notChair.status != 0 && notChair.error.contains("Only the chair of the jury names a rapporteur"), "\(notChair.error)")
        let unnamed = cli.run(["results", "reasons", "--medal", "gold", "--text", "Too early", "--as", role("BG")])
        #expect(unnamed.status != 0 && unnamed.error.contains("No rapporteur is named for gold"), "\(unnamed.error)")
        for (medal, country) in [("gold", "BG"), ("silver", "AT"), ("bronze", "FI")] {
            try cli.expectSuccess(["results", "rapporteur", "--medal", medal, "--juror", role(country), "--as", role("AT")])
        }
        let advisory = cli.run(["results", "rapporteur", "--medal", "gold", "--juror", world.advisory.role, "--as", role("AT")])
        #expect(advisory.status != 0 && advisory.error.contains("not a voting juror"), "\(advisory.error)")
        let notRapporteur = cli.run(["results", "reasons", "--medal", "gold", "--text", "Mine", "--as", role("AT")])
        #expect(notRapporteur.status != 0 && notRapporteur.error.contains("Only the rapporteur of gold writes its reasons"), "\(notRapporteur.error)")
        let noText = cli.run(["results", "reasons", "--medal", "gold", "--as", role("BG")])
        #expect(noText.status == 64 && noText.error.contains("--text"), "\(noText.error)")
        let tooLong = cli.run(["results", "reasons", "--medal", "gold", "--text", String(repeating: "a", count: 4_001), "--as", role("BG")])
        #expect(tooLong.status != 0 && tooLong.error.contains("the limit is 4,000"), "\(tooLong.error)")
        try writeAll()

        // Not signed yet, and every medal needs its reasons first: a new bronze rapporteur starts afresh.
        try cli.expectSuccess(["results", "rapporteur", "--medal", "bronze", "--juror", role("BG"), "--as", role("AT")])
        let incomplete = cli.run(["results", "sign", "--yes", "--as", role("AT")])
        #expect(incomplete.status != 0 && incomplete.error.contains("reasons for bronze are not written yet"), "\(incomplete.error)")
        try cli.expectSuccess([
            "results", "reasons", "--medal", "bronze", "--text", "Zugló brings police and neighbours together.", "--as", role("BG"),
        ])

        // A jury override needs the signed record before the freeze.
        try cli.expectSuccess(["results", "override", "--entry", "3", "--place", "2", "--reason", "The jury weighed transferability."])
        let freeze = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(freeze.status != 0 && freeze.error.contains("decision record must be signed before the freeze"), "\(freeze.error)")
        #expect(freeze.error.contains("ecpa results sign --edition 2018"), "\(freeze.error)")

        // Signing asks on a terminal; a script says --yes; only the chair signs.
        let unasked = cli.run(["results", "sign", "--as", role("AT")])
        #expect(unasked.status == 64 && unasked.error.contains("--yes"), "\(unasked.error)")
        let byJuror = cli.run(["results", "sign", "--yes", "--as", role("BG")])
        #expect(byJuror.status != 0 && byJuror.error.contains("Only the chair of the jury signs"), "\(byJuror.error)")
        let signed = cli.run(["results", "sign", "--edition", "2018", "--yes", "--as", role("AT")])
        #expect(signed.status == 0 && signed.output.contains("is signed; its SHA-256"), "\(signed.error)")

        // Nothing changes afterwards, for anyone.
        for arguments in [
            ["results", "reasons", "--medal", "gold", "--text", "Rewritten", "--as", role("BG")],
            ["results", "minority", "--medal", "silver", "--text", "Late view", "--as", role("FI")],
            ["results", "rapporteur", "--medal", "gold", "--juror", role("FI"), "--as", role("AT")],
            ["results", "sign", "--yes", "--as", role("AT")],
        ] {
            let late = cli.run(arguments)
            #expect(late.status != 0 && late.error.contains("is signed; nothing in it changes"), "\(arguments): \(late.error)")
        }

        // The record as a juror reads it, in every format.
        let shown = cli.run(["results", "record", "--as", role("FI")])
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.contains("Reasons: Forssa mediates polarisation"), "\(shown.output)")
        #expect(shown.output.contains("Minority view of Juror from FI (FI): I would have placed Hungary first."), "\(shown.output)")
        #expect(shown.output.contains("Signed off by the chair, Juror from AT (AT); SHA-256 "), "\(shown.output)")
        let json = cli.run(["results", "record", "--format", "json"]).output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["signed"] as? Bool == true && (object["parts"] as? [Any])?.count == 4, "\(json)")
        #expect(CSVReader.rows(cli.run(["results", "record", "--format", "csv"]).output).count == 5)

        // The freeze goes through now; verify checks the record against the ledger.
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("the decision record gives SHA-256"), "\(verified.output)")
        #expect(verified.output.contains("the hash the chair signed and the sealed ledger note names"), "\(verified.output)")

        // The report prints the reasons beside each medal, and the minority view.
        let report = cli.run(["report", "winners", "--edition", "2018"]).output
        #expect(report.contains("## The jury's reasons"), "\(report)")
        #expect(
            report.contains(
                "The jury's reasons (rapporteur Juror from BG (BG)): Forssa mediates polarisation with evidence of impact.  Its method travels well."),
            "\(report)")
        #expect(report.contains("Minority view of Juror from FI (FI): I would have placed Hungary first."))
        let html = cli.run(["report", "winners", "--edition", "2018", "--format", "html"]).output
        #expect(html.contains("<h2>The jury's reasons</h2>") && html.contains("Lithuania's formula is well evaluated."), "\(html)")

        // After publication everyone reads it, by seat, and verifies it.
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let url = "\(cli.database.conninfo) user=\(world.reader.role) password=\(world.reader.password)"
        let byReader = cli.run(["results", "verify", "--edition", "2018", "--db", url])
        #expect(byReader.status == 0 && byReader.output.contains("the decision record gives SHA-256"), "\(byReader.output)\(byReader.error)")
        let readerRecord = cli.run(["results", "record", "--edition", "2018", "--db", url])
        #expect(
            readerRecord.status == 0 && readerRecord.output.contains("Rapporteur: Juror, seat 2 (BG)"), "\(readerRecord.output)\(readerRecord.error)")
    }

    @Test func aRepresentativeReadsNoRecordBeforePublication() throws {
        try nameRapporteurs()
        try writeAll()
        let representative = cli.run(["results", "record", "--as", world.representatives["FI"]!.role])
        #expect(representative.status == 5 && representative.error.contains("until the results are published"), "\(representative.error)")
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let report = cli.run(["report", "winners", "--as", world.representatives["FI"]!.role])
        #expect(!report.output.contains("Forssa mediates"), "\(report.output)")
    }

    @Test func verifyNamesARecordChangedBehindTheTriggersBack() throws {
        try nameRapporteurs()
        try writeAll()
        try cli.expectSuccess(["results", "sign", "--yes", "--as", role("AT")])
        // Signed before the freeze, which seals the note; then the owner rewrites the gold reasons.
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.medal_reasons SET reasons = 'Rewritten later' WHERE medal = 'gold';
                RESET session_replication_role;
                """)
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 1)
        #expect(verified.output.contains("FAIL  the decision record differs from what was signed:"), "\(verified.output)")
        #expect(verified.output.contains("the record changed after it was signed"), "\(verified.output)")
    }

    @Test func aRecordSignedAfterTheFreezeJoinsTheChainAtThePublication() throws {
        try nameRapporteurs()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try writeAll()
        try cli.expectSuccess(["results", "sign", "--yes", "--as", role("AT")])
        let before = cli.run(["results", "verify"])
        #expect(before.status == 0 && before.output.contains("the note joins the hash chain at the publication"), "\(before.output)")
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let after = cli.run(["results", "verify"])
        #expect(after.status == 0 && after.output.contains("the sealed ledger note names"), "\(after.output)")
        let late = cli.run(["results", "minority", "--medal", "gold", "--text", "After publication", "--as", role("BG")])
        #expect(late.status != 0 && late.error.contains("is published"), "\(late.error)")
    }
}
