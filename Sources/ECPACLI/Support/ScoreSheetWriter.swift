import ECPACore
import ECPAStore
import Foundation

/// Writes a juror's score sheet as CSV (RFC 4180): CRLF after every row, fields quoted when
/// they hold the separator, a double quote, CR or LF. Semicolon sheets write decimal commas,
/// as Excel and LibreOffice do in most European locales.
struct ScoreSheetWriter {
    let delimiter: ScoreSheetDelimiter
    let edition: Int
    let juror: String

    /// The byte order mark that makes Excel open a CSV file as UTF-8.
    static let byteOrderMark = "\u{FEFF}"

    var header: String {
        ScoreSheetHeader.standard(delimiter).line + "\r\n"
    }

    /// One row, with its CRLF.
    func line(_ row: ScoreSheetRow) -> String {
        let number = delimiter.number
        let fields = [
            String(edition), juror, row.entry.description, row.country, Self.inert(row.title), row.criterion,
            Self.inert(row.criterionName), "\(number(row.min)) to \(number(row.max)) in steps of \(number(row.step))",
            row.value.map(number) ?? "", row.comment ?? "",
        ]
        return fields.map(field).joined(separator: String(delimiter.character)) + "\r\n"
    }

    func field(_ text: String) -> String {
        let separator = delimiter.character
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text written by others (entry titles come from national representatives) that a
    /// spreadsheet would run as a formula gets a leading apostrophe; an import ignores these columns.
    static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
