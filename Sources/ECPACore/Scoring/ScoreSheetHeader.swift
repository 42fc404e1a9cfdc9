import Foundation

/// The first line of a score sheet being imported: which separator the file uses and in which
/// order its columns come. Spreadsheets may reorder columns; they must all be there, once.
public struct ScoreSheetHeader: Hashable, Sendable {
    /// The separator, detected from the header line: the one of `,` and `;` it uses more.
    public var delimiter: ScoreSheetDelimiter
    /// The columns in the order the file has them.
    public var columns: [ScoreSheetColumn]

    /// The header `ecpa score sheet` writes.
    public static func standard(_ delimiter: ScoreSheetDelimiter) -> ScoreSheetHeader {
        ScoreSheetHeader(delimiter: delimiter, columns: ScoreSheetColumn.allCases)
    }

    /// Makes a header.
    public init(delimiter: ScoreSheetDelimiter, columns: [ScoreSheetColumn]) {
        self.delimiter = delimiter
        self.columns = columns
    }

    /// The header line as the sheet writes it.
    public var line: String {
        columns.map(\.rawValue).joined(separator: String(delimiter.character))
    }

    /// Reads a header line (without its line end); every problem with it, or the header.
    /// Names are compared without surrounding spaces or quotes and ignoring case.
    public static func read(_ line: String) -> (header: ScoreSheetHeader?, problems: [ScoreSheetProblem]) {
        let delimiter = detectDelimiter(line)
        let names = split(line, on: delimiter.character)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [ScoreSheetProblem] = []
        let expected = ScoreSheetColumn.allCases.map(\.rawValue)
        let wanted = "The first line must be the sheet's header: \(expected.joined(separator: String(delimiter.character)))."
        if names.allSatisfy(\.isEmpty) {
            return (nil, [ScoreSheetProblem(line: 1, column: nil, message: "The first line is empty. \(wanted)", rule: .header)])
        }
        let missing = expected.filter { !names.contains($0) }
        let extra = names.filter { !expected.contains($0) }
        var seen: Set<String> = []
        var twice: [String] = []
        for name in names where expected.contains(name) {
            if !seen.insert(name).inserted, !twice.contains(name) { twice.append(name) }
        }
        if !missing.isEmpty {
            problems.append(
                ScoreSheetProblem(
                    line: 1, column: nil,
                    message: "The header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")). \(wanted)",
                    rule: .header))
        }
        if !extra.isEmpty {
            let shown = extra.map { $0.isEmpty ? "(an empty name)" : "\"\($0)\"" }
            problems.append(
                ScoreSheetProblem(
                    line: 1, column: nil,
                    message:
                        "The header has \(extra.count == 1 ? "a column" : "columns") the sheet does not have: \(shown.joined(separator: ", ")); remove \(extra.count == 1 ? "it" : "them").",
                    rule: .header))
        }
        if !twice.isEmpty {
            problems.append(
                ScoreSheetProblem(
                    line: 1, column: nil, message: "The header names \(twice.joined(separator: ", ")) more than once.", rule: .header))
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ScoreSheetHeader(delimiter: delimiter, columns: names.compactMap(ScoreSheetColumn.init(rawValue:))), [])
    }

    /// The separator of a header line: semicolon when it has more semicolons than commas outside quotes.
    public static func detectDelimiter(_ line: String) -> ScoreSheetDelimiter {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted: commas += 1
            case ";" where !quoted: semicolons += 1
            default: break
            }
        }
        return semicolons > commas ? .semicolon : .comma
    }

    /// Splits one line into fields, honouring double quotes (a doubled quote is a quote).
    static func split(_ line: String, on separator: Character) -> [String] {
        CSVLine.fields(line, separator: separator)
    }
}
