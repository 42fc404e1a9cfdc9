import Foundation

/// Where an entry is in its own lifecycle (DESIGN section 3): draft -> submitted ->
/// eligible | ineligible, and withdrawn from any state before publication.
public enum EntryState: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Being written by the national representative.
    case draft
    /// Sent to the secretariat before the deadline.
    case submitted
    /// Checked by the secretariat and admitted to the competition.
    case eligible
    /// Checked and refused, with a recorded reason.
    case ineligible
    /// Taken back by the country; it leaves the ranking, its scores stay for the record.
    case withdrawn

    /// Rule: a withdrawn entry leaves the ranking; every other state still counts.
    public var isActive: Bool { self != .withdrawn }

    /// The raw value, e.g. "submitted".
    public var description: String { rawValue }
}
