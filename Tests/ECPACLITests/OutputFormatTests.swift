@testable import ECPACLI
import ECPACore
import ECPATestSupport
import Foundation
import Testing

/// What people get from every format when titles and reasons hold what others typed: formulas,
/// HTML, pipes, CJK and emoji, and (in rows written before the database refused them, simulated
/// here by lifting the check) a tab and a right-to-left override.
@Suite struct OutputFormatTests {
    let cli: CLIHarness
    var jurors: [String: String] = [:]

    static let titles = [
        "FI": "=HYPERLINK(\"http://evil.example\",\"click\") | <script>alert(1)</script>",
        "LT": "安全な街づくり 한국 😀 Šiauliai District Discovers a Security Formula",
        "HU": "Safe\tstreets \u{202E}txet desrever",
    ]
    static let reason = "The jury | <b>agreed</b> after [a debate](http://evil.example)."

    /// Entries 1 FI, 2 LT, 3 HU with the titles above; jurors from AT, BG and FI; every score in;
    /// entry 3 placed 2 by the jury; frozen.
    init() throws {
        cli = try CLIHarness()
        try cli.openEdition()
        for country in ["FI", "LT", "HU"] {
            let (role, _) = try cli.representative(country)
            let title = country == "HU" ? "Safe streets" : Self.titles[country] ?? ""
            try cli.expectSuccess([
                "entry", "submit",
                try cli.file(
                    "\(country).toml",
                    EntryCommandTests.entryFile(
                        country: country, title: title.replacingOccurrences(of: "\"", with: "\\\""))), "--as", role,
            ])
        }
        let admin = try cli.database.connect()
        try admin.execute("ALTER TABLE ecpa.entries DROP CONSTRAINT entries_single_lines_clean")
        try admin.execute("SET session_replication_role = replica")
        try admin.execute("UPDATE ecpa.entries SET title = \(Self.titles["HU"] ?? "") WHERE country_code = 'HU'")
        try admin.execute("RESET session_replication_role")
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        for country in ["AT", "BG", "FI"] {
            let role = TestDatabase.uniqueName(country.lowercased() + "_juror")
            try cli.expectSuccess(
                ["jury", "add", role, "--country", country, "--name", "Juror \(country)", "--password-file", "-"]
                    + (country == "AT" ? ["--chair"] : []), input: "password-\(role)\n")
            jurors[country] = role
        }
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        for (country, entry, value) in [
            ("AT", 1, 9), ("BG", 1, 8), ("AT", 2, 7), ("BG", 2, 8), ("FI", 2, 7), ("AT", 3, 6), ("BG", 3, 6), ("FI", 3, 9),
        ] {
            let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] }
            try cli.expectSuccess(["score", "enter", "--entry", String(entry), "--as", jurors[country] ?? ""] + criteria)
        }
        try cli.expectSuccess(["results", "override", "--entry", "3", "--place", "2", "--reason", Self.reason])
        try cli.signDecisionRecord(chair: jurors["AT"] ?? "")
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
    }

    func output(_ arguments: [String]) -> String {
        let result = cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
        return result.output
    }

    /// Each title, as a JSON reader gets it from the array of objects under `key` (nil: the document).
    func jsonTitles(_ text: String, key: String?, title: String = "title") throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let rows = key.map { ((document as? [String: Any])?[$0] as? [[String: Any]]) ?? [] } ?? (document as? [[String: Any]] ?? [])
        return rows.compactMap { $0[title] as? String }
    }

    /// The title column of a CSV, as a spreadsheet reads it.
    func csvTitles(_ text: String) -> [String] {
        let rows = CSVReader.rows(text)
        guard let column = rows.first?.firstIndex(of: "title") else { return [] }
        #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(text)")
        return rows.dropFirst().map { $0[column] }
    }

    /// Asserts that a terminal table shows no raw tab or override, and that on every line of the
    /// table the column `column` of the header starts at the same display column, after two spaces.
    func expectAlignedTable(_ text: String, header: String, column: String) {
        #expect(!text.unicodeScalars.contains { $0 == "\t" || $0 == "\u{202E}" }, "\(text)")
        #expect(text.contains("Safe<U+0009>streets <U+202E>txet desrever"), "\(text)")
        let lines = Array(text.split(separator: "\n").map(String.init).drop { !$0.hasPrefix(header) }.prefix(4))
        guard lines.count == 4, let start = lines[0].range(of: "  " + column) else {
            Issue.record("no table with \(column) in:\n\(text)")
            return
        }
        let at = DisplayWidth.of(String(lines[0][..<start.lowerBound])) + 2
        for line in lines {
            let before = DisplayWidth.prefix(line, columns: at)
            #expect(
                DisplayWidth.of(before) == at && before.hasSuffix("  ") && !line.dropFirst(before.count).hasPrefix(" "),
                "\(column) is not at column \(at) in:\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test func resultsRankKeepsTitlesHarmlessInEveryFormat() throws {
        let json = output(["results", "rank", "--format", "json"])
        #expect(try jsonTitles(json, key: "places") == [Self.titles["FI"], Self.titles["HU"], Self.titles["LT"]])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(((object?["places"] as? [[String: Any]])?.first?["score"] as? NSNumber)?.doubleValue == 8.5)
        #expect(json.contains("\"score\": 8.500,") && json.contains("\\u202e") && !json.contains("\u{202E}"))
        let csv = output(["results", "rank", "--format", "csv"])
        #expect(csvTitles(csv) == ["'" + (Self.titles["FI"] ?? ""), Self.titles["HU"], Self.titles["LT"]])
        #expect(CSVReader.rows(csv)[2][8] == Self.reason)
        let table = output(["results", "rank"])
        expectAlignedTable(table, header: "PLACE", column: "SCORE")
        #expect(table.contains("- entry 3 placed 2: " + Self.reason))
    }

    @Test func entryListKeepsTitlesHarmlessInEveryFormat() throws {
        let byCountry = [Self.titles["FI"], Self.titles["HU"], Self.titles["LT"]]
        #expect(try jsonTitles(output(["entry", "list", "--format", "json"]), key: nil) == byCountry)
        #expect(csvTitles(output(["entry", "list", "--format", "csv"])) == ["'" + (Self.titles["FI"] ?? ""), Self.titles["HU"], Self.titles["LT"]])
        expectAlignedTable(output(["entry", "list"]), header: "ID", column: "SUBMITTED AT")
    }

    @Test func theWinnersReportKeepsTitlesAndReasonsHarmlessInEveryFormat() throws {
        let markdown = output(["report", "winners", "--format", "md"])
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>") && !markdown.contains("[a debate]("))
        #expect(markdown.contains("\\=HYPERLINK(\"http://evil.example\",\"click\") \\| &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("安全な街づくり 한국 😀 Šiauliai"))
        #expect(markdown.contains("Safe&lt;U+0009&gt;streets &lt;U+202E&gt;txet desrever"))
        #expect(markdown.contains("Reason: The jury \\| &lt;b&gt;agreed&lt;/b&gt; after \\[a debate\\](http://evil.example)."))
        let tables = markdown.components(separatedBy: "\n\n").filter { $0.hasPrefix("| ") }
        for table in tables {
            let widths = table.split(separator: "\n").map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            #expect(Set(widths).count == 1, "\(table)")
        }
        let json = output(["report", "winners", "--format", "json"])
        #expect(try jsonTitles(json, key: "places") == [Self.titles["FI"], Self.titles["HU"], Self.titles["LT"]])
        let overrides = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["overrides"] as? [[String: Any]]
        #expect(overrides?.first?["reason"] as? String == Self.reason)
        #expect(
            csvTitles(output(["report", "winners", "--format", "csv"])) == ["'" + (Self.titles["FI"] ?? ""), Self.titles["HU"], Self.titles["LT"]])
        let html = output(["report", "winners", "--format", "html"])
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("\u{202E}"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) | &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Safe&lt;U+0009&gt;streets &lt;U+202E&gt;txet desrever"))
    }

    @Test func resultsExplainPrintsCSVOneRowPerJuror() throws {
        let rows = CSVReader.rows(output(["results", "explain", "--format", "csv"]))
        #expect(rows.first == ["juror", "changes_podium", "podium_without", "spearman", "severity_effect", "sentence"])
        #expect(Set(rows.dropFirst().map { $0[0] }) == Set(jurors.values))
        #expect(rows.dropFirst().allSatisfy { $0.count == 6 && ["yes", "no"].contains($0[1]) && Double($0[4]) != nil })
        // One row per ranked entry, best first, its chances between 0 and 1.
        let entries = CSVReader.rows(output(["results", "explain", "--format", "csv", "--rows", "entries"]))
        #expect(
            entries.first == [
                "place", "entry", "country", "score", "corrected_score", "gold_chance", "silver_chance", "bronze_chance", "medal_chance",
                "rank_low", "rank_high", "contested",
            ])
        #expect(entries.dropFirst().map { $0[0] } == entries.dropFirst().map { $0[0] }.sorted { Int($0)! < Int($1)! })
        #expect(entries.count > 1 && entries.dropFirst().allSatisfy { row in (5...8).allSatisfy { (0...1).contains(Double(row[$0]) ?? -1) } })
        let json = try JSONSerialization.jsonObject(with: Data(output(["results", "explain", "--format", "json"]).utf8)) as? [String: Any]
        // A number with exactly three places, or null for the Finnish juror, who scored only two entries.
        let spearman = (json?["spearman"] as? [[String: Any]])?.map { $0["spearman"] } ?? []
        #expect(spearman.count == 3 && spearman.allSatisfy { $0 is NSNumber || $0 is NSNull } && spearman.contains { $0 is NSNumber })
    }
}
