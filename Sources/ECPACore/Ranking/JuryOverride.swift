import Foundation

/// A place set by the jury after deliberation, before publication; the reason is required and
/// printed in the report (DESIGN section 4).
public struct JuryOverride: Hashable, Sendable, Codable {
    /// The entry placed.
    public var entry: EntryID
    /// The place the jury gives it, from 1.
    public var place: Int
    /// Why, in the jury's words; must not be blank.
    public var reason: String

    /// Records a jury decision.
    public init(entry: EntryID, place: Int, reason: String) {
        self.entry = entry
        self.place = place
        self.reason = reason
    }
}
