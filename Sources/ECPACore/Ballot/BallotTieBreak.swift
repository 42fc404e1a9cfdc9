import Foundation

/// One step of the final ballot's tie-break cascade, applied in the order given to entries that
/// Schulze leaves tied (issue 11, item 4: ties resolved by the declared cascade or left shared).
/// The raw values are those of the scores' cascade (`TieBreakRule`).
///
/// The edition's cascade is its declared `tie_breaks`, keeping these steps in their order
/// (BallotRecord). Not yet done: no step settles a tie by the chair's casting vote or by a second
/// ballot among the tied entries; a tie these steps leave stays shared, for the jury to decide in
/// its record.
public enum BallotTieBreak: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The entry that more of the jurors who ranked both put higher. Between more than two tied
    /// entries it applies only when every pair has a majority and together they give a strict
    /// order (no cycle); otherwise the cascade moves on.
    case headToHead = "head-to-head"
    /// Still tied: the entries share the place. Always the last step, whether given or not.
    case sharedPlace = "shared-place"

    /// The raw value, e.g. "head-to-head".
    public var description: String { rawValue }
}
