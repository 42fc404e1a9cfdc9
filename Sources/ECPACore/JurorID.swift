import Foundation

/// The database identity of a juror seat on an edition's jury, typed so it cannot be confused with an entry id.
public struct JurorID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The underlying `bigint` value.
    public let rawValue: Int64

    /// Wraps a raw database id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a raw database id.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Decodes from a bare number.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The id as a plain number.
    public var description: String { String(rawValue) }

    /// Orders by the raw value.
    public static func < (lhs: JurorID, rhs: JurorID) -> Bool { lhs.rawValue < rhs.rawValue }
}
