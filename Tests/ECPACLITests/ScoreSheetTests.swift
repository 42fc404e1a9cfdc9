import ECPACLI
import ECPATestSupport
import Foundation
import Testing

/// What jurors see when they score in a spreadsheet: `score sheet`, fill it in, `score import`.
@Suite struct ScoreSheetTests {
    let cli: CLIHarness
    /// A juror from Austria, in declared conflict with the Hungarian entry (3).
    let jurorA: String
    /// A juror from Finland, so in conflict with the Finnish entry (1).
    let jurorB: String

    static let header = "edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment"
    static let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"]
    static let bom = "\u{FEFF}"

    init() throws {
        cli = try CLIHarness()
        jurorA = TestDatabase.uniqueName("ja")
        jurorB = TestDatabase.uniqueName("jb")
    }

    /// The 2018 edition in scoring: entries 1 FI, 2 LT, 3 HU, 4 PL, 5 BE eligible, 6 SE
    /// withdrawn, 7 EE ineligible, 8 FI additional; jurors A (AT) and B (FI).
    func scoringEdition(schemeFile: String? = nil) throws {
        try cli.openEdition()
        var representatives: [String: String] = [:]
        for (country, title) in [
            ("FI", "The Forssa approach"), ("LT", "Šiauliai District Discovers a Security Formula"),
            ("HU", "My neighbour is the policeman!"), ("PL", "Safe, together"),
            ("BE", "Neighbourhood \"information\" networks"), ("SE", "A Swedish project"),
            ("EE", "An Estonian project"),
        ] {
            let (role, _) = try cli.representative(country)
            representatives[country] = role
            try cli.expectSuccess([
                "entry", "submit",
                try cli.file(
                    "\(country).toml",
                    EntryCommandTests.entryFile(
                        country: country, title: title.replacingOccurrences(of: "\"", with: "\\\""))),
                "--as", role,
            ])
        }
        try cli.expectSuccess([
            "entry", "submit",
            try cli.file(
                "FI-extra.toml",
                EntryCommandTests.entryFile(
                    country: "FI", title: "Good practice from Finland", kind: "additional")), "--as", representatives["FI"] ?? "",
        ])
        try cli.expectSuccess(["entry", "withdraw", "6", "--as", representatives["SE"] ?? ""])
        if let schemeFile {
            try cli.expectSuccess(["scheme", "set", "--edition", "2018", "--file", schemeFile])
        } else {
            try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        }
        try cli.expectSuccess(["edition", "close", "2018"])
        for id in ["1", "2", "3", "4", "5", "8"] {
            try cli.expectSuccess(["entry", "eligibility", id, "--eligible"])
        }
        try cli.expectSuccess(["entry", "eligibility", "7", "--ineligible", "--reason", "Outside the theme."])
        try cli.expectSuccess(["jury", "add", jurorA, "--country", "AT", "--name", "Juror A", "--password-file", "-"], input: "password-a\n")
        try cli.expectSuccess(["jury", "add", jurorB, "--country", "FI", "--name", "Juror B", "--password-file", "-"], input: "password-b\n")
        try cli.expectSuccess(["jury", "conflict", "declare", "--juror", jurorA, "--entry", "3", "--reason", "Worked with the project team."])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
    }

