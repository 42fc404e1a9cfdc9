import ECPACore
import ECPAStore
import Foundation

/// One printed value, typed so JSON keeps numbers, booleans and nulls.
enum Value: Sendable, Equatable {
    case text(String?)
    case integer(Int64?)
    case decimal(Decimal?)
    case bool(Bool?)
    /// An instant, shown in the given time zone with its offset.
    case time(Date?, zone: TimeZone)
    case list([String])
    /// Whole numbers, such as process ids: a JSON array of numbers.
    case integers([Int64])
    /// A length of time: `6 min 3 s` in tables, whole seconds in JSON.
    case elapsed(Elapsed?)
    /// An archive fact with its certainty.
    case fact(FactCell)
    /// Several archive facts, such as the awards of a year that have no place.
    case facts([FactCell])

    var isNull: Bool {
        switch self {
        case .text(let v): return v == nil
        case .integer(let v): return v == nil
        case .decimal(let v): return v == nil
        case .bool(let v): return v == nil
        case .time(let v, _): return v == nil
        case .elapsed(let v): return v == nil
        case .list, .integers, .fact, .facts: return false
        }
    }

    /// The text shown in tables and CSV.
    var display: String {
        switch self {
        case .text(let v): return v ?? ""
        case .integer(let v): return v.map(String.init) ?? ""
        case .decimal(let v): return v.map { NSDecimalNumber(decimal: $0).stringValue } ?? ""
        case .bool(let v): return v.map { $0 ? "yes" : "no" } ?? ""
        case .time(let v, let zone): return v.map { TimeText.display($0, in: zone) } ?? ""
        case .list(let v): return v.joined(separator: ", ")
        case .integers(let v): return v.map(String.init).joined(separator: ", ")
        case .elapsed(let v): return v?.description ?? ""
        case .fact(let v): return v.display
        case .facts(let v): return FactCell.display(v)
        }
    }

    /// The JSON text of the value.
    var json: String {
        switch self {
        case .text(let v): return v.map(JSONText.string) ?? "null"
        case .integer(let v): return v.map(String.init) ?? "null"
        case .decimal(let v): return v.map { NSDecimalNumber(decimal: $0).stringValue } ?? "null"
        case .bool(let v): return v.map { $0 ? "true" : "false" } ?? "null"
        case .time(let v, let zone): return v.map { JSONText.string(TimeText.iso($0, in: zone)) } ?? "null"
        case .list(let v): return "[" + v.map(JSONText.string).joined(separator: ", ") + "]"
        case .integers(let v): return "[" + v.map(String.init).joined(separator: ", ") + "]"
        case .elapsed(let v): return v.map { String($0.seconds) } ?? "null"
        case .fact(let v): return v.json
        case .facts(let v): return "[" + v.map(\.json).joined(separator: ", ") + "]"
        }
    }
}

/// One printed row: named values in a fixed order (the JSON keys, in snake_case).
struct Record: Sendable {
    var fields: [(key: String, value: Value)]

    init(_ fields: [(String, Value)]) {
        self.fields = fields.map { (key: $0.0, value: $0.1) }
    }

    var json: String {
        "{" + fields.map { "\(JSONText.string($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
    }
}
