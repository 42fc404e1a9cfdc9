import Foundation

/// A column of a juror's score sheet, the spreadsheet `ecpa score sheet` writes and
/// `ecpa score import` reads back: one row per entry and criterion (DESIGN.md section 4).
public enum ScoreSheetColumn: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case edition
    case juror
    case entryID = "entry_id"
    case country
    case entryTitle = "entry_title"
    case criterion
    case criterionName = "criterion_name"
    case scale
    case value
    case comment

    /// The header name, e.g. "entry_id".
    public var description: String { rawValue }

    /// Columns shown to help the juror read the sheet; an import does not write them.
    public var isForReading: Bool {
        switch self {
        case .entryTitle, .criterionName, .scale: return true
        default: return false
        }
    }
}
