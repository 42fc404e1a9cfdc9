import Foundation

/// How juror totals become an entry's score (DESIGN section 4): `weighted-mean` by default,
/// the others for comparison or by the edition's choice.
public enum RankingMethod: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The mean of the counting jurors' weighted totals (the default).
    case weightedMean = "weighted-mean"
    /// Each juror's totals as z-scores, averaged, then put back on the scheme's scale.
    case normalized
    /// The median of the counting jurors' totals.
    case median
    /// Borda points from each juror's order of the entries they scored, averaged.
    case borda

    /// The raw value, e.g. "weighted-mean".
    public var description: String { rawValue }

    /// The method in plain words, e.g. "weighted mean".
    public var displayName: String {
        switch self {
        case .weightedMean: "weighted mean"
        case .normalized: "normalized (z-scores)"
        case .median: "median"
        case .borda: "Borda count"
        }
    }
}
