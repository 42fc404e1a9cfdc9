import Foundation

/// How sure the archive is of a fact, as the secretariat's research notes mark it: found in a
/// source, inferred (⚠️, for instance from the Presidency calendar) or not found (❓).
public enum Certainty: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// A source says so.
    case confirmed
    /// Deduced, not read in a source.
    case inferred
    /// Not found; the value is always absent, never guessed.
    case unknown

    /// The raw value, e.g. "inferred".
    public var description: String { rawValue }

    /// Confirmed before inferred before unknown, so `max` gives the weaker of two certainties.
    public static func < (lhs: Certainty, rhs: Certainty) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .confirmed: 0
        case .inferred: 1
        case .unknown: 2
        }
    }
}
