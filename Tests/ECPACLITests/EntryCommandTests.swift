import ECPACLI
import ECPATestSupport
import Foundation
import Testing

/// What a national representative and the secretariat see when they send and manage entries.
@Suite struct EntryCommandTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    static func entryFile(country: String, title: String, kind: String = "competing") -> String {
        BadInputCorpus.entry(country: country, title: title, kind: kind)
    }

    @Test func representativeSubmitsAndListsTheirEntry() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        let file = try cli.file("fi.toml", Self.entryFile(country: "FI", title: "The Forssa approach"))
        let submitted = cli.run(["entry", "submit", file, "--as", role])
        #expect(submitted.status == 0, "\(submitted.error)")
        #expect(submitted.output.hasPrefix("Submitted entry "))
        #expect(submitted.output.contains("\"The Forssa approach\" for Finland (competing) in the 2018 edition at 20"))

        let listed = cli.run(["entry", "list", "--as", role, "--format", "json"])
        #expect(listed.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["title"] as? String == "The Forssa approach")
        #expect(rows?.first?["state"] as? String == "submitted")
    }

    @Test func secondCompetingEntryIsRefusedWithTheExistingOneNamed() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        try cli.expectSuccess(["entry", "submit", try cli.file("a.toml", Self.entryFile(country: "FI", title: "The Forssa approach")), "--as", role])
        let second = cli.run([
            "entry", "submit", try cli.file("b.toml", Self.entryFile(country: "FI", title: "Another Finnish project")), "--as", role,
        ])
        #expect(second.status == 4)
        #expect(second.error.contains("Finland already has a competing entry in the 2018 edition: entry "))
        #expect(second.error.contains("\"The Forssa approach\" (submitted)"))
        #expect(try cli.count("entries") == 1)
    }

    @Test func submittingOverANamedEntryChecksItIsTheSameProject() throws {
        try cli.openEdition()
        let (finnish, _) = try cli.representative("FI")
        try cli.expectSuccess(["entry", "submit", try cli.file("fi.toml", Self.entryFile(country: "FI", title: "Competing")), "--as", finnish])
        let additional = try cli.file("extra.toml", Self.entryFile(country: "FI", title: "Extra", kind: "additional"))
        let wrongKind = cli.run(["entry", "submit", additional, "--entry", "1", "--as", finnish])
        #expect(wrongKind.status == 65)
        #expect(wrongKind.error.contains("entry 1 has kind competing, the file additional. Nothing was changed."))
        let twice = cli.run(["entry", "submit", additional, "--as", finnish])
        #expect(twice.status == 0)
        let again = cli.run(["entry", "submit", additional, "--as", finnish])
        #expect(again.status == 4)
        #expect(again.error.contains("Finland already sent an additional entry with this title: entry 2 (submitted)."))
        #expect(try cli.count("entries") == 2)
    }

    @Test func anotherCountrysEntryIsRefused() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        let result = cli.run(["entry", "submit", try cli.file("se.toml", Self.entryFile(country: "SE", title: "Swedish project")), "--as", role])
        #expect(result.status == 5)
        #expect(result.error == "ecpa: You represent FI; entries of SE are not yours to send or change.\n")
        #expect(try cli.count("entries") == 0)
    }

    @Test func submissionAfterTheDeadlineIsRefused() throws {
        try cli.openEdition(deadlinePassed: true)
        let (role, _) = try cli.representative("FI")
        let result = cli.run(["entry", "submit", try cli.file("fi.toml", Self.entryFile(country: "FI", title: "Late project")), "--as", role])
        #expect(result.status == 3)
        #expect(result.error.contains("The deadline for the 2018 edition passed at "))
        #expect(result.error.contains("nothing was changed"))
        #expect(try cli.count("entries") == 0)
    }

    @Test func theSameThreeAreRefusedThroughPlainPsql() throws {
        try cli.openEdition()
        try cli.expectSuccess([
            "edition", "create", "--year", "2017", "--theme", "Cyber safety", "--host", "EE",
            "--opens", "2017-01-01 00:00", "--closes", "2099-09-30 23:59",
        ])
        try cli.expectSuccess(["edition", "open", "2017"])
        try cli.moveDeadline(year: 2017, to: "'2017-09-30 23:59 Europe/Brussels'")
        let (role, password) = try cli.representative("FI")
        try cli.expectSuccess(["entry", "submit", try cli.file("a.toml", Self.entryFile(country: "FI", title: "The Forssa approach")), "--as", role])
        func insert(_ year: Int, _ country: String, _ title: String) -> String {
            "INSERT INTO ecpa.entries (edition_id, country_code, kind, title) SELECT id, '\(country)', 'competing', '\(title)' FROM ecpa.editions WHERE year = \(year)"
        }
        let second = try cli.psql(role: role, password: password, insert(2018, "FI", "Second"))
        #expect(second.status != 0)
        #expect(second.error.contains("Finland already has a competing entry in the 2018 edition"))
        let swedish = try cli.psql(role: role, password: password, insert(2018, "SE", "Swedish"))
        #expect(swedish.status != 0)
        #expect(swedish.error.contains("you represent FI; entries of SE are not yours"))
        let late = try cli.psql(role: role, password: password, insert(2017, "FI", "Late"))
        #expect(late.status != 0)
        #expect(late.error.contains("the deadline for the 2017 edition passed at 2017-09-30 23:59 (Europe/Brussels)"))
        #expect(try cli.count("entries") == 1)
    }

    @Test func validateListsEveryProblemWithItsLine() throws {
        let text = """
            edition = 2018
            country = "XX"
            kind = "competing"
            title = "A project"
            start_date = 2016-01-01
            still_running = false
            description = "Short."
            objectives = "o"
            target_group = "t"
            evaluation_method = "m"
            evaluation_results = "r"
            innovation = "i"
            partners = "p"
            transferability = "t"
            costs_funding = "c"
            links = ["ftp://example.org"]
            colour = "blue"
            [contact]
            name = "Anna"
            email = "anna@example.org"
            """
        let file = try cli.file("mistakes.toml", text)
        let result = cli.run(["entry", "validate", file])
        #expect(result.status == 65)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(result.output)")
        #expect(lines.contains { $0.hasPrefix("\(file):2: country:") })
        #expect(
            lines.contains { $0.hasPrefix("\(file):6: end_date:") || $0.hasPrefix("\(file):6: still_running:") || $0.hasPrefix("\(file): end_date:") }
        )
        #expect(lines.contains { $0.hasPrefix("\(file):16: links:") })
        #expect(lines.contains { $0.hasPrefix("\(file):17: colour:") })
        #expect(lines.last == "4 problems found.")
    }

    @Test func validateAcceptsTheFilledInTemplateAndCountsWords() throws {
        let file = try cli.file("ok.toml", Self.entryFile(country: "FI", title: "Fine"))
        let result = cli.run(["entry", "validate", file])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "\(file): no problems; the description has 13 of 600 words.\n")
    }

    @Test func templateValidatesOnlyForMissingAnswers() throws {
        let template = cli.run(["entry", "template", "--edition", "2018", "--country", "FI"])
        #expect(template.status == 0)
        let file = try cli.file("template.toml", template.output)
        let result = cli.run(["entry", "validate", file, "--format", "json"])
        #expect(result.status == 65)
        let problems = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { ($0["message"] as? String ?? "").contains("required") }, "\(problems)")
    }

    @Test func lateAcceptanceLetsARepresentativeSubmit() throws {
        try cli.openEdition(deadlinePassed: true)
        let (role, _) = try cli.representative("FI")
        let until = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let accepted = cli.run([
            "entry", "accept-late", "--edition", "2018", "--country", "FI", "--until", until,
            "--reason", "The national selection was delayed by a strike.",
        ])
        #expect(accepted.status == 0, "\(accepted.error)")
        #expect(accepted.output.hasPrefix("Finland may submit to the 2018 edition until "))
        let submitted = cli.run(["entry", "submit", try cli.file("fi.toml", Self.entryFile(country: "FI", title: "Late but accepted")), "--as", role])
        #expect(submitted.status == 0, "\(submitted.error)")
        let listed = cli.run(["entry", "list", "--format", "csv"])
        #expect(listed.output.contains(",Late but accepted,"))
        #expect(listed.output.hasSuffix(",yes\r\n"))
    }

    @Test func secretariatDecidesEligibilityAndRepresentativeWithdraws() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        try cli.expectSuccess([
            "entry", "submit", try cli.file("fi.toml", Self.entryFile(country: "FI", title: "Project")), "--as", role, "--format", "json",
        ])
        let refused = cli.run(["entry", "eligibility", "1", "--eligible", "--as", role])
        #expect(refused.status == 5)
        let missingReason = cli.run(["entry", "eligibility", "1", "--ineligible"])
        #expect(missingReason.status == 64)
        #expect(missingReason.error.contains("'--ineligible' needs '--reason'."))
        let decided = cli.run(["entry", "eligibility", "1", "--ineligible", "--reason", "Outside the theme."])
        #expect(decided.output == "Entry 1 \"Project\" is ineligible.\n")
        let withdrawn = cli.run(["entry", "withdraw", "1", "--as", role])
        #expect(withdrawn.status == 0, "\(withdrawn.error)")
        let shown = cli.run(["entry", "show", "1", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        #expect(object?["state"] as? String == "withdrawn")
        #expect(object?["ineligible_reason"] is NSNull)
    }

    @Test func onATerminalSubmitAsksFieldByFieldSavesTheAnswersAndSubmits() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        let saved = cli.folder.appendingPathComponent("answers.toml").path
        let answers = [
            "", "competing", "Safe at home", "Anna Virtanen", "", "not-an-email", "anna@example.fi", "",
            "2015-13-01", "2015-01-01", "maybe", "no", "2014-12-31", "2018-06-30", "https://example.fi/safe",
            "y",
        ]
        let long: @Sendable (String, String) -> String? = { _, guidance in
            guidance.hasPrefix("Description") ? "Neighbours look in on older people who live alone." : "An answer for the jury."
        }
        let result = cli.run(["entry", "submit", "--as", role, "--save-as", saved], terminalLines: answers, editor: long)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("Title: "))
        #expect(result.error.contains("Start date: write the date as YYYY-MM-DD, such as 2019-06-30. Try again."))
        #expect(result.error.contains("Still running: answer yes or no. Try again."))
        #expect(result.error.contains("E-mail \"not-an-email\" does not look like an e-mail address such as name@example.org. Try again."))
        #expect(result.error.contains("End date 2014-12-31 is before the start date 2015-01-01. Try again."))
        #expect(result.error.contains("Description: 9 of 600 words."))
        #expect(result.error.contains("Your answers are saved in \(saved)."))
        #expect(result.output.hasPrefix("Submitted entry 1 \"Safe at home\" for Finland (competing)"))
        let file = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(file.contains("end_date = 2018-06-30"))
        #expect(cli.run(["entry", "validate", saved]).status == 0)
    }

    @Test func withoutATerminalOrAFileSubmitSaysWhatToGive() throws {
        let result = cli.run(["entry", "submit"])
        #expect(result.status == 64)
        #expect(result.error.contains("Give the entry file"))
    }

    @Test func writeCommandsPrintDataForScripts() throws {
        try cli.openEdition()
        let role = TestDatabase.uniqueName("fi_rep")
        let added = cli.run(
            [
                "user", "add", role, "--kind", "national-representative", "--country", "FI", "--name", "Anna",
                "--password-file", "-", "--format", "json",
            ], input: "long enough password\n")
        let person = try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [String: Any]
        #expect(person?["role"] as? String == role)
        #expect(person?["country"] as? String == "FI")
        try cli.expectSuccess(["entry", "submit", try cli.file("fi.toml", Self.entryFile(country: "FI", title: "Project")), "--as", role])
        let decided = cli.run(["entry", "eligibility", "1", "--eligible", "--format", "json"])
        let entry = try JSONSerialization.jsonObject(with: Data(decided.output.utf8)) as? [String: Any]
        #expect(entry?["state"] as? String == "eligible")
        let withdrawn = cli.run(["entry", "withdraw", "1", "--format", "csv"])
        #expect(
            withdrawn.output.hasPrefix("id,edition,country,kind,state,title,submitted_at,accepted_late\r\n1,2018,FI,competing,withdrawn,Project,"))
    }

    /// entry read wraps each answer between words to the width it is given, keeps paragraphs, and
    /// ends with the SHA-256 that entry show prints.
    @Test func readWrapsToTheWidthAndEndsWithTheHash() throws {
        try cli.openEdition()
        let (role, _) = try cli.representative("FI")
        let long = Array(repeating: "neighbourhood", count: 40).joined(separator: " ")
        let text = BadInputCorpus.entry(country: "FI", title: "Safe at home").replacingOccurrences(
            of: "costs_funding = \"", with: "costs_funding = \"\(long) ")
        try cli.expectSuccess(["entry", "submit", try cli.file("fi.toml", text), "--as", role])
        let read = cli.run(["entry", "read", "1", "--as", role], environment: ["COLUMNS": "50"])
        #expect(read.status == 0, "\(read.error)")
        #expect(read.output.hasPrefix("Entry 1 · Finland (FI) · competing · submitted\nSafe at home\n"))
        let lines = read.output.split(separator: "\n").map(String.init)
        #expect(lines.dropLast().allSatisfy { $0.count <= 50 }, "\(read.output)")
        #expect(read.output.contains("COSTS AND FUNDING\nneighbourhood neighbourhood neighbourhood\n"))
        let shown = try JSONSerialization.jsonObject(with: Data(cli.run(["entry", "show", "1", "--format", "json"]).output.utf8)) as? [String: Any]
        let hash = try #require(shown?["sha256"] as? String)
        #expect(read.output.hasSuffix("\nSHA-256 of the text:\n\(hash)\n"))
        let notAJuror = cli.run(["entry", "read", "--to-score", "--as", role])
        #expect(notAJuror.status == 64)
        #expect(notAJuror.error.contains("is not a voting juror of the 2018 edition. Use --all to read every entry."))
        #expect(cli.run(["entry", "read"]).status == 64)
        #expect(cli.run(["entry", "read", "--all", "--as", role]).output.hasPrefix("Entry 1 · Finland"))
    }
}
