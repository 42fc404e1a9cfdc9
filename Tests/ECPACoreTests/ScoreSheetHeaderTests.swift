import ECPACore
import Foundation
import Testing

@Suite("The header line of an imported score sheet")
struct ScoreSheetHeaderTests {
    static let all = ScoreSheetColumn.allCases

    @Test(
        "The separator is the one the header uses more, outside quotes",
        arguments: [
            ("edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment", ScoreSheetDelimiter.comma),
            ("edition;juror;entry_id;country;entry_title;criterion;criterion_name;scale;value;comment", .semicolon),
            ("\"edition;x\",juror,entry_id", .comma),
            ("edition", .comma),
        ])
    func separator(line: String, expected: ScoreSheetDelimiter) {
        #expect(ScoreSheetHeader.detectDelimiter(line) == expected)
    }

    @Test("The sheet's own header reads back as itself, with either separator", arguments: ScoreSheetDelimiter.allCases)
    func standard(delimiter: ScoreSheetDelimiter) {
        let header = ScoreSheetHeader.standard(delimiter)
        let read = ScoreSheetHeader.read(header.line)
        #expect(read.problems.isEmpty)
        #expect(read.header == header)
    }

    @Test("Columns may come in any order, quoted, padded or in capitals")
    func reordered() {
        let read = ScoreSheetHeader.read(" Value ;\"comment\";EDITION;juror;entry_id;country;entry_title;criterion;criterion_name;scale")
        #expect(read.problems.isEmpty)
        #expect(read.header?.delimiter == .semicolon)
        #expect(read.header?.columns.first == .value)
        #expect(read.header?.columns.count == 10)
    }

    @Test("Every problem with a header is named: missing, extra, twice")
    func problems() {
        let read = ScoreSheetHeader.read("edition,juror,entry,entry_id,entry_id,country,criterion,value,notes,")
        #expect(read.header == nil)
        #expect(
            read.problems.map(\.description) == [
                "line 1: The header lacks the columns entry_title, criterion_name, scale, comment. The first line must be the sheet's header: edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment.",
                "line 1: The header has columns the sheet does not have: \"entry\", \"notes\", (an empty name); remove them.",
                "line 1: The header names entry_id more than once.",
            ])
    }

    @Test("An empty first line says what the first line must be")
    func empty() {
        let read = ScoreSheetHeader.read("")
        #expect(read.problems.count == 1)
        #expect(read.problems.first?.message.hasPrefix("The first line is empty. The first line must be the sheet's header: edition,") == true)
    }

    @Test(
        "Semicolon sheets write decimal commas",
        arguments: [
            (ScoreSheetDelimiter.comma, "7.5", "7.5"), (.semicolon, "7.5", "7,5"), (.semicolon, "10", "10"),
        ])
    func numbers(delimiter: ScoreSheetDelimiter, value: String, written: String) {
        #expect(delimiter.number(value) == written)
    }

    @Test("Problems sort by line, then by column in sheet order")
    func sorting() {
        let problems = [
            ScoreSheetProblem(line: 4, column: .value, message: "v", rule: .malformed),
            ScoreSheetProblem(line: 4, column: .edition, message: "e", rule: .malformed),
            ScoreSheetProblem(line: 2, column: .comment, message: "c", rule: .malformed),
            ScoreSheetProblem(line: nil, column: nil, message: "file", rule: .malformed),
        ]
        #expect(ScoreSheetProblem.sorted(problems).map(\.message) == ["file", "c", "e", "v"])
    }
}
