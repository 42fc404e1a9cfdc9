import Foundation

/// A PostgreSQL login role name we accept for a person: `^[a-z][a-z0-9_]{1,62}$` (so it never
/// needs quoting and fits PostgreSQL's 63-byte limit), minus the names PostgreSQL reserves.
public struct RoleName: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The validated name.
    public let rawValue: String

    /// A valid role name, or nil; see `problem(with:)` for why not.
    public init?(_ text: String) {
        guard RoleName.problem(with: text) == nil else { return nil }
        rawValue = text
    }

    /// Same as `init?(_:)`.
    public init?(rawValue: String) { self.init(rawValue) }

    /// Decodes from a string, rejecting names we do not accept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let problem = RoleName.problem(with: text) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
        }
        rawValue = text
    }

    /// Encodes as the plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The name itself.
    public var description: String { rawValue }

    /// Alphabetical order.
    public static func < (lhs: RoleName, rhs: RoleName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `text` is a role name we accept.
    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// Why `text` is not a role name we accept, as a plain sentence, or nil when it is fine.
    public static func problem(with text: String) -> String? {
        let bytes = Array(text.utf8)
        let shapeOK =
            (2...63).contains(bytes.count)
            && bytes.first.map(isLowercaseLetter) == true
            && bytes.allSatisfy { isLowercaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
        if !shapeOK {
            return "\"\(text)\" is not a login name we accept: use 2 to 63 characters, lower-case letters a-z, "
                + "digits and underscores, starting with a letter (e.g. anna_virtanen)."
        }
        if text.hasPrefix("pg_") {
            return "\"\(text)\" cannot be a login name: PostgreSQL reserves names starting with pg_."
        }
        if text == "public" || text == "none" {
            return "\"\(text)\" cannot be a login name: PostgreSQL reserves it."
        }
        return nil
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
