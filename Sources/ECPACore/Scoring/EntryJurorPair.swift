import Foundation

/// An entry and a juror together: the unit of a conflict or an abstention (DESIGN section 2: a
/// juror never scores an entry they are in conflict with).
public struct EntryJurorPair: Hashable, Comparable, Sendable, Codable {
    /// The entry.
    public var entry: EntryID
    /// The juror.
    public var juror: JurorID

    /// Pairs an entry with a juror.
    public init(entry: EntryID, juror: JurorID) {
        self.entry = entry
        self.juror = juror
    }

    /// Orders by entry, then juror.
    public static func < (lhs: EntryJurorPair, rhs: EntryJurorPair) -> Bool {
        (lhs.entry, lhs.juror) < (rhs.entry, rhs.juror)
    }
}