    /// `score sheet -o FILE` as a juror; returns the file's text.
    func sheet(as role: String, name: String, extra: [String] = []) throws -> (path: String, text: String) {
        let path = cli.folder.appendingPathComponent(name).path
        let result = cli.run(["score", "sheet", "--as", role, "-o", path] + extra)
        guard result.status == 0 else { throw CLIHarness.HarnessError(message: "score sheet failed: \(result.error)") }
        // Read as bytes: String(contentsOfFile:) would drop the byte order mark.
        return (path, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
    }

    /// The rows of a sheet without BOM and header, split at CRLF (the test sheets have no line ends in fields).
    static func rows(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return Array(lines.dropFirst())
    }

    /// A row with its value and comment (the last two fields, empty in a fresh sheet) filled in.
    static func filled(_ row: String, value: String, comment: String = "", delimiter: String = ",") -> String {
        precondition(row.hasSuffix(delimiter + delimiter))
        return String(row.dropLast(2)) + delimiter + value + delimiter + comment
    }

    func counts() throws -> (scores: Int, batches: Int) {
        (try cli.count("scores"), try cli.count("score_batches"))
    }

    // MARK: - (a) every problem, with its line, and nothing written

    @Test func fiveMistakesAreAllReportedWithTheirLinesAndNothingIsWritten() throws {
        try scoringEdition()
        let (_, text) = try sheet(as: jurorA, name: "a.csv")
        let original = Self.rows(text)
        #expect(original.count == 20)
        // Rows 0-4 are entry 1, 5-9 entry 2, 10-14 entry 4, 15-19 entry 5; rows[i] is on line i + 2.
        var rows = original.map { Self.filled($0, value: "6") }
        rows[1] = Self.filled(original[1], value: "11")
        rows[2] = Self.filled(original[2], value: "seven")
        rows[6] = Self.filled(original[6].replacingOccurrences(of: ",2,LT,", with: ",3,HU,"), value: "6")
        rows[11] = rows[11].replacingOccurrences(of: "2018,\(jurorA),", with: "2018,\(jurorB),")
        rows[17] = rows[17].replacingOccurrences(of: ",innovation,", with: ",evaluation,")
        let file = try cli.file("a-filled.csv", Self.bom + Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n")
        let before = try counts()

        let result = cli.run(["score", "import", file, "--as", jurorA])

        #expect(result.status == 65)
        #expect(result.output == "")
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(file):3: value: 11 is not on the scale of Evaluated and effective: scores go from 0 to 10 in steps of 1.",
                "\(file):4: value: \"seven\" is not a number; write the score in digits, such as 7.",
                "\(file):8: entry_id: \(jurorA) is in conflict with entry 3 \"My neighbour is the policeman!\" (declared: Worked with the project team.) and does not score it.",
                "\(file):13: juror: the row names juror \"\(jurorB)\", but this sheet is \(jurorA)'s; a juror imports only their own scores.",
                "\(file):19: criterion: entry 5, evaluation is already on line 18; give each cell once.",
                "ecpa: 5 problems in \(file); nothing was imported.",
            ])
        #expect(try counts() == before)
    }

