import ECPACore

/// Why a score sheet could not be read at all (as opposed to rows with problems).
public enum ScoreImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is not UTF-8 text (Windows-1252, UTF-16...); the line where that shows, if known.
    case notUTF8(line: Int?)
    /// A row that COPY cannot read as CSV (unterminated quote, wrong number of fields).
    case malformed(ScoreSheetProblem)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .notUTF8(let line):
            let place = line.map { " (line \($0) has bytes that are not UTF-8)" } ?? ""
            return "The file is not saved as UTF-8 text\(place), so its accented letters would be garbled. "
                + "Save it again as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8 (Comma delimited); "
                + "LibreOffice: Save As > Text CSV, character set Unicode (UTF-8)) and import that file."
        case .malformed(let problem):
            return problem.description
        }
    }
}
