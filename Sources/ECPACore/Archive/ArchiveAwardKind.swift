import Foundation

/// What an archive award was: a placed medal, or an award whose place the sources do not give.
public enum ArchiveAwardKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// First place.
    case gold
    /// Second place.
    case silver
    /// Third place.
    case bronze
    /// Named among the winners, in an order not found (2013, 2019).
    case awarded
    /// Named as a runner-up, without a place (2014).
    case runnerUp = "runner-up"
    /// A special distinction beside the podium.
    case specialDistinction = "special distinction"

    /// The medal of a placed award; nil for the unordered kinds.
    public var medal: Medal? {
        switch self {
        case .gold: .gold
        case .silver: .silver
        case .bronze: .bronze
        case .awarded, .runnerUp, .specialDistinction: nil
        }
    }

    /// The placed kind of a medal.
    public init(_ medal: Medal) {
        switch medal {
        case .gold: self = .gold
        case .silver: self = .silver
        case .bronze: self = .bronze
        }
    }

    /// The raw value, e.g. "runner-up".
    public var description: String { rawValue }
}
