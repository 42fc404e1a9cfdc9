import Foundation

/// A JSON document as ecpa prints it (docs/cli.md, JSON output): objects keep their keys in the
/// order given, numbers are exact decimal text, absent values are null. `JSONWriter` lays it out.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Text, or null.
    static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// A whole number, or null.
    static func integer<T: BinaryInteger>(_ value: T?) -> JSONValue {
        value.map { .number(JSONNumber($0)) } ?? .null
    }

    /// An exact decimal (a score, a weight, an amount of money), as stored or to `places` places; or null.
    static func decimal(_ value: Decimal?, places: Int? = nil) -> JSONValue {
        value.flatMap { JSONNumber($0, places: places) }.map(JSONValue.number) ?? .null
    }

    /// A statistic to `places` places; null when absent or not finite.
    static func ratio(_ value: Double?, places: Int) -> JSONValue {
        value.flatMap { JSONNumber($0, places: places) }.map(JSONValue.number) ?? .null
    }

    /// Yes or no, or null.
    static func boolean(_ value: Bool?) -> JSONValue {
        value.map(JSONValue.bool) ?? .null
    }

    /// An array of texts.
    static func texts(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
