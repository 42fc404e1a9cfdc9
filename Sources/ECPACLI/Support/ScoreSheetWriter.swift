import ECPACore
import ECPAStore
import Foundation

/// Writes a juror's score sheet through the one CSV writer (`CSVWriter`, RFC 4180, CR LF after
/// every row) with the sheet's separator. Semicolon sheets write decimal commas, as Excel and
/// LibreOffice do in most European locales.
struct ScoreSheetWriter {
    let delimiter: ScoreSheetDelimiter
    let edition: Int
    let juror: String

    /// The byte order mark that makes Excel open a CSV file as UTF-8.
    static let byteOrderMark = "\u{FEFF}"

    var csv: CSVWriter { CSVWriter(separator: delimiter.character) }

    var header: String {
        ScoreSheetHeader.standard(delimiter).line + CSVWriter.lineEnd
    }

    /// One row, with its CR LF. The title and the criterion's name (others' text, which an import
    /// ignores) are guarded against formulas; the other cells are written exactly, because
    /// `score import` reads them back (the edition, juror, entry, country and criterion it checks,
    /// the value and the comment it stores).
    func line(_ row: ScoreSheetRow) -> String {
        let number = delimiter.number
        return csv.row([
            .exact(String(edition)), .exact(juror), .exact(row.entry.description), .exact(row.country), .text(row.title),
            .exact(row.criterion), .text(row.criterionName),
            .exact("\(number(row.min)) to \(number(row.max)) in steps of \(number(row.step))"),
            .exact(row.value.map(number) ?? ""), .exact(row.comment ?? ""),
        ])
    }
}
