import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The declaration: what an edition seals when scoring opens, as the secretariat and a reader of
/// the published results meet it.
@Suite struct DeclarationTests {
    let world: HostileWorld

    init() throws { world = try HostileWorld() }

    var cli: CLIHarness { world.cli }

    @Test func openingScoringSealsTheSchemeAsTheEditionsFirstLedgerEntry() throws {
        try world.score("AT", entry: 1, 8)
        let written = try world.closedEdition()
        #expect(cli.run(["scheme", "show", "--edition", "2030", "--declared"]).status != 0)
        try cli.expectSuccess(["edition", "scoring", "open", "2030"])

        let shown = cli.run(["scheme", "show", "--edition", "2030", "--declared"])
        #expect(shown.status == 0)
        let stored = try #require(try SchemeRepository(world.admin).fetchDeclaration(edition: EditionID(2)))
        // What is shown is the stored text to the byte, so `sha256sum` of it gives the hash.
        #expect(shown.output == stored.text)
        #expect(SHA256.hex(shown.output) == stored.hash)
        // It reads back as the scheme that was set, analysis settings included.
        #expect(stored.scheme == ScoringScheme.parse(written).scheme)
        #expect(stored.scheme?.analysis.seed == 42)
        #expect(stored.recordedLate == false)
        #expect(!stored.declaredBy.isEmpty)
        let table = cli.run(["scheme", "show", "--edition", "2030"]).output
        #expect(table.contains("Analysis: 250 resamples, seed 42, 95% rank intervals; a medal is contested when its holder keeps it in under 75%"))
        #expect(table.contains("sha256 \(stored.hash)"))

        // Its ledger batch names the hash and comes before the edition's first score.
        let batch: (String, Int64)? = try world.admin.query(
            "SELECT b.operation, b.id FROM ecpa.score_batches b JOIN ecpa.declarations d ON d.batch_id = b.id WHERE d.edition_id = 2"
        ).first.map { (try $0.decode("operation"), try $0.decode("id")) }
        #expect(batch?.0 == "declare edition 2 sha256:\(stored.hash)")
        let firstScore: Int64? = try world.admin.query("SELECT min(batch_id) AS id FROM ecpa.score_events WHERE edition_id = 1").first?
            .decode("id")
        let declared2018: Int64? = try world.admin.query("SELECT batch_id FROM ecpa.declarations WHERE edition_id = 1").first?
            .decode("batch_id")
        #expect((declared2018 ?? .max) < (firstScore ?? 0))
    }

    @Test func aDeclaredSettingCannotChangeFromTheCLI() throws {
        _ = try world.closedEdition()
        try cli.expectSuccess(["edition", "scoring", "open", "2030"])
        let before = try world.fingerprint()
        let changed = cli.run(["scheme", "set", "--edition", "2030", "--file", try cli.file("other-seed.toml", HostileWorld.scheme(seed: 43))])
        #expect(changed.status != 0)
        #expect(changed.error.contains("The scoring scheme of the 2030 edition is fixed: scoring has opened"), "\(changed.error)")
        #expect(try world.fingerprint() == before)
        // The secretariat in psql, with their own login: PostgreSQL refuses it (EC001).
        let psql = try cli.psql(
            role: world.secretariat.role, password: world.secretariat.password,
            "UPDATE ecpa.schemes SET analysis_seed = 43 WHERE edition_id = 2")
        #expect(psql.status != 0 && psql.error.contains("EC001"), "\(psql.error)")
        #expect(try world.fingerprint() == before)
        #expect(try SchemeRepository(world.admin).fetchScheme(edition: EditionID(2))?.analysis.seed == 42)
    }