    @Test func everyOtherKindOfProblemIsNamedToo() throws {
        try scoringEdition()
        let row = { (edition: String, entry: String, country: String, criterion: String, value: String, comment: String) in
            "\(edition),\(self.jurorA),\(entry),\(country),title,\(criterion),name,scale,\(value),\(comment)"
        }
        let file = try cli.file(
            "kinds.csv",
            [
                Self.header,
                row("2017", "1", "FI", "focus", "5", ""),
                row("2018", "99", "", "focus", "5", ""),
                row("2018", "x1", "", "focus", "5", ""),
                row("2018", "6", "SE", "focus", "5", ""),
                row("2018", "7", "EE", "focus", "5", ""),
                row("2018", "8", "FI", "focus", "5", ""),
                row("2018", "1", "FI", "colour", "5", ""),
                row("2018", "1", "FI", "innovation", "", "Needs a value"),
                row("2018", "1", "FI", "cooperation", "", ""),
                ",,,,,,,,,",
            ].joined(separator: "\n") + "\n")
        let result = cli.run(["score", "import", file, "--as", jurorA, "--format", "json"])
        #expect(result.status == 65)
        let problems = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        let seen = problems.map { "\($0["line"] ?? "-") \($0["column"] ?? "-"): \($0["message"] ?? "")" }
        #expect(
            seen == [
                "2 edition: the row is for edition \"2017\", but this import is for the 2018 edition.",
                "3 entry_id: there is no entry 99 in the 2018 edition.",
                "4 entry_id: \"x1\" is not an entry number.",
                "5 entry_id: entry 6 \"A Swedish project\" is withdrawn; only eligible competing entries are scored.",
                "6 entry_id: entry 7 \"An Estonian project\" is ineligible; only eligible competing entries are scored.",
                "7 entry_id: entry 8 \"Good practice from Finland\" is an additional entry (good practice, published but not scored).",
                "8 criterion: there is no criterion \"colour\"; the criteria are focus, evaluation, innovation, cooperation, transferability.",
                "9 comment: a comment needs a value in the same row; fill in the value or clear the comment.",
            ])
        // The codes a script acts on, whatever the wording.
        #expect(
            problems.map { $0["code"] as? String } == [
                "sheet.edition", "sheet.entry_unknown", "sheet.entry_number", "sheet.entry_state", "sheet.entry_state",
                "sheet.entry_state", "sheet.criterion_unknown", "sheet.comment_alone",
            ])
        // Asked for JSON, the error itself is JSON too, with its code and exit status.
        let error = try JSONSerialization.jsonObject(with: Data(result.error.utf8)) as? [String: [String: Any]]
        #expect(error?["error"]?["code"] as? String == "sheet.problems")
        #expect(error?["error"]?["exit"] as? Int == 65)
        #expect(error?["error"]?["message"] as? String == "8 problems in \(file); nothing was imported.")
    }

    @Test func aHeaderWithoutTheSheetsColumnsSaysWhichAreMissingAndExtra() throws {
        try scoringEdition()
        let file = try cli.file("header.csv", "edition,juror,entry,country,criterion,value,comment,notes\n2018,\(jurorA),1,FI,focus,5,,\n")
        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 65)
        #expect(result.error.contains("\(file):1: The header lacks the columns entry_id, entry_title, criterion_name, scale."))
        #expect(result.error.contains("\(file):1: The header has columns the sheet does not have: \"entry\", \"notes\"; remove them."))
    }

    @Test func rowsThatAreNotCSVAreNamedByTheirPhysicalLine() throws {
        try scoringEdition()
        let (_, text) = try sheet(as: jurorA, name: "m.csv")
        var rows = Self.rows(text)
        rows[0] = Self.filled(rows[0], value: "5", comment: "\"Two\nlines\"")
        rows[2] = rows[2] + ",extra"
        let file = try cli.file("m-bad.csv", Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n")
        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 65)
        #expect(
            result.error == """
                \(file):5: The row has more fields than the header. A field with the separator in it needs double quotes.
                ecpa: 1 problem in \(file); nothing was imported.

                """)
    }

    // MARK: - (b) a round trip

    @Test func aFilledInSheetImportsAndComesBackByteForByte() throws {
        try scoringEdition()
        let (path, text) = try sheet(as: jurorA, name: "b.csv")
        #expect(text.hasPrefix(Self.bom + Self.header + "\r\n"))
        let rows = Self.rows(text)
        #expect(rows.count == 20)
        #expect(rows.map { $0.split(separator: ",")[2] }.uniqued() == ["1", "2", "4", "5"])
        #expect(rows[0] == "2018,\(jurorA),1,FI,The Forssa approach,focus,Focus on everyday crime and fear of crime,0 to 10 in steps of 1,,")
        #expect(rows.contains { $0.contains(",BE,\"Neighbourhood \"\"information\"\" networks\",") })
        let comment = "\"Strong, \"\"evidence-based\"\"\nwork; Šiauliai too\""
        let edited = rows.enumerated().map { index, row in
            Self.filled(row, value: String((index * 3) % 11), comment: index == 4 ? comment : "")
        }
        let editedText = Self.bom + Self.header + "\r\n" + edited.joined(separator: "\r\n") + "\r\n"
        try Data(editedText.utf8).write(to: URL(fileURLWithPath: path))

        let imported = cli.run(["score", "import", path, "--as", jurorA])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(
            imported.output.hasPrefix(
                "Imported \(path) for \(jurorA) (2018 edition): 20 rows; 20 new scores, 0 changed, 0 unchanged, 0 left empty. Written as ledger batch "
            ))
        #expect(try cli.count("scores") == 20)

        let (_, again) = try sheet(as: jurorA, name: "b-again.csv")
        #expect(again == editedText)

        let batches = try cli.count("score_batches")
        let events = try cli.count("score_events")
        let reimported = cli.run(["score", "import", path, "--as", jurorA])
        #expect(reimported.status == 0)
        #expect(
            reimported.output
                == "Imported \(path) for \(jurorA) (2018 edition): 20 rows; 0 new scores, 0 changed, 20 unchanged, 0 left empty. Nothing changed.\n")
        #expect(try cli.count("score_batches") == batches)
        #expect(try cli.count("score_events") == events)
    }

    @Test func anEmptyValueLeavesTheCellAsItIs() throws {
        try scoringEdition()
        try cli.expectSuccess(["score", "enter", "--entry", "1", "--as", jurorA, "--criterion", "focus=4", "--comment", "kept"])
        let (_, text) = try sheet(as: jurorA, name: "e.csv")
        let rows = Self.rows(text)
        #expect(rows[0].hasSuffix(",focus,Focus on everyday crime and fear of crime,0 to 10 in steps of 1,4,kept"))
        let cleared = [String(rows[0].dropLast(",4,kept".count)) + ",,", Self.filled(rows[1], value: "9")]
        let file = try cli.file("e-edit.csv", Self.header + "\n" + cleared.joined(separator: "\n") + "\n")
        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("2 rows; 1 new score, 0 changed, 0 unchanged, 1 left empty."))
        let (_, after) = try sheet(as: jurorA, name: "e-after.csv")
        #expect(Self.rows(after)[0].hasSuffix(",4,kept"))
        #expect(Self.rows(after)[1].hasSuffix(",9,"))
    }

    // MARK: - (c) European spreadsheets

    @Test func aSemicolonFileWithDecimalCommasABOMAndCRLFImports() throws {
        let scheme = try cli.file("half-points.toml", Self.halfPointScheme)
        try scoringEdition(schemeFile: scheme)
        let (_, text) = try sheet(as: jurorA, name: "c.csv", extra: ["--delimiter", "semicolon"])
        #expect(text.hasPrefix(Self.bom + "edition;juror;entry_id;country;entry_title;criterion;criterion_name;scale;value;comment\r\n"))
        let rows = Self.rows(text)
        #expect(rows[0].hasSuffix(";focus;Focus;0 to 10 in steps of 0,5;;"))
        let edited = rows.map { Self.filled($0, value: "7,5", comment: "Goed; \"zeer\" overtuigend", delimiter: ";") }
            .map { row in
                // Spreadsheets quote what needs quoting; so does this test.
                row.replacingOccurrences(of: ";Goed; \"zeer\" overtuigend", with: ";\"Goed; \"\"zeer\"\" overtuigend\"")
            }
        let semicolonHeader = Self.header.replacingOccurrences(of: ",", with: ";")
        let file = try cli.file("c-edit.csv", Self.bom + semicolonHeader + "\r\n" + edited.joined(separator: "\r\n") + "\r\n")
        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("20 rows; 20 new scores"))
        let semicolon = cli.run(["score", "sheet", "--as", jurorA, "--delimiter", "semicolon"])
        #expect(Self.rows(semicolon.output).allSatisfy { $0.hasSuffix(";7,5;\"Goed; \"\"zeer\"\" overtuigend\"") })
        let comma = cli.run(["score", "sheet", "--as", jurorA])
        #expect(Self.rows(comma.output).allSatisfy { $0.hasSuffix(",7.5,\"Goed; \"\"zeer\"\" overtuigend\"") })
    }

    static let halfPointScheme = """
        name = "half-points"
        method = "weighted-mean"
        tie_breaks = ["highest-weighted-criterion", "head-to-head", "shared-place"]

        [criteria.focus]
        name = "Focus"
        weight = 1
        min = 0
        max = 10
        step = 0.5

        [criteria.evaluation]
        name = "Evaluation"
        weight = 2
        min = 0
        max = 10
        step = 0.5

        [criteria.innovation]
        name = "Innovation"
        weight = 1
        min = 0
        max = 10
        step = 0.5

        [criteria.cooperation]
        name = "Cooperation"
        weight = 1
        min = 0
        max = 10
        step = 0.5

        [criteria.transferability]
        name = "Transferability"
        weight = 1
        min = 0
        max = 10
        step = 0.5
        """

    // MARK: - (d) another encoding

    @Test func aWindows1252FileIsRefusedWithTheUTF8Advice() throws {
        try scoringEdition()
        let (_, text) = try sheet(as: jurorA, name: "d.csv")
        let rows = Self.rows(text).map { Self.filled($0, value: "6") }
        var bytes = Array((Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n").utf8)
        // "Très bien" in Windows-1252: è is the single byte 0xE8.
        let line4 = Array("Tr".utf8) + [0xE8] + Array("s bien".utf8)
        var offset = 0
        for _ in 0..<3 { offset = (bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1 }
        let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\r")) ?? bytes.count
        bytes.insert(contentsOf: line4, at: end)
        let path = cli.folder.appendingPathComponent("d-1252.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try counts()

        let result = cli.run(["score", "import", path, "--as", jurorA])

        #expect(result.status == 65)
        #expect(result.error.hasPrefix("ecpa: \(path): The file is not saved as UTF-8 text (line 4 has bytes that are not UTF-8)"))
        #expect(result.error.contains("Save it again as \"CSV UTF-8\""))
        #expect(result.error.hasSuffix("Nothing was imported.\n"))
        #expect(try counts() == before)
    }

    // MARK: - (e) one juror, one sheet

    @Test func aJurorCannotImportRowsForAnotherJuror() throws {
        try scoringEdition()
        let (_, text) = try sheet(as: jurorB, name: "b-sheet.csv")
        let rows = Self.rows(text).map { Self.filled($0, value: "3") }
        #expect(rows.count == 20)
        let file = try cli.file("b-filled.csv", Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n")

        let named = cli.run(["score", "import", file, "--as", jurorA, "--juror", jurorB])
        #expect(named.status == 5)
        #expect(named.error == "ecpa: You (\(jurorA)) cannot import the scores of \(jurorB); only the secretariat acts for another juror.\n")

        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 65)
        let lines = result.error.split(separator: "\n")
        #expect(lines.filter { $0.contains(": juror: the row names juror \"\(jurorB)\", but this sheet is \(jurorA)'s") }.count == 20)
        // A is also in conflict with entry 3, which B scores: its five rows say so as well.
        #expect(lines.filter { $0.contains(": entry_id: \(jurorA) is in conflict with entry 3 ") }.count == 5)
        #expect(lines.last == "ecpa: 25 problems in \(file); nothing was imported.")
        #expect(try cli.count("scores") == 0)

        let forB = cli.run(["score", "import", file, "--juror", jurorB])
        #expect(forB.status == 0, "\(forB.error)")
        #expect(forB.output.contains("for \(jurorB) (2018 edition): 20 rows; 20 new scores"))
    }

    // MARK: - (f) one ledger batch

    @Test func anImportOfNewAndChangedCellsIsOneLedgerBatch() throws {
        try scoringEdition()
        try cli.expectSuccess(["score", "enter", "--entry", "1", "--as", jurorA, "--criterion", "focus=4", "--criterion", "evaluation=5"])
        let (_, text) = try sheet(as: jurorA, name: "f.csv")
        let rows = Self.rows(text).map { row -> String in
            if row.hasSuffix(",4,") || row.hasSuffix(",5,") { return String(row.dropLast(3)) + ",8," }
            return Self.filled(row, value: "7")
        }
        let file = try cli.file("f-edit.csv", Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n")
        let batches = try cli.count("score_batches")

        let result = cli.run(["score", "import", file, "--as", jurorA, "--format", "json"])

        #expect(result.status == 0, "\(result.error)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(summary?["added"] as? Int == 18)
        #expect(summary?["changed"] as? Int == 2)
        #expect(try cli.count("score_batches") == batches + 1)
        let history = cli.run(["score", "history", "--juror", jurorA, "--format", "json", "--verify"])
        #expect(history.status == 0)
        #expect(history.error == "The ledger's hash chain verifies.\n")
        let events = try JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [[String: Any]] ?? []
        let lastBatch = events.compactMap { $0["batch"] as? Int }.max()
        let inLast = events.filter { $0["batch"] as? Int == lastBatch }
        #expect(inLast.count == 20)
        #expect(Set(inLast.compactMap { $0["action"] as? String }) == ["insert", "update"])
        #expect(lastBatch == summary?["batch"] as? Int)
    }

    @Test func anUpsertThroughPlainPsqlIsOneBatchToo() throws {
        try scoringEdition()
        try cli.expectSuccess(["score", "enter", "--entry", "2", "--as", jurorA, "--criterion", "focus=4"])
        let batches = try cli.count("score_batches")
        let upsert = try cli.psql(
            role: jurorA, password: "password-a",
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
            SELECT j.edition_id, 2, j.id, c, 6 FROM ecpa.jurors j, unnest(ARRAY['focus', 'innovation']) c
            WHERE j.role_name = current_user
            ON CONFLICT (entry_id, juror_id, criterion_code) DO UPDATE SET value = EXCLUDED.value
            """)
        #expect(upsert.status == 0, "\(upsert.error)")
        #expect(try cli.count("score_batches") == batches + 1)
        let verified = cli.run(["score", "history", "--verify"])
        #expect(verified.error == "The ledger's hash chain verifies.\n")
    }

    @Test func columnsMayComeInAnyOrder() throws {
        try scoringEdition()
        let file = try cli.file(
            "order.csv",
            """
            value,criterion,entry_id,juror,edition,comment,country,entry_title,criterion_name,scale
            7,focus,1,\(jurorA),2018,,,,,
            8,evaluation,1,\(jurorA),2018,Fine,,,,

            """)
        let result = cli.run(["score", "import", file, "--as", jurorA])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("2 rows; 2 new scores"))
        let sheet = cli.run(["score", "sheet", "--as", jurorA])
        #expect(
            Self.rows(sheet.output).prefix(2).map {
                String($0.split(separator: ",", omittingEmptySubsequences: false).suffix(2).joined(separator: ","))
            }
                == ["7,", "8,Fine"])
    }

    @Test func importingNeedsOpenScoring() throws {
        try scoringEdition()
        let (path, _) = try sheet(as: jurorA, name: "closed.csv")
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        let result = cli.run(["score", "import", path, "--as", jurorA])
        #expect(result.status == 3)
        #expect(result.error == "ecpa: Scoring for the 2018 edition is not open; nothing was imported.\n")
    }
}

extension Array where Element: Hashable {
    /// The elements in their first order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
