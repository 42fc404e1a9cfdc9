import Foundation

/// The one CSV writer of every `--format csv` output and of the score sheet (docs/cli.md, CSV
/// output): RFC 4180, every row ending in CR LF; a field is quoted when it holds the separator, a
/// double quote, CR or LF, with its double quotes doubled. A text cell (`CSVCell.text`) that a
/// spreadsheet would run as a formula, one beginning with `=`, `+`, `-`, `@`, a tab or CR, gets a
/// leading apostrophe, so it is shown as the text it is.
struct CSVWriter {
    /// The field separator: a comma, or a semicolon for the score sheets of European spreadsheets.
    var separator: Character = ","

    static let lineEnd = "\r\n"

    /// A header row of column names, then the rows.
    func document(header: [String], rows: [[CSVCell]]) -> String {
        row(header.map(CSVCell.exact)) + rows.map(row).joined()
    }

    /// One row with its CR LF.
    func row(_ cells: [CSVCell]) -> String {
        cells.map { field($0.written) }.joined(separator: String(separator)) + Self.lineEnd
    }

    /// A field, quoted when it must be. (Scalars, not characters: Swift reads CR LF as one
    /// character, equal to neither CR nor LF.)
    func field(_ text: String) -> String {
        let separator = self.separator.unicodeScalars.first
        guard text.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The characters that make a spreadsheet read a cell as a formula (or, after a tab or CR, may
    /// hide one), as OWASP's CSV injection guidance lists them.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The text with a leading apostrophe when it begins like a formula.
    static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}
