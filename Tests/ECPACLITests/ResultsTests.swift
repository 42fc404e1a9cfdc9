import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import ECPAUseCases
import Foundation
import LibPQ
import Testing

/// Ranking, overrides, the freeze and its verification, as the secretariat meets them.
@Suite struct ResultsTests {
    let cli: CLIHarness
    var jurors: [String: (role: String, password: String)] = [:]

    /// Entries from FI, LT and HU; jurors from AT (the chair), BG and FI (in conflict with the Finnish entry).
    init() throws {
        cli = try CLIHarness()
        try cli.openEdition()
        for country in ["FI", "LT", "HU"] {
            let (role, _) = try cli.representative(country)
            try cli.expectSuccess([
                "entry", "submit", try cli.file("\(country).toml", EntryCommandTests.entryFile(country: country, title: "Project of \(country)")),
                "--as", role,
            ])
        }
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        for country in ["AT", "BG", "FI"] {
            let role = TestDatabase.uniqueName(country.lowercased() + "_juror")
            try cli.expectSuccess(
                ["jury", "add", role, "--country", country, "--name", "Juror \(country)", "--password-file", "-"]
                    + (country == "AT" ? ["--chair"] : []), input: "password-\(role)\n")
            jurors[country] = (role, "password-\(role)")
        }
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
    }

