import Foundation

/// Whether an entry competes for the award (one per country and edition) or is an additional
/// good-practice project that is published but never scored or ranked (Annex I, item 2).
public enum EntryKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The country's one entry for the award, scored and ranked.
    case competing
    /// A further good-practice project, published but never scored.
    case additional

    /// The raw value, e.g. "competing".
    public var description: String { rawValue }
}
