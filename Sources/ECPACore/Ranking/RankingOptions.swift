import Foundation

/// How to rank: the method, whether missing scores are allowed, and the jury's overrides.
public struct RankingOptions: Hashable, Sendable, Codable {
    /// How juror totals become entry scores.
    public var method: RankingMethod
    /// Rank on the scores that are there instead of refusing while cells are missing
    /// (DESIGN section 4: a final ranking needs every required cell).
    public var provisional: Bool
    /// Places set by the jury, applied after the computed order.
    public var overrides: [JuryOverride]
    /// The final ballot's order of its shortlist, best first (a group of several shares a place),
    /// when the ballot decides: the shortlisted entries take the places they hold by the scores,
    /// in the ballot's order, before the overrides apply.
    public var ballotOrder: [[EntryID]]? = nil

    /// Options; by default the final weighted-mean ranking with no overrides.
    public init(method: RankingMethod = .weightedMean, provisional: Bool = false, overrides: [JuryOverride] = []) {
        self.method = method
        self.provisional = provisional
        self.overrides = overrides
    }

    /// The final ranking by the scheme's own method.
    public init(scheme: ScoringScheme, provisional: Bool = false, overrides: [JuryOverride] = []) {
        self.init(method: scheme.method, provisional: provisional, overrides: overrides)
    }
}
