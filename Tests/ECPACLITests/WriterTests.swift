@testable import ECPACLI
import ECPACore
import ECPAStore
import Foundation
import Testing

/// The one writer of each format, on text the database no longer lets in but older rows and
/// archive data may hold: what a spreadsheet, a Markdown viewer, a JSON reader and a terminal get.
@Suite struct WriterTests {
    static let script = "<script>alert(1)</script>"
    static let formula = "=HYPERLINK(\"http://evil.example\",\"x\")"
    /// CJK, Hangul, an emoji, a tab and a right-to-left override, in one title.
    static let mixed = "安全な街 한국 😀 Safe\tstreets \u{202E}txet"

    // MARK: JSON

    @Test func jsonKeepsKeyOrderAndExactDecimalsAndIsValid() throws {
        let record = Record([
            ("title", .text(Self.script + " | " + Self.formula)), ("score", .fixed(Decimal(string: "8.5"), places: 3)),
            ("prize_eur", .decimal(Decimal(10000))), ("weight", .decimal(Decimal(string: "0.25"))),
            ("spearman", .ratio(-0.5, places: 3)), ("w", .ratio(.nan, places: 4)), ("missing", .text(nil)),
            ("shared", .bool(false)), ("links", .list(["a", "b"])),
        ])
        let text = Renderer.single(record, format: .json)
        #expect(
            text == """
                {
                  "title": "<script>alert(1)</script> | =HYPERLINK(\\"http://evil.example\\",\\"x\\")",
                  "score": 8.500,
                  "prize_eur": 10000,
                  "weight": 0.25,
                  "spearman": -0.500,
                  "w": null,
                  "missing": null,
                  "shared": false,
                  "links": ["a", "b"]
                }

                """)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["title"] as? String == Self.script + " | " + Self.formula)
        #expect(object["missing"] is NSNull)
    }

    @Test func jsonWritesInvisibleCharactersAsEscapesAndReadsBackTheSameText() throws {
        let text = Renderer.list([Record([("title", .text(Self.mixed + "\u{200B}\u{7F}\u{1B}[2J"))])], columns: ["title"], format: .json)
        #expect(ControlCharacters.first(in: text, multiline: true) == nil)
        #expect(text.contains("\\u202e") && text.contains("\\t") && text.contains("\\u200b") && text.contains("\\u001b"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]])
        #expect(rows == [["title": Self.mixed + "\u{200B}\u{7F}\u{1B}[2J"]])
    }

    /// The freeze's canonical text needs jsonb's escaping exactly; only the CLI asks for more.
    @Test func jsonTextKeepsJsonbsEscapingUnlessAsked() {
        #expect(JSONText.string("a\u{202E}\u{7F}\t\"") == "\"a\u{202E}\u{7F}\\t\\\"\"")
        #expect(JSONText.string("a\u{202E}\u{7F}\t\"", escapingInvisible: true) == "\"a\\u202e\\u007f\\t\\\"\"")
    }

    @Test func jsonLayoutPutsEachItemOfAListOnItsOwnLine() {
        let document = JSONValue.object([
            (key: "edition", value: .integer(2018)),
            (key: "places", value: .array([.object([(key: "place", value: .integer(1))]), .object([(key: "place", value: .integer(2))])])),
            (key: "ties", value: .texts(["one", "two"])),
            (key: "empty", value: .array([])),
        ])
        #expect(
            JSONWriter.document(document) == """
                {
                  "edition": 2018,
                  "places": [
                    {"place": 1},
                    {"place": 2}
                  ],
                  "ties": ["one", "two"],
                  "empty": []
                }

                """)
        #expect(JSONWriter.document(.array([])) == "[]\n")
        #expect(JSONNumber(text: "NaN") == nil && JSONNumber(text: "01") == nil && JSONNumber(text: "1.") == nil)
        #expect(JSONNumber(text: "-0.125e+3") != nil)
    }

    // MARK: CSV

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", formula])
    func csvGuardsTextThatASpreadsheetWouldRunAsAFormula(_ text: String) {
        let csv = Renderer.list([Record([("title", .text(text)), ("score", .decimal(Decimal(-1)))])], columns: ["title", "score"], format: .csv)
        let rows = CSVReader.rows(csv)
        #expect(rows == [["title", "score"], ["'" + text, "-1"]])
    }

    @Test func csvQuotesWhatMustBeQuotedAndEndsRowsWithCRLF() {
        let texts = ["a,b", "say \"hi\"", "two\nlines", "two\r\nlines", Self.script, Self.mixed]
        let csv = Renderer.list(texts.map { Record([("text", .text($0)), ("n", .integer(1))]) }, columns: ["text", "n"], format: .csv)
        #expect(CSVReader.rows(csv) == [["text", "n"]] + texts.map { [$0, "1"] })
        #expect(csv.hasPrefix("text,n\r\n\"a,b\",1\r\n\"say \"\"hi\"\"\",1\r\n\"two\nlines\",1\r\n\"two\r\nlines\",1\r\n"))
    }

    @Test func theScoreSheetGuardsOthersTextAndKeepsWhatTheImportReadsBack() {
        let writer = ScoreSheetWriter(delimiter: .semicolon, edition: 2018, juror: "at_juror")
        let row = ScoreSheetRow(
            entry: EntryID(3), country: "HU", title: Self.formula, criterion: "focus", criterionName: "-Focus; everyday crime",
            min: "0", max: "10", step: "0.5", value: "7.5", comment: "- vague\r\nsecond line")
        let line = writer.line(row)
        #expect(
            CSVReader.rows(line, separator: ";") == [
                [
                    "2018", "at_juror", "3", "HU", "'" + Self.formula, "focus", "'-Focus; everyday crime", "0 to 10 in steps of 0,5", "7,5",
                    "- vague\r\nsecond line",
                ]
            ])
    }

    // MARK: Terminal tables

    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("한국어", 6), ("ｆｕｌｌ", 8), ("😀", 2), ("👍🏽", 2), ("🇫🇮", 2), ("👩‍👩‍👧", 2),
        ("e\u{301}", 1), ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("…", 1), ("Šiauliai", 8), ("\u{200B}", 0),
    ])
    func displayWidthCountsColumns(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func tablesAlignByDisplayWidthAndShowControlCharactersByName() {
        let titles = ["Plain title", Self.mixed, "Ünïcödé with combining: e\u{301}e\u{301}", Self.script + " | " + Self.formula, "two\nlines"]
        let table = Renderer.list(
            titles.enumerated().map { Record([("title", .text($1)), ("place", .integer(Int64($0 + 1)))]) },
            columns: ["title", "place"], format: .table)
        #expect(!table.unicodeScalars.contains { $0 == "\t" || $0 == "\u{202E}" })
        #expect(table.contains("Safe<U+0009>streets <U+202E>txet") && table.contains("two<U+000A>lines"))
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == titles.count + 1)
        // The PLACE column starts at the same display column on every line.
        let starts = lines.map { line in
            DisplayWidth.of(String(line[..<(line.range(of: "(PLACE|[0-9]+)$", options: .regularExpression)?.lowerBound ?? line.endIndex)]))
        }
        #expect(Set(starts).count == 1, "\(table)\(starts)")
    }

    @Test func aLongCellIsCutAtSixtyColumnsNotSixtyCharacters() {
        let cut = Renderer.cell(String(repeating: "日本", count: 40))
        #expect(DisplayWidth.of(cut) <= 60 && cut.hasSuffix("…"))
        #expect(Renderer.cell(String(repeating: "a", count: 60)) == String(repeating: "a", count: 60))
    }

    // MARK: Markdown

    @Test(arguments: [
        (script, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a | b", "a \\| b"),
        (formula, "\\=HYPERLINK(\"http://evil.example\",\"x\")"),
        (
            "[click](javascript:alert(1)) *bold* `code` ~strike~ snake_case",
            "\\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\` \\~strike\\~ snake\\_case"
        ),
        ("# Heading", "\\# Heading"), ("- item", "\\- item"), ("2018. A year", "2018\\. A year"), ("8.500", "8.500"), ("-0.125", "-0.125"),
        ("AT&T &amp;", "AT&amp;T &amp;amp;"), ("two\nlines", "two lines"), ("tab\there \u{202E}x", "tab&lt;U+0009&gt;here &lt;U+202E&gt;x"),
    ])
    func markdownTextReadsAsWritten(_ text: String, _ written: String) {
        #expect(Markdown.text(text) == written)
    }

    @Test func aMarkdownTableKeepsItsCellsWhateverTheyHold() {
        let table = Markdown.table(["Place", "Project"], [["1", "a | b | c"], ["2", Self.script]])
        for line in table.split(separator: "\n") {
            let unescapedPipes = line.enumerated().filter { $0.element == "|" && ($0.offset == 0 || Array(line)[$0.offset - 1] != "\\") }
            #expect(unescapedPipes.count == 3, "\(line)")
        }
        #expect(!table.contains("<script>"))
    }
}
