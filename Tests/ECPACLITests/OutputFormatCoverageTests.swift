import ECPACLI
import ECPATestSupport
import Foundation
import Testing

/// Every command that takes --format, through one edition from its creation to publication:
/// its JSON parses, its CSV has as many fields in every row as in its header, and no CSV cell
/// begins like a formula although the Finnish entry's title does.
@Suite struct OutputFormatCoverageTests {
    /// The title of entry 1, which a spreadsheet would run unless it is guarded.
    static let formulaTitle = "=HYPERLINK(\"http://evil.example\",\"Project of FI\")"

    /// The commands whose help offers --format, found by walking `ecpa --help` down the tree.
    static func commandsWithFormat(_ cli: CLIHarness, path: [String] = []) -> [String] {
        let help = cli.run(path + ["--help"]).output
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else {
            return help.contains("--format") ? [path.joined(separator: " ")] : []
        }
        let names = section.components(separatedBy: "\n\n")[0].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        return names.flatMap { commandsWithFormat(cli, path: path + [$0]) }
    }

    @Test func everyCommandThatPrintsDataPrintsValidJSONAndRectangularCSV() throws {
        let cli = try CLIHarness()
        var checked = Set<String>()
        func run(_ command: String, _ rest: [String], format: String, input: String = "", environment: [String: String] = [:]) -> String {
            let arguments = command.split(separator: " ").map(String.init) + rest + ["--format", format]
            let result = cli.run(arguments, input: input, environment: environment)
            #expect(result.status == 0, "ecpa \(arguments.joined(separator: " ")): \(result.error)")
            return result.output
        }
        func json(_ command: String, _ rest: [String] = [], input: String = "", environment: [String: String] = [:]) {
            let text = run(command, rest, format: "json", input: input, environment: environment)
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "ecpa \(command) --format json:\n\(text)")
            checked.insert(command)
        }
        var guardedTitles = 0
        func csv(_ command: String, _ rest: [String] = []) {
            let rows = CSVReader.rows(run(command, rest, format: "csv"))
            #expect(!rows.isEmpty && rows.allSatisfy { $0.count == rows[0].count }, "ecpa \(command) --format csv: \(rows)")
            // "-" is left out: negative numbers begin with it, and no text here does.
            let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "@", "\t", "\r"]
            let unguarded = rows.joined().filter { $0.unicodeScalars.first.map(formulaStarts.contains) ?? false }
            #expect(unguarded.isEmpty, "ecpa \(command) --format csv: a cell a spreadsheet would run: \(unguarded)")
            guardedTitles += rows.joined().filter { $0 == "'" + Self.formulaTitle }.count
        }
        func both(_ command: String, _ rest: [String] = []) {
            json(command, rest)
            csv(command, rest)
        }
        func role(_ name: String) -> String { TestDatabase.uniqueName(name) }
        let now = Date()
        let iso = ISO8601DateFormatter()

        json(
            "edition create",
            [
                "--year", "2018", "--theme", "Community Policing", "--host", "AT", "--city", "Vienna",
                "--opens", iso.string(from: now.addingTimeInterval(-86_400)), "--closes", iso.string(from: now.addingTimeInterval(86_400)),
                "--prize-gold", "10000", "--prize-silver", "5000", "--prize-bronze", "5000",
            ])
        json("edition open", ["2018"])
        var representatives: [String: String] = [:]
        for country in ["FI", "LT", "HU"] {
            let name = role(country.lowercased() + "_rep")
            representatives[country] = name
            json(
                "user add", [name, "--kind", "national-representative", "--country", country, "--name", "Rep \(country)", "--password-file", "-"],
                input: "password-\(name)\n")
        }
        let files = try ["FI", "LT", "HU"].map { country in
            let title = country == "FI" ? Self.formulaTitle.replacingOccurrences(of: "\"", with: "\\\"") : "Project of \(country)"
            return try cli.file("\(country).toml", EntryCommandTests.entryFile(country: country, title: title))
        }
        both("entry validate", [files[0]])
        for (country, file) in zip(["FI", "LT", "HU"], files) { json("entry submit", [file, "--as", representatives[country] ?? ""]) }
        let extra = try cli.file("extra.toml", EntryCommandTests.entryFile(country: "FI", title: "Extra", kind: "additional"))
        json("entry submit", [extra, "--as", representatives["FI"] ?? ""])
        json("entry withdraw", ["4"])
        json(
            "entry accept-late",
            ["--edition", "2018", "--country", "LT", "--until", iso.string(from: now.addingTimeInterval(2 * 86_400)), "--reason", "Late."])
        for id in 1...3 { json("entry eligibility", [String(id), "--eligible"]) }
        both("entry list")
        both("entry show", ["1"])
        // A scheme with a final ballot, so that the ballot's commands print too.
        let scheme = try cli.file("scheme.toml", BallotTests.advisoryBallotScheme)
        try cli.expectSuccess(["scheme", "set", "--edition", "2018", "--file", scheme])
        both("scheme show", ["--edition", "2018"])
        var jurors: [String] = []
        for country in ["AT", "BG", "FI"] {
            let name = role(country.lowercased() + "_juror")
            jurors.append(name)
            json("jury add", [name, "--country", country, "--name", "Juror \(country)", "--password-file", "-"], input: "password-\(name)\n")
        }
        both("jury list")
        both("jury conflict list")
        json("edition close", ["2018"])
        json("edition scoring open", ["2018"])
        for (juror, entry, value) in [(0, 1, 9), (1, 1, 8), (0, 2, 7), (1, 2, 8), (2, 2, 7), (0, 3, 6), (1, 3, 6)] {
            json(
                "score enter",
                ["--entry", String(entry), "--as", jurors[juror]]
                    + ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] })
        }
        let sheet = cli.folder.appendingPathComponent("sheet.csv").path
        try cli.expectSuccess(["score", "sheet", "--as", jurors[2], "-o", sheet])
        let filled = try String(contentsOfFile: sheet, encoding: .utf8).replacingOccurrences(of: "in steps of 1,,", with: "in steps of 1,9,")
        try Data(filled.utf8).write(to: URL(fileURLWithPath: sheet))
        json("score import", [sheet, "--as", jurors[2]])
        both("score status")
        both("score history")
        // No deliberation here: the list of revisions is empty, yet valid JSON and CSV.
        both("score revisions")
        json("edition scoring close", ["2018"])
        try cli.expectSuccess(["ballot", "open", "2018", "--entry", "1", "--entry", "2", "--entry", "3"])
        for (juror, ranking) in [(0, "1\n2\n3\n"), (1, "2\n1\n3\n"), (2, "3\n2\n")] {
            try cli.expectSuccess(["ballot", "cast", "--file", try cli.file("ballot-\(juror).txt", ranking), "--as", jurors[juror]])
        }
        both("ballot status")
        both("ballot mine", ["--as", jurors[0]])
        try cli.expectSuccess(["ballot", "close", "2018", "--yes"])
        both("ballot count")
        both("results rank")
        both("results explain")
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        both("results verify")
        // No decision record here: an empty record, yet valid JSON and CSV.
        both("results record")
        json("report winners", ["--include-juror-scores"])
        csv("report winners")
        json("edition publish", ["2018", "--yes"])
        // The booklet is a document, not data: --format md|html, no JSON or CSV to parse.
        for format in ["md", "html"] {
            let booklet = cli.run(["report", "booklet", "--edition", "2018", "--format", format])
            #expect(booklet.status == 0 && booklet.output.contains("Project of LT"), "ecpa report booklet --format \(format): \(booklet.error)")
        }
        checked.insert("report booklet")
        // Letters are documents for people, written to files: its --format is md or html, no data to parse.
        for format in ["md", "html"] {
            let letters = cli.folder.appendingPathComponent("letters-\(format)").path
            try cli.expectSuccess(["report", "feedback", "-o", letters, "--format", format])
            #expect((try? FileManager.default.contentsOfDirectory(atPath: letters))?.count == 3, "ecpa report feedback --format \(format)")
        }
        checked.insert("report feedback")
        both("edition list")
        both("edition show", ["2018"])
        both("user list")
        both("user whoami")
        both("archive list")
        both("archive show", ["2018"])
        both("archive medals")
        both("results history", ["--juror", jurors[0]])
        both("db status")
        both("db connections list")
        json("local status", environment: ["ECPA_HOME": cli.folder.appendingPathComponent("home").path])

        // entry list and show, results rank, report winners, archive show at least.
        #expect(guardedTitles >= 5, "the formula title was guarded in \(guardedTitles) CSV cells")
        let withFormat = Set(Self.commandsWithFormat(cli))
        #expect(withFormat.isSuperset(of: ["results explain", "report winners", "score status", "local status"]), "\(withFormat.sorted())")
        #expect(
            withFormat.subtracting(checked).isEmpty, "commands with --format whose JSON no test parses: \(withFormat.subtracting(checked).sorted())")
    }
}
