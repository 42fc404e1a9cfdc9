import ECPACore
import ECPAStore
import Foundation

/// One printed value, typed so JSON keeps numbers, booleans and nulls and CSV knows which cells
/// hold text from people.
enum Value: Sendable, Equatable {
    case text(String?)
    case integer(Int64?)
    /// An exact decimal (a score value, a weight, an amount of money) as stored.
    case decimal(Decimal?)
    /// An exact decimal printed with exactly `places` decimals, such as an entry's score (3).
    case fixed(Decimal?, places: Int)
    /// A statistic computed in floating point, printed with exactly `places` decimals.
    case ratio(Double?, places: Int)
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

    /// The text shown in tables and CSV.
    var display: String {
        switch self {
        case .text(let v): return v ?? ""
        case .integer(let v): return v.map(String.init) ?? ""
        case .decimal(let v): return v.map { NSDecimalNumber(decimal: $0).stringValue } ?? ""
        case .fixed(let v, let places): return v.map { ECPACore.fixed($0, places: places) } ?? ""
        case .ratio(let v, let places): return v.flatMap { $0.isFinite ? ECPACore.fixed($0, places: places) : nil } ?? ""
        case .bool(let v): return v.map { $0 ? "yes" : "no" } ?? ""
        case .time(let v, let zone): return v.map { TimeText.display($0, in: zone) } ?? ""
        case .list(let v): return v.joined(separator: ", ")
        case .integers(let v): return v.map(String.init).joined(separator: ", ")
        case .elapsed(let v): return v?.description ?? ""
        case .fact(let v): return v.display
        case .facts(let v): return FactCell.display(v)
        }
    }

    /// The value in JSON.
    var jsonValue: JSONValue {
        switch self {
        case .text(let v): return .text(v)
        case .integer(let v): return .integer(v)
        case .decimal(let v): return .decimal(v)
        case .fixed(let v, let places): return .decimal(v, places: places)
        case .ratio(let v, let places): return .ratio(v, places: places)
        case .bool(let v): return .boolean(v)
        case .time(let v, let zone): return .text(v.map { TimeText.iso($0, in: zone) })
        case .list(let v): return .texts(v)
        case .integers(let v): return .array(v.map { .integer($0) })
        case .elapsed(let v): return .integer(v?.seconds)
        case .fact(let v): return v.jsonValue
        case .facts(let v): return .array(v.map(\.jsonValue))
        }
    }

    /// The value as a CSV cell: text that may come from people is guarded against formulas.
    var csvCell: CSVCell {
        switch self {
        case .text, .list, .fact, .facts: return .text(display)
        case .integer, .decimal, .fixed, .ratio, .bool, .time, .integers, .elapsed: return .exact(display)
        }
    }
}

/// One printed row: named values in a fixed order (the JSON keys, in snake_case).
struct Record: Sendable {
    var fields: [(key: String, value: Value)]

    init(_ fields: [(String, Value)]) {
        self.fields = fields.map { (key: $0.0, value: $0.1) }
    }

    var jsonValue: JSONValue {
        .object(jsonMembers)
    }

    /// The keys and values of the JSON object, for documents that add keys of their own.
    var jsonMembers: [(key: String, value: JSONValue)] {
        fields.map { (key: $0.key, value: $0.value.jsonValue) }
    }

    var csvCells: [CSVCell] {
        fields.map(\.value.csvCell)
    }
}