    /// Every juror gives every criterion of an entry the same value.
    func score(_ country: String, entry: Int, _ value: Int) throws {
        let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] }
        try cli.expectSuccess(["score", "enter", "--entry", String(entry), "--as", jurors[country]!.role] + criteria)
    }

    func scoreEverything() throws {
        try score("AT", entry: 1, 9); try score("BG", entry: 1, 8)
        try score("AT", entry: 2, 7); try score("BG", entry: 2, 8); try score("FI", entry: 2, 7)
        try score("AT", entry: 3, 6); try score("BG", entry: 3, 6); try score("FI", entry: 3, 9)
    }

    @Test func rankingWaitsForEveryScoreAndSaysWhichAreMissing() throws {
        try score("AT", entry: 1, 9)
        let refused = cli.run(["results", "rank"])
        #expect(refused.status == 3)
        #expect(refused.error.contains("required scores are missing, so there is no final ranking yet"))
        #expect(
            refused.error.contains("\(jurors["BG"]!.role) has not scored entry 1 (FI): focus, evaluation, innovation, cooperation, transferability"))
        #expect(!refused.error.contains("\(jurors["FI"]!.role) has not scored entry 1"))
        // A script asking for JSON gets the refusal's code; a PostgreSQL refusal has one too.
        let json = cli.run(["results", "rank", "--format", "json"])
        let error = try JSONSerialization.jsonObject(with: Data(json.error.utf8)) as? [String: [String: Any]]
        #expect(error?["error"]?["code"] as? String == "results.scores_missing")
        #expect(error?["error"]?["exit"] as? Int == 3)
        #expect((error?["error"]?["message"] as? String)?.contains("required scores are missing") == true)
        let stranger = cli.run(["edition", "scoring", "open", "1999", "--format", "json"])
        let notFound = try JSONSerialization.jsonObject(with: Data(stranger.error.utf8)) as? [String: [String: Any]]
        #expect(stranger.status == 2)
        #expect(notFound?["error"]?["code"] as? String == "store.not_found")
        let provisional = cli.run(["results", "rank", "--provisional"])
        #expect(provisional.status == 0, "\(provisional.error)")
        #expect(provisional.output.contains("provisional ranking"))
    }

    @Test func aConflictedJurorIsLeftOutNotCountedAsZero() throws {
        try scoreEverything()
        let ranked = cli.run(["results", "rank", "--format", "csv"])
        #expect(ranked.status == 0, "\(ranked.error)")
        let lines = ranked.output.split(separator: "\r\n").map(String.init)
        #expect(lines[1].hasPrefix("1,gold,1,FI,Project of FI,8.500,2,"))
        #expect(lines[2].hasPrefix("2,silver,2,LT,Project of LT,7.333,3,"))
        #expect(lines[3].hasPrefix("3,bronze,3,HU,Project of HU,7.000,3,"))
    }

    @Test func anOverrideMovesAnEntryAndItsReasonIsPrinted() throws {
        try scoreEverything()
        let missingReason = cli.run(["results", "override", "--entry", "3", "--place", "2"])
        #expect(missingReason.status == 64)
        try cli.expectSuccess(["results", "override", "--entry", "3", "--place", "2", "--reason", "The jury judged its evaluation stronger."])
        let ranked = cli.run(["results", "rank"])
        #expect(ranked.output.contains("- entry 3 placed 2: The jury judged its evaluation stronger."))
        let csv = cli.run(["results", "rank", "--format", "csv"]).output.split(separator: "\r\n").map(String.init)
        #expect(csv[2] == "2,silver,3,HU,Project of HU,7.000,3,no,The jury judged its evaluation stronger.,")
        #expect(csv[3].hasPrefix("3,bronze,2,LT,Project of LT,7.333,3,no,,"))
    }

    @Test func aFrozenEditionRefusesScoreChangesFromEveryRole() throws {
        try scoreEverything()
        let frozen = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(frozen.status == 0, "\(frozen.error)")
        #expect(frozen.output.contains("The 2018 edition is frozen. Digest "))
        let criteria = ["--criterion", "focus=1"]
        let juror = cli.run(["score", "enter", "--entry", "2", "--as", jurors["AT"]!.role] + criteria)
        #expect(juror.status == 3)
        #expect(juror.error.contains("The scores of the 2018 edition are frozen; nothing was changed."))
        let secretariat = cli.run(["score", "enter", "--entry", "2", "--juror", jurors["AT"]!.role] + criteria)
        #expect(secretariat.status == 3)
        let psql = try cli.psql(role: jurors["AT"]!.role, password: jurors["AT"]!.password, "UPDATE ecpa.scores SET value = 1")
        #expect(psql.status != 0)
        #expect(psql.error.contains("frozen"))
        let admin = try cli.database.connect()
        #expect(throws: PQError.self) { try admin.execute("DELETE FROM ecpa.scores") }
        let verified = cli.run(["results", "verify"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(!verified.output.contains("FAIL"))
    }

    @Test func verifyNamesACellChangedBehindTheTriggersBack() throws {
        try scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let admin = try cli.database.connect()
        try admin.execute("SET session_replication_role = replica")
        try admin.execute(
            "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 2 AND criterion_code = 'evaluation' AND juror_id = (SELECT id FROM ecpa.jurors WHERE role_name = \(jurors["BG"]!.role))"
        )
        let verified = cli.run(["results", "verify"])
        #expect(verified.status == 1)
        #expect(verified.output.contains("FAIL  entry 2, juror \(jurors["BG"]!.role) (BG), evaluation: the ledger says 8, the table holds 10"))
        #expect(verified.output.contains("FAIL  the score set digest computed here from the scores is "))
        #expect(verified.error.contains("The 2018 results do not verify"))
    }

    /// Someone who can replace the schema's functions (a superuser, a member of ecpa_owner) rewrites
    /// the scores and the podium, and makes the digest functions answer what was published. The
    /// check against the digest printed at publication still fails: verify hashes the rows itself.
    @Test func aRewriteBehindReplacedFunctionsFailsAgainstThePublishedDigest() throws {
        try scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let admin = try cli.database.connect()
        let digest: String = try admin.query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest") ?? ""
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.scores SET value = 10 WHERE entry_id = 2;
                UPDATE ecpa.frozen_places SET place = 3 - place, medal = CASE medal WHEN 'gold' THEN 'silver' ELSE 'gold' END
                WHERE entry_id IN (1, 2);
                CREATE OR REPLACE FUNCTION ecpa.score_set_digest(p_edition bigint) RETURNS text LANGUAGE sql
                    AS $$ SELECT scores_digest FROM ecpa.frozen_results WHERE edition_id = p_edition $$;
                CREATE OR REPLACE FUNCTION ecpa.frozen_digest(p_edition bigint) RETURNS text LANGUAGE sql
                    AS $$ SELECT digest FROM ecpa.frozen_results WHERE edition_id = p_edition $$;
                RESET session_replication_role;
                """)
        let reader = TestDatabase.uniqueName("reader")
        try admin.execute("CREATE ROLE \(identifier: reader) LOGIN PASSWORD 'reader-password' IN ROLE ecpa_reader")
        let url = "\(cli.database.conninfo) user=\(reader) password=reader-password"
        let verified = cli.run(["results", "verify", "--edition", "2018", "--digest", digest, "--db", url])
        #expect(verified.status == 1)
        #expect(verified.output.contains("ok    the stored digest is the one given"))
        #expect(verified.output.contains("FAIL  the score set digest computed here from the scores is "))
        #expect(
            verified.output.contains("FAIL  the stored digest does not match the stored ranking, scores, ledger head and declaration (computed here)")
        )
        let archive = cli.run(["archive", "show", "2018", "--db", url])
        #expect(archive.output.contains("Lithuania"), "the archive shows the rewritten podium: \(archive.output)")
    }

    /// The use cases answer any front end with values and stable codes, not with printed text.
    @Test func theUseCasesAnswerWithCodes() throws {
        let admin = try cli.database.connect()
        let edition = try EditionRepository(admin).requireEdition(year: 2018)
        let early = #expect(throws: Refusal.self) { try Verification.run(edition: edition, db: admin) }
        #expect(early?.code == "verify.not_frozen")
        let missing = #expect(throws: Refusal.self) { try ResultsLifecycle.freeze(year: 2018, db: admin) }
        #expect(missing?.code == "results.scores_missing")
        #expect(missing?.message.hasPrefix("40 required scores are missing") == true, "\(String(describing: missing))")
        try scoreEverything()
        let (results, frozen) = try ResultsLifecycle.freeze(year: 2018, db: admin)
        #expect(results.ranking.podium.map(\.entry.rawValue) == [1, 2, 3])
        let frozenEdition = try EditionRepository(admin).requireEdition(year: 2018)
        let report = try Verification.run(edition: frozenEdition, db: admin, publishedDigest: frozen.digest)
        #expect(report.ok)
        #expect(
            report.checks.map(\.code) == [
                "digest.given", "ledger.chain", "ledger.cell", "scores.digest", "ledger.head",
                "declaration.hash", "declaration.ledger", "declaration.scheme", "ranking.method", "ranking.recomputed",
                "digest.seal",
            ])
        let published = try ResultsLifecycle.publish(year: 2018, db: admin)
        #expect(published.phase == .published)
        let after = try Verification.run(edition: published, db: admin)
        #expect(after.checks.last?.code == "archive.podium" && after.ok)
    }

    @Test func publishingNeedsAFreezeFirst() throws {
        try scoreEverything()
        let early = cli.run(["edition", "publish", "2018", "--yes"])
        #expect(early.status == 3)
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let published = cli.run(["edition", "publish", "2018", "--yes"])
        #expect(published.output == "The results of the 2018 edition are published.\n")
    }

    /// The database refuses a phase change outside READ COMMITTED; a login whose default is SERIALIZABLE
    /// (a role setting, PGOPTIONS) must still be able to move the edition with the CLI.
    @Test func phaseChangesWorkWhenTheSessionDefaultIsSerializable() throws {
        let admin = try cli.database.connect()
        try admin.execute("ALTER DATABASE \(identifier: cli.database.name) SET default_transaction_isolation = 'serializable'")
        let check = try cli.database.connect()
        #expect(try check.query("SHOW default_transaction_isolation").first?.decode("default_transaction_isolation") == "serializable")
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        try scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let published = cli.run(["edition", "publish", "2018", "--yes"])
        #expect(published.output == "The results of the 2018 edition are published.\n", "\(published.error)")
    }

    @Test func theWinnersReportIsTheSameBytesEveryTimeAndKeepsJurorsScoresOut() throws {
        try scoreEverything()
        try cli.expectSuccess(["results", "override", "--entry", "3", "--place", "2", "--reason", "The jury judged its evaluation stronger."])
        try cli.signDecisionRecord(chair: jurors["AT"]!.role)
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        for format in ["md", "html", "json", "csv"] {
            let first = cli.run(["report", "winners", "--format", format])
            let second = cli.run(["report", "winners", "--format", format])
            #expect(first.status == 0, "\(first.error)")
            #expect(first.output == second.output, "\(format) differs between runs")
            #expect(!first.output.contains(jurors["AT"]!.role), "\(format) names a juror")
        }
        let markdown = cli.run(["report", "winners", "--format", "md"]).output
        #expect(markdown.contains("| 1 | gold | Finland | Project of FI | 8.500 |"))
        #expect(markdown.contains("Jury override: Hungary placed 2. Reason: The jury judged its evaluation stronger."))
        #expect(markdown.contains("## Digest"))
        let withScores = cli.run(["report", "winners", "--format", "json", "--include-juror-scores"]).output
        #expect(withScores.contains(jurors["AT"]!.role))
        let object = try JSONSerialization.jsonObject(with: Data(withScores.utf8)) as? [String: Any]
        #expect((object?["places"] as? [[String: Any]])?.count == 3)
        let file = cli.folder.appendingPathComponent("report.html").path
        let written = cli.run(["report", "winners", "--format", "html", "-o", file])
        #expect(written.error.contains("Wrote the 2018 winners' report to"))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
    }

    @Test func aFrozenEditionStillVerifiesAfterALaterEditionIsScored() throws {
        try scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        // The next year: its scores extend the same ledger after 2018's freeze.
        let now = Date()
        let iso = ISO8601DateFormatter()
        try cli.expectSuccess([
            "edition", "create", "--year", "2019", "--theme", "Drugs", "--host", "FI",
            "--opens", iso.string(from: now.addingTimeInterval(-86_400)), "--closes", iso.string(from: now.addingTimeInterval(86_400)),
        ])
        try cli.expectSuccess(["edition", "open", "2019"])
        let (role, _) = try cli.representative("SE")
        try cli.expectSuccess([
            "entry", "submit",
            try cli.file(
                "se.toml",
                EntryCommandTests.entryFile(country: "SE", title: "Swedish project").replacingOccurrences(
                    of: "edition = 2018", with: "edition = 2019")), "--as", role,
        ])
        try cli.expectSuccess(["entry", "eligibility", "4", "--eligible"])
        try cli.expectSuccess(["scheme", "set", "--edition", "2019"])
        let juror = TestDatabase.uniqueName("at_juror_2019")
        try cli.expectSuccess(
            ["jury", "add", juror, "--edition", "2019", "--country", "AT", "--name", "Juror", "--password-file", "-"], input: "password-\(juror)\n")
        try cli.expectSuccess(["edition", "close", "2019"])
        try cli.expectSuccess(["edition", "scoring", "open", "2019"])
        try cli.expectSuccess(["score", "enter", "--edition", "2019", "--entry", "4", "--criterion", "focus=5", "--as", juror])
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(verified.output.contains("ok    the ledger head stored at the freeze is in the chain, and no score of this edition came after it"))
    }
}
