@testable import ECPACLI
import ECPALocal
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The secretariat's commands for editions, people and the schema.
@Suite struct EditionAndUserCommandTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    @Test func editionTimesAreReadAndShownInTheEditionsZone() throws {
        let created = cli.run([
            "edition", "create", "--year", "2024", "--theme", "Preventing reoffending", "--host", "HU",
            "--city", "Budapest", "--conference-start", "2024-12-03", "--conference-end", "2024-12-04",
            "--time-zone", "Europe/Budapest", "--opens", "2024-03-01 09:00", "--closes", "2024-09-30 23:59",
            "--prize-gold", "10000", "--prize-silver", "5000", "--prize-bronze", "5000",
        ])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output == "Created the 2024 edition (Preventing reoffending) in the draft phase.\n")
        let shown = cli.run(["edition", "show", "2024", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        #expect(object?["deadline"] as? String == "2024-09-30T23:59:00+02:00")
        #expect(object?["submissions_open_at"] as? String == "2024-03-01T09:00:00+01:00")
        #expect(object?["phase"] as? String == "draft")
        #expect(object?["prize_gold_eur"] as? Int == 10000)
        #expect(object?["host_country_name"] as? String == "Hungary")
        let table = cli.run(["edition", "list"])
        #expect(table.output.contains("2024-09-30 23:59 CEST"))
    }

    @Test func phasesFollowTheLifecycle() throws {
        try cli.openEdition()
        let closed = cli.run(["edition", "close", "2018"])
        #expect(closed.output == "Submissions for the 2018 edition are closed.\n")
        let reopened = cli.run(["edition", "open", "2018"])
        #expect(reopened.status == 0)
        try cli.expectSuccess(["edition", "close", "2018"])
        let again = cli.run(["edition", "close", "2018"])
        #expect(again.output == "Submissions for the 2018 edition are already closed.\n")
        try cli.expectSuccess(["edition", "create", "--year", "2019", "--theme", "Drugs", "--host", "FI"])
        let draft = cli.run(["edition", "close", "2019"])
        #expect(draft.status == 3)
        #expect(draft.error.hasPrefix("ecpa: The 2019 edition cannot move from draft to submissions closed."))
    }

    @Test func aRepresentativeCannotRunSecretariatCommands() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        let result = cli.run(["edition", "close", "2018", "--as", role])
        #expect(result.status == 5)
        #expect(
            cli.run(
                ["user", "add", "someone_else", "--kind", "secretariat", "--name", "X", "--password-file", "-", "--as", role],
                input: "a long password\n"
            ).status == 5)
    }

    @Test func userAddNeverTakesThePasswordFromTheCommandLine() throws {
        let role = TestDatabase.uniqueName("se_rep")
        let noPassword = cli.run(["user", "add", role, "--kind", "national-representative", "--country", "SE", "--name", "Sara"])
        #expect(noPassword.status == 64)
        #expect(noPassword.error.contains("--password-file"))
        let short = cli.run(
            ["user", "add", role, "--kind", "national-representative", "--country", "SE", "--name", "Sara", "--password-file", "-"], input: "short\n")
        #expect(short.status == 65)
        let noCountry = cli.run(
            ["user", "add", role, "--kind", "national-representative", "--name", "Sara", "--password-file", "-"], input: "long enough\n")
        #expect(noCountry.status == 64)
        #expect(try cli.count("people") == 0)

        let added = cli.run(
            [
                "user", "add", role, "--kind", "national-representative", "--country", "SE", "--name", "Sara", "--email", "sara@example.se",
                "--password-file", "-",
            ],
            input: "correct horse battery\n")
        #expect(added.output == "Added \(role) (Sara) as national representative of Sweden.\n")
        let login = try cli.database.connect(role: role, password: "correct horse battery")
        #expect(try login.query("SELECT ecpa.my_country() AS c").first?.decode("c", as: String.self) == "SE")
        let audit = try cli.database.connect().query("SELECT new_row::text AS row FROM ecpa.audit_log")
        #expect(try audit.allSatisfy { try !$0.decode("row", as: String.self).contains("correct horse") })

        let twice = cli.run(
            ["user", "add", role, "--kind", "national-representative", "--country", "SE", "--name", "Sara", "--password-file", "-"],
            input: "another password\n")
        #expect(twice.status == 4)
        let noPasswordNeeded = cli.run(["user", "add", role, "--kind", "national-representative", "--country", "SE", "--name", "Sara"])
        #expect(noPasswordNeeded.status == 4)
        #expect(noPasswordNeeded.error.contains("A login role named \"\(role)\" already exists."))
        #expect(try cli.count("people") == 1)

        let listed = cli.run(["user", "list", "--format", "csv"])
        #expect(listed.output == "role,kind,country,name,email\r\n\(role),national_representative,SE,Sara,sara@example.se\r\n")
        let whoami = cli.run(["user", "whoami", "--as", role, "--format", "json"])
        #expect(whoami.output.contains("\"country\": \"SE\""))
    }

    /// A person replaces the first password the secretariat gave them, with their own login over a
    /// real connection; the old one stops working, and the new one is never in the command line.
    @Test func aPersonChangesTheirOwnPassword() throws {
        let role = TestDatabase.uniqueName("fi_rep")
        try cli.expectSuccess(
            ["user", "add", role, "--kind", "national-representative", "--country", "FI", "--name", "Anna", "--password-file", "-"],
            input: "first password from the secretariat\n")
        let own = "\(cli.database.conninfo) user=\(role) password='first password from the secretariat'"
        let short = cli.run(["user", "password", "--password-file", "-", "--db", own], input: "short\n")
        #expect(short.status == 65)
        let changed = cli.run(["user", "password", "--password-file", "-", "--db", own], input: "my own password, not theirs\n")
        #expect(changed.status == 0, "\(changed.error)")
        #expect(changed.output == "The password of \(role) is changed; use the new one the next time you connect.\n")
        #expect(throws: (any Error).self) { try cli.database.connect(role: role, password: "first password from the secretariat") }
        let login = try cli.database.connect(role: role, password: "my own password, not theirs")
        #expect(try login.query("SELECT ecpa.my_country() AS c").first?.decode("c", as: String.self) == "FI")
        let audit = try cli.database.connect().query("SELECT coalesce(new_row::text, '') AS row FROM ecpa.audit_log")
        #expect(try audit.allSatisfy { try !$0.decode("row", as: String.self).contains("not theirs") })
    }

    @Test func dbStatusShowsEveryMigrationApplied() throws {
        let result = cli.run(["db", "status", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == (try Schema.migrations().count))
        #expect(rows.allSatisfy { $0["state"] as? String == "applied" })
        #expect(cli.run(["db", "migrate"]).output == "The database is up to date.\n")
    }

    @Test func anOlderEcpaRefusesAnEmbeddedDatabaseANewerOneMigratedToo() throws {
        // Its own home under /tmp: as root the server runs as postgres, which must reach it.
        let parent = URL(fileURLWithPath: "/tmp").appendingPathComponent("ecpa-embedded-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o755)
        let home = parent.appendingPathComponent("home")
        let cluster = LocalCluster(home: home, environment: ProcessInfo.processInfo.environment)
        defer {
            try? cluster.reset(progress: { _ in })
            try? FileManager.default.removeItem(at: parent)
        }
        // No URL and no PG* variables: the embedded database at ECPA_HOME.
        var environment = ["ECPA_HOME": home.path, "ECPA_DATABASE_URL": ""]
        for name in DatabaseTarget.libpqVariables { environment[name] = "" }
        let first = cli.run(["edition", "list"], environment: environment)
        #expect(first.status == 0, "\(first.error)")
        let admin = try Connection(conninfo: cluster.conninfo)
        try admin.execute("INSERT INTO ecpa_meta.schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x')")
        admin.close()
        let refused = cli.run(["edition", "list"], environment: environment)
        #expect(refused.status == 69)
        #expect(refused.error.contains("The database was migrated by a newer version of ecpa (migration 9999 is unknown to this one)."))
    }

    @Test func anOlderEcpaRefusesADatabaseANewerOneMigrated() throws {
        try cli.database.connect().execute(
            """
            INSERT INTO ecpa_meta.schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x')
            """)
        let result = cli.run(["edition", "list"])
        #expect(result.status == 69)
        #expect(result.error.contains("The database was migrated by a newer version of ecpa (migration 9999 is unknown to this one)."))
    }

    @Test func theMigrationsApplyWithPlainPsql() throws {
        let empty = try TestDatabase.make()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sql").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == (try Schema.migrations().count))
        for file in files {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", empty.name, "-f", folder.appendingPathComponent(file).path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "psql failed on \(file)")
        }
        // The same tables, functions and policies as a database migrated by ecpa itself.
        let catalog: SQL = """
            SELECT string_agg(name, ',' ORDER BY name) AS names FROM (
                SELECT tablename AS name FROM pg_tables WHERE schemaname = 'ecpa'
                UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = 'ecpa'::regnamespace
                UNION ALL SELECT policyname FROM pg_policies WHERE schemaname = 'ecpa') objects
            """
        let byPsql: String = try empty.connect().query(catalog).first?.decode("names") ?? ""
        let byEcpa: String = try cli.database.connect().query(catalog).first?.decode("names") ?? "none"
        #expect(byPsql == byEcpa)
        #expect(byPsql.contains("entries") && byPsql.contains("score_events") && byPsql.contains("entries_own_country"))
    }
}

/// The demo runs through the real commands, end to end, in a database of its own.
@Suite struct DemoCommandTests {
    @Test func theDemoPlaysThe2018EditionToTheRealPodiumAndCanRunTwice() throws {
        let cli = try CLIHarness()
        let first = cli.run(["demo", "--db", cli.database.conninfo, "--work-directory", cli.folder.path])
        #expect(first.status == 0, "\(first.output)\(first.error)")
        #expect(first.output.contains("(refused as expected, exit status 4)"))
        #expect(first.output.contains("(refused as expected, exit status 5)"))
        #expect(try cli.count("entries") == 12)
        #expect(first.output.contains("| 1 | gold | Finland | The Forssa approach: mediation of polarisation and inter-group conflicts |"))
        #expect(first.output.contains("| 2 | silver | Lithuania | Šiauliai District Discovers a Security Formula |"))
        #expect(first.output.contains("| 3 | bronze | Hungary | My neighbour is the policeman! |"))
        #expect(first.output.contains("ok    the stored digest"))
        // The jury deliberates and votes on the podium, and verify recomputes the ballot.
        #expect(first.output.contains("Revised demo_juror_at_1's scores of entry 3: evaluation 8."))
        #expect(first.output.contains("ok    each of the 8 ballots cast matches the SHA-256 sealed in the ledger"))
        #expect(first.output.contains("Counted by Schulze (winning votes), the ballot's order is Finland, then Lithuania, then Hungary."))
        #expect(first.output.contains("### Gold: Finland, \"The Forssa approach: mediation of polarisation and inter-group conflicts\""))
        #expect(first.output.contains("ok    the decision record gives SHA-256"))
        #expect(!first.output.contains("FAIL"))
        #expect(first.output.contains("Illustrative demo"))
        let html = try String(contentsOf: cli.folder.appendingPathComponent("ecpa-2018-winners.html"), encoding: .utf8)
        #expect(html.contains("<figure class=\"bars\">"))
        // The public site: every page, and where to open it.
        let site = cli.folder.appendingPathComponent("site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("2018/index.html").path))
        #expect(first.output.contains("Open the public site in a browser: \(site.appendingPathComponent("index.html").path)"))
        // The published report says what was decided, in plain words: a shared place is shared, not
        // flagged for a decision the jury can no longer take, and it tells nobody to run a command.
        let markdown = try String(contentsOf: cli.folder.appendingPathComponent("ecpa-2018-winners.md"), encoding: .utf8)
        #expect(markdown.contains("they share place 4."), "\(markdown)")
        #expect(!markdown.contains("flagged for a jury decision") && !html.contains("flagged for a jury decision"))
        #expect(!markdown.contains("ecpa scheme set") && !html.contains("ecpa scheme set"))
        // The booklet and the letters: a representative writes their own country's letter, not another's.
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("ecpa-2018-booklet.html").path))
        #expect(first.output.contains("Wrote the 2018 feedback letter of entry 1 (FI)"))
        #expect(first.output.contains("The letter of entry 2 (LT) is for the secretariat and for its own country's national representative only"))

        let again = try CLIHarness()
        let second = again.run(["demo", "--db", again.database.conninfo, "--work-directory", again.folder.path])
        #expect(second.status == 0, "\(second.output)\(second.error)")
        #expect(try again.count("scores") == (try cli.count("scores")))
    }
}
