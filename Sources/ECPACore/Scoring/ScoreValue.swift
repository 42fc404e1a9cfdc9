import Foundation

/// How a person writes a score, at the prompt, after `--criterion CODE=` or in a score sheet:
/// digits with an optional sign and at most one decimal point or comma (European spreadsheets
/// write 7,5), such as `7`, `7.50`, `7,5`, `+3`, `.5`; spaces and tabs around it do not count.
/// At most 38 digits. Anything else is not a score: `1-2`, `--1`, `1e1`, `٧`, `-`, an empty text. Whether the number
/// is on the criterion's scale is the next question (`Criterion.allows`).
///
/// The score sheet's import reads its value column with the same grammar in SQL
/// (`ScoreSheetRepository.valueExpression`); `SharedRulesTests` runs one table of texts through
/// both and through `score enter`, and they must agree.
public enum ScoreValue {
    /// The number written, exactly; nil when the text is not a score.
    public static func parse(_ text: String) -> Decimal? {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        var normal = ""
        var digits = 0
        var points = 0
        for (index, byte) in zip(bytes.indices, bytes) {
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == bytes.startIndex else { return nil }
                if byte == UInt8(ascii: "-") { normal.append("-") }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                points += 1
                guard points == 1 else { return nil }
                normal.append(".")
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                normal.append(Character(Unicode.Scalar(byte)))
            default:
                return nil
            }
        }
        // More digits than a Decimal holds exactly is not a score: no scale has them.
        guard digits > 0, digits <= 38 else { return nil }
        return Decimal(string: normal, locale: Locale(identifier: "en_US_POSIX"))
    }
}
