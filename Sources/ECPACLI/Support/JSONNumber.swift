import ECPACore
import Foundation

/// A JSON number as exact decimal text: the digits ecpa computed, never passed through binary
/// floating point, so a score shown as 8.500 is written 8.500 and a prize as 10000.
struct JSONNumber: Sendable, Equatable {
    let text: String

    /// A number from its text; nil unless the text is a JSON number (RFC 8259), so NaN and
    /// infinities can never reach the output.
    init?(text: String) {
        guard Self.isNumber(text) else { return nil }
        self.text = text
    }

    init<T: BinaryInteger>(_ value: T) {
        text = String(value)
    }

    /// An exact decimal: as stored with `places` nil, else rounded to exactly that many places
    /// (half away from zero, as tables print it). Nil for NaN.
    init?(_ value: Decimal, places: Int? = nil) {
        self.init(text: places.map { fixed(value, places: $0) } ?? "\(value)")
    }

    /// A statistic computed in floating point, rounded to exactly `places` places as tables print
    /// it. Nil when not finite.
    init?(_ value: Double, places: Int) {
        guard value.isFinite else { return nil }
        self.init(text: fixed(value, places: places))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
