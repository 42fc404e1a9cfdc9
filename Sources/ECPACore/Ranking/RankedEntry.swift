import Foundation

/// One entry's line in a ranking: its place (competition ranking: 1, 2, 2, 4), score and medal.
public struct RankedEntry: Hashable, Sendable, Codable {
    /// The entry.
    public var entry: EntryID
    /// Its final place, from 1; entries sharing a place have the same number.
    public var place: Int
    /// Its score under the ranking's method (exact for weighted mean, median and Borda; rounded to
    /// 6 decimals for normalized).
    public var score: Decimal
    /// The medal of its final place, if any (a shared place shares its medal).
    public var medal: Medal?
    /// Whether it shares its place with another entry: a tie no rule settled, for the jury to decide.
    public var sharedPlace: Bool
    /// How many jurors' totals count for it (voting, not in conflict, not abstaining, complete).
    public var jurorCount: Int
    /// The jury's override that set its place, if any.
    public var overridden: JuryOverride?
    /// The place the scores gave it before any override.
    public var computedPlace: Int

    /// Makes a ranked entry.
    public init(
        entry: EntryID, place: Int, score: Decimal, medal: Medal?, sharedPlace: Bool, jurorCount: Int,
        overridden: JuryOverride? = nil, computedPlace: Int? = nil
    ) {
        self.entry = entry
        self.place = place
        self.score = score
        self.medal = medal
        self.sharedPlace = sharedPlace
        self.jurorCount = jurorCount
        self.overridden = overridden
        self.computedPlace = computedPlace ?? place
    }
}
