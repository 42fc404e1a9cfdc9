import Foundation

/// What the score matrix holds for one entry and juror: the coverage matrix of DESIGN section 4
/// (scored / conflict / abstained / missing).
public enum CellCoverage: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every criterion has a score: the juror's total counts.
    case scored
    /// Some criteria are scored, some are not: the total does not count yet.
    case partial
    /// No criterion is scored yet.
    case missing
    /// The juror is in conflict with the entry: structurally missing, never zero.
    case conflict
    /// The juror declared they do not vote on the entry.
    case abstained

    /// The raw value, e.g. "conflict".
    public var description: String { rawValue }
}
