import ECPACore
import Foundation

/// One entry's line of a frozen ranking, as stored at the freeze.
public struct FrozenPlace: Sendable, Equatable {
    public var entry: EntryID
    public var place: Int
    public var medal: Medal?
    /// The score, rounded to 6 decimals (half away from zero) at the freeze.
    public var score: Decimal
    public var jurorCount: Int
    public var sharedPlace: Bool
    public var overrideReason: String?

    public init(
        entry: EntryID, place: Int, medal: Medal?, score: Decimal, jurorCount: Int, sharedPlace: Bool,
        overrideReason: String?
    ) {
        self.entry = entry
        self.place = place
        self.medal = medal
        self.score = score
        self.jurorCount = jurorCount
        self.sharedPlace = sharedPlace
        self.overrideReason = overrideReason
    }

    /// The line of a computed ranking as the freeze stores it.
    public init(_ ranked: RankedEntry) {
        self.init(
            entry: ranked.entry, place: ranked.place, medal: ranked.medal,
            score: Decimal(string: fixed(ranked.score, places: 6), locale: Locale(identifier: "en_US_POSIX")) ?? ranked.score,
            jurorCount: ranked.jurorCount, sharedPlace: ranked.sharedPlace, overrideReason: ranked.overridden?.reason)
    }
}
