import Foundation

/// The result of ranking an edition's entries (DESIGN section 4): places with scores and medals,
/// every tie and how it was settled, and the overrides applied.
public struct Ranking: Hashable, Sendable, Codable {
    /// The method used.
    public var method: RankingMethod
    /// Every ranked entry by place, then by id.
    public var places: [RankedEntry]
    /// Every tie, in the order of the places it concerns.
    public var ties: [TieNote]
    /// The jury's overrides applied.
    public var overrides: [JuryOverride]
    /// Whether this was ranked on incomplete scores.
    public var provisional: Bool
    /// Provisional only: entries with no complete total yet, left unranked.
    public var unscored: [EntryID]
    /// Provisional only: the cells still missing.
    public var missingCells: [ScoreCell]

    /// Makes a ranking.
    public init(
        method: RankingMethod, places: [RankedEntry], ties: [TieNote], overrides: [JuryOverride],
        provisional: Bool, unscored: [EntryID] = [], missingCells: [ScoreCell] = []
    ) {
        self.method = method
        self.places = places
        self.ties = ties
        self.overrides = overrides
        self.provisional = provisional
        self.unscored = unscored
        self.missingCells = missingCells
    }

    /// The medal winners, by place.
    public var podium: [RankedEntry] { places.filter { $0.medal != nil } }

    /// The line of one entry.
    public func entry(_ id: EntryID) -> RankedEntry? { places.first { $0.entry == id } }

    /// The entries holding a medal, by id.
    public func holders(of medal: Medal) -> [EntryID] {
        places.filter { $0.medal == medal }.map(\.entry).sorted()
    }

    /// Whether some place is shared and awaits a jury decision.
    public var needsJuryDecision: Bool { places.contains { $0.sharedPlace } }

    /// The medal places that several entries share, each with its entries: a tie no rule settled,
    /// which the jury decides before the freeze (DESIGN section 4: a shared place shares its medal
    /// only when the jury keeps it so).
    public var sharedMedalPlaces: [[RankedEntry]] {
        let shared = places.filter { $0.sharedPlace && $0.medal != nil }
        return Dictionary(grouping: shared, by: \.place).sorted { $0.key < $1.key }.map(\.value)
    }
}
