import Foundation

extension Decimal: SQLEncodable, SQLDecodable {
    /// Plain decimal digits with a `.` separator, whatever the locale.
    public var sqlText: String { isNaN ? "NaN" : description }
    /// numeric.
    public static var sqlTypeOID: UInt32 { 1700 }

    /// Parses numeric output exactly; throws when it has more digits than Decimal holds (38).
    public init(sqlText: String) throws {
        if sqlText == "NaN" {
            self = .nan
            return
        }
        guard let canonical = Decimal.canonical(sqlText) else {
            throw PQError.decoding("not a valid Decimal")
        }
        guard let value = Decimal(string: sqlText, locale: Locale(identifier: "en_US_POSIX")),
            Decimal.canonical(value.description) == canonical
        else {
            throw PQError.decoding("has more significant digits than Decimal can hold exactly (38)")
        }
        self = value
    }

    /// The digits without a plus sign, leading zeros or trailing fraction zeros; nil unless `[-]digits[.digits]`.
    private static func canonical(_ text: String) -> String? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        let whole = integer.drop { $0 == "0" }
        let decimals = String(fraction.reversed().drop { $0 == "0" }.reversed())
        if whole.isEmpty && decimals.isEmpty { return "0" }
        return (negative ? "-" : "") + (whole.isEmpty ? "0" : String(whole))
            + (decimals.isEmpty ? "" : "." + decimals)
    }
}
