import Foundation

/// One country's line of the archive's medal table.
public struct MedalTableRow: Sendable, Equatable {
    /// The country.
    public var country: CountryCode
    /// Confirmed gold medals.
    public var gold: Int
    /// Confirmed silver medals.
    public var silver: Int
    /// Confirmed bronze medals.
    public var bronze: Int
    /// Confirmed awards without a place: awarded, runner-up, special distinction.
    public var unordered: Int
    /// Awards with an inferred fact, placed or not; never in the other columns.
    public var uncertain: Int

    /// Makes a row.
    public init(country: CountryCode, gold: Int = 0, silver: Int = 0, bronze: Int = 0, unordered: Int = 0, uncertain: Int = 0) {
        self.country = country
        self.gold = gold
        self.silver = silver
        self.bronze = bronze
        self.unordered = unordered
        self.uncertain = uncertain
    }

    /// Confirmed placed medals: gold, silver and bronze.
    public var total: Int { gold + silver + bronze }

    /// The country's English name, or its code when the award does not know it.
    public var name: String { Country.named(country)?.name ?? country.rawValue }
}
