import Foundation

/// A decimal of at most six places, kept as a whole number of millionths: exact, and cheap to add
/// and compare. Every score, weight and scale of a usable scheme fits (`ScoringScheme.problems`
/// allows at most six decimals and magnitudes up to a million); a value that does not fit is kept
/// as a `Decimal` by whoever holds it.
enum Millionths {
    /// Millionths in one.
    static let perUnit: Int64 = 1_000_000
    /// The largest magnitude kept, in millionths: a million million, far above any usable scale.
    static let limit: Int64 = 1_000_000_000_000_000

    /// Reads plain decimal notation as PostgreSQL writes a `numeric` ("7", "-0.25", "10.500000"):
    /// an optional sign, digits, an optional point and digits. nil for anything else, for a value
    /// with a non-zero digit after the sixth decimal, or beyond `limit`.
    static func parse(_ text: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        var negative = false
        if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var units: Int64 = 0
        var digits = 0
        while index < text.count, let digit = digit(text[index]) {
            units = units * 10 + digit
            digits += 1
            guard units <= limit / perUnit else { return nil }
            index += 1
        }
        units *= perUnit
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            var place = perUnit / 10
            while index < text.count, let digit = digit(text[index]) {
                if place > 0 {
                    units += digit * place
                    place /= 10
                } else if digit != 0 {
                    return nil
                }
                digits += 1
                index += 1
            }
        }
        guard index == text.count, digits > 0 else { return nil }
        return negative ? -units : units
    }

    /// `parse` of a string.
    static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// An exact decimal in millionths; nil when it does not fit.
    static func of(_ value: Decimal) -> Int64? {
        guard value.isFinite else { return nil }
        return parse(value.description)
    }

    /// Millionths back as an exact decimal.
    static func decimal(_ units: Int64) -> Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -6, significand: Decimal(units.magnitude))
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
