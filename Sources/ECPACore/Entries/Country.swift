import Foundation

/// A country that can send entries: the EU member states (one competing entry each per edition),
/// plus the United Kingdom for the editions before it left the EU.
public struct Country: Hashable, Sendable, Codable {
    /// The ISO 3166-1 alpha-2 code (Greece is "GR", not the EU's "EL").
    public let code: CountryCode
    /// The English short name, e.g. "Czechia".
    public let name: String
    /// Whether the country is an EU member state today.
    public let isEUMember: Bool

    /// Makes a country record.
    public init(code: CountryCode, name: String, isEUMember: Bool) {
        self.code = code
        self.name = name
        self.isEUMember = isEUMember
    }

    /// The last edition year in which a country that has left the EU could still take part
    /// (the United Kingdom left on 31 January 2020).
    public static let lastYearForFormerMembers = 2019

    /// Every country the award knows, ordered by code: the EU-27 and the United Kingdom.
    public static let all: [Country] = [
        Country(known: "AT", "Austria"),
        Country(known: "BE", "Belgium"),
        Country(known: "BG", "Bulgaria"),
        Country(known: "CY", "Cyprus"),
        Country(known: "CZ", "Czechia"),
        Country(known: "DE", "Germany"),
        Country(known: "DK", "Denmark"),
        Country(known: "EE", "Estonia"),
        Country(known: "ES", "Spain"),
        Country(known: "FI", "Finland"),
        Country(known: "FR", "France"),
        Country(known: "GB", "United Kingdom", member: false),
        Country(known: "GR", "Greece"),
        Country(known: "HR", "Croatia"),
        Country(known: "HU", "Hungary"),
        Country(known: "IE", "Ireland"),
        Country(known: "IT", "Italy"),
        Country(known: "LT", "Lithuania"),
        Country(known: "LU", "Luxembourg"),
        Country(known: "LV", "Latvia"),
        Country(known: "MT", "Malta"),
        Country(known: "NL", "Netherlands"),
        Country(known: "PL", "Poland"),
        Country(known: "PT", "Portugal"),
        Country(known: "RO", "Romania"),
        Country(known: "SE", "Sweden"),
        Country(known: "SI", "Slovenia"),
        Country(known: "SK", "Slovakia"),
    ]

    /// The current EU member states, ordered by code.
    public static var euMembers: [Country] { all.filter(\.isEUMember) }

    /// The country with this code, or nil when the award does not know it.
    public static func named(_ code: CountryCode) -> Country? {
        all.first { $0.code == code }
    }

    /// Finds a country from what a person typed: its code ("be"), the EU's code for Greece ("EL")
    /// or its English name ("Belgium"), ignoring case.
    public static func lookup(_ text: String) -> Country? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == "EL" { return named(CountryCode(known: "GR")) }
        if let code = CountryCode(trimmed), let country = named(code) { return country }
        return all.first { $0.name.caseInsensitiveCompare(trimmed) == .orderedSame }
    }

    private init(known code: StaticString, _ name: String, member: Bool = true) {
        self.init(code: CountryCode(known: code), name: name, isEUMember: member)
    }
}
