import Foundation

/// An ISO 3166-1 alpha-2 country code, always upper case ("BE", "GR").
///
/// Only the shape is checked here; `Country.named(_:)` says whether the award knows the country.
public struct CountryCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The two upper-case ASCII letters.
    public let rawValue: String

    /// Accepts two ASCII letters in either case, ignoring surrounding spaces; nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(trimmed.unicodeScalars)
        guard scalars.count == 2, scalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            return nil
        }
        rawValue = trimmed.uppercased()
    }

    /// Same as `init?(_:)`.
    public init?(rawValue: String) { self.init(rawValue) }

    /// For the built-in country list, whose codes are known to be well formed.
    init(known code: StaticString) { rawValue = code.description }

    /// Decodes from a string such as "BE", rejecting anything that is not two letters.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CountryCode(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a two-letter country code such as BE.")
        }
        self = code
    }

    /// Encodes as the two-letter string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code itself, e.g. "BE".
    public var description: String { rawValue }

    /// Alphabetical order of the codes.
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
