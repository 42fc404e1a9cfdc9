import Foundation

/// One step of a scheme's tie-break cascade, applied in the declared order to entries with equal
/// scores (DESIGN section 4; default: criterion, then head-to-head, then shared place).
public enum TieBreakRule: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The higher mean on the criterion with the highest weight (several such criteria: in scheme order).
    case highestWeightedCriterion = "highest-weighted-criterion"
    /// The entry that more of the jurors who scored both gave the higher total.
    case headToHead = "head-to-head"
    /// Still tied: the entries share the place, flagged for a jury decision. Always the last step.
    case sharedPlace = "shared-place"

    /// The raw value, e.g. "head-to-head".
    public var description: String { rawValue }
}
