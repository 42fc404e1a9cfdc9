import Foundation

/// A typed database identity (`bigint`), so an entry id cannot be passed where a juror id is
/// expected. Encodes as a bare number; prints as the number.
public protocol DatabaseID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible
where RawValue == Int64 {
    init(rawValue: Int64)
}

extension DatabaseID {
    /// Wraps a raw database id.
    public init(_ rawValue: Int64) { self.init(rawValue: rawValue) }

    /// The id as a plain number.
    public var description: String { String(rawValue) }

    /// Orders by the raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
