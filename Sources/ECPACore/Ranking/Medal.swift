import Foundation

/// A medal of the award (DESIGN section 1): gold for place 1, silver for 2, bronze for 3.
public enum Medal: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// First place.
    case gold
    /// Second place.
    case silver
    /// Third place.
    case bronze

    /// Medal rule: place 1 gold, 2 silver, 3 bronze, any other place none. Places are competition
    /// ranks, so a shared place shares its medal and the places it covers are skipped: two silvers
    /// (place 2, 2) are followed by place 4, which has no medal, so there is no bronze.
    public init?(place: Int) {
        switch place {
        case 1: self = .gold
        case 2: self = .silver
        case 3: self = .bronze
        default: return nil
        }
    }

    /// The place this medal goes with.
    public var place: Int {
        switch self {
        case .gold: 1
        case .silver: 2
        case .bronze: 3
        }
    }

    /// The raw value, e.g. "gold".
    public var description: String { rawValue }

    /// Gold before silver before bronze.
    public static func < (lhs: Medal, rhs: Medal) -> Bool { lhs.place < rhs.place }
}
