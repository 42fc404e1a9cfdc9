import Foundation

/// The prize money of an edition in euros; amounts belong to the edition, not to code
/// (since 2012: gold 10,000, silver and bronze 5,000 each; before, one winner had 20,000).
public struct Prizes: Hashable, Sendable, Codable {
    /// First place, in EUR.
    public var gold: Decimal?
    /// Second place, in EUR.
    public var silver: Decimal?
    /// Third place, in EUR.
    public var bronze: Decimal?

    /// Prize amounts; leave out what is not known.
    public init(gold: Decimal? = nil, silver: Decimal? = nil, bronze: Decimal? = nil) {
        self.gold = gold
        self.silver = silver
        self.bronze = bronze
    }

    /// Whether no amount is known.
    public var isEmpty: Bool { gold == nil && silver == nil && bronze == nil }
}
