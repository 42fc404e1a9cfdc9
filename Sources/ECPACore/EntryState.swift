import Foundation

/// Where an entry is in its own lifecycle (DESIGN section 3): draft -> submitted ->
/// eligible | ineligible, and withdrawn from any state before publication.
public enum EntryState: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case draft
    case submitted
    case eligible
    case ineligible
    case withdrawn

    /// Rule: a withdrawn entry leaves the ranking; every other state still counts.
    public var isActive: Bool { self != .withdrawn }

    /// The raw value, e.g. "submitted".
    public var description: String { rawValue }
}
