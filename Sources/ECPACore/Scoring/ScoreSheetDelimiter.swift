import Foundation

/// How a score sheet separates its fields: commas with decimal points, or (as Excel and
/// LibreOffice write CSV in most European locales) semicolons with decimal commas.
public enum ScoreSheetDelimiter: String, CaseIterable, Hashable, Sendable, Codable {
    case comma
    case semicolon

    /// The separator character.
    public var character: Character {
        switch self {
        case .comma: return ","
        case .semicolon: return ";"
        }
    }

    /// The separator as a byte.
    public var byte: UInt8 {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        }
    }

    /// The decimal separator numbers are written with: "7.5" beside commas, "7,5" beside semicolons.
    public var decimalSeparator: Character {
        switch self {
        case .comma: return "."
        case .semicolon: return ","
        }
    }

    /// A decimal number as this sheet writes it, e.g. "7,5" for semicolon sheets.
    public func number(_ text: String) -> String {
        decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalSeparator))
    }
}