    @Test func verifyChecksTheDeclarationAndNamesEveryChangeBehindTheTriggersBack() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let published: String = try world.admin.query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest") ?? ""
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(verified.output.contains("the declaration's hash is sealed into the score ledger, before every score of the edition"))
        #expect(verified.output.contains("seals the stored ranking, scores, ledger head and declaration (computed here)"))
        #expect(
            verified.output.contains(
                "the results were ranked and explained with the declared scheme: weighted-mean, 5 criteria, 1,000 resamples, seed 1"))

        // The text changed alone: its hash is not the one sealed at the freeze.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.declarations SET text = replace(text, 'seed = 1', 'seed = 7');
                RESET session_replication_role;
                """)
        let textChanged = cli.run(["results", "verify", "--edition", "2018"])
        #expect(textChanged.status == 1)
        #expect(textChanged.output.contains("FAIL  the declaration's text gives SHA-256 "))
        #expect(textChanged.output.contains("was sealed into the digest at the freeze"))
        #expect(textChanged.output.contains("FAIL  the scheme the results were ranked with is not the declared one"))

        // Text and hash changed together: the ledger's sealed batch still names the old hash.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.declarations SET hash = encode(sha256(convert_to(text, 'UTF8')), 'hex');
                RESET session_replication_role;
                """)
        let bothChanged = cli.run(["results", "verify", "--edition", "2018", "--format", "json"])
        #expect(bothChanged.status == 1)
        #expect(bothChanged.output.contains("the declaration's ledger batch names another hash"))

        // Someone who can replace functions rewrites the ledger's batch, makes the ledger functions
        // answer that all is well, and seals the new hash into a new digest: the digest printed at
        // publication no longer matches.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.schemes SET analysis_seed = 7 WHERE edition_id = 1;
                UPDATE ecpa.score_batches b SET operation = 'declare edition 1 sha256:' || d.hash
                FROM ecpa.declarations d WHERE d.batch_id = b.id;
                UPDATE ecpa.frozen_results f SET declaration_hash = d.hash FROM ecpa.declarations d WHERE d.edition_id = f.edition_id;
                UPDATE ecpa.frozen_results SET digest = ecpa.frozen_digest(edition_id);
                CREATE OR REPLACE FUNCTION ecpa.verify_score_ledger() RETURNS TABLE (batch_id bigint, problem text)
                    LANGUAGE sql AS $$ SELECT NULL::bigint, NULL::text WHERE false $$;
                RESET session_replication_role;
                """)
        let rewritten = cli.run(["results", "verify", "--edition", "2018"])
        #expect(rewritten.status == 0, "a consistent rewrite verifies on its own terms: \(rewritten.output)")
        let against = cli.run(["results", "verify", "--edition", "2018", "--digest", published])
        #expect(against.status == 1)
        #expect(against.output.contains("FAIL  the stored digest ") && against.output.contains("is not the one given"), "\(against.output)")
    }

    @Test func aPublishedDeclarationIsReadAndCheckedByAnyone() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let reader = try world.connect(world.reader)
        #expect(try SchemeRepository(reader).fetchDeclaration(edition: EditionID(1)) == nil)
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let declaration = try #require(try SchemeRepository(reader).fetchDeclaration(edition: EditionID(1)))
        #expect(declaration.hashMatchesText)
        let url = "\(cli.database.conninfo) user=\(world.reader.role) password=\(world.reader.password)"
        let verified = cli.run(["results", "verify", "--edition", "2018", "--db", url])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        #expect(verified.output.contains("the declaration's SHA-256 computed here is the stored one"))
    }

    @Test func explainSaysTheSameEveryTimeUnderTheDeclaredSettingsAndSummarisesFirst() throws {
        try world.scoreEverything()
        let first = cli.run(["results", "explain", "--edition", "2018", "--format", "json"])
        let second = cli.run(["results", "explain", "--edition", "2018", "--format", "json"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output == second.output)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        let declared = try #require(try SchemeRepository(world.admin).fetchDeclaration(edition: EditionID(1)))
        #expect((json["declaration"] as? [String: Any])?["hash"] as? String == declared.hash)
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["resamples"] as? Int == 1_000 && settings["seed"] as? Int == 1)
        // Three voting jurors: all 27 draws are taken once, so the chances are exact.
        let uncertainty = try #require(json["uncertainty"] as? [String: Any])
        #expect(uncertainty["exact"] as? Bool == true && uncertainty["resamples"] as? Int == 27)
        let entries = try #require(uncertainty["entries"] as? [[String: Any]])
        let chances = entries.compactMap { $0["medal_chance"] as? Double }
        #expect(chances.count == 3 && chances.allSatisfy { $0 == 1 })
        #expect(
            (json["podium_by_method"] as? [[String: Any]])?.compactMap { $0["method"] as? String } == [
                "weighted-mean", "normalized", "median", "borda", "copeland", "schulze", "severity-corrected",
            ])
        // The summary comes first in the table, each contested place in its own sentence.
        let contested = (json["contested"] as? [[String: Any]])?.compactMap { $0["sentence"] as? String } ?? []
        let summary = json["summary"] as? [String] ?? []
        #expect(summary == (contested.isEmpty ? summary : contested))
        let table = cli.run(["results", "explain", "--edition", "2018"]).output.components(separatedBy: "\n")
        #expect(table.count > 5 && table[1].hasPrefix("Declared when scoring opened") && table[3] == "In short:")
        #expect(table[4] == "- " + (summary.first ?? ""))

        // The winners' report says the same first; jurors are named only in the version with their scores.
        let report = cli.run(["report", "winners", "--edition", "2018"])
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output.contains("## In short\n\n- " + (summary.first ?? "")))
        #expect(report.output.contains("## How sure the podium is"))
        // Markdown writes a login's underscores escaped.
        let login = world.jurors["AT"]!.role.replacingOccurrences(of: "_", with: "\\_")
        #expect(!report.output.contains("## Jurors' severity") && !report.output.contains(login))
        let named = cli.run(["report", "winners", "--edition", "2018", "--include-juror-scores"])
        #expect(named.output.contains("## Jurors' severity") && named.output.contains(login))
    }
}
