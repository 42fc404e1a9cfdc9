import Foundation

/// Who holds a medal in two rankings, when they differ (leave-one-juror-out stability, DESIGN section 4).
public struct MedalChange: Hashable, Sendable, Codable {
    /// The medal.
    public var medal: Medal
    /// Its holders in the full ranking, by id.
    public var before: [EntryID]
    /// Its holders in the other ranking, by id.
    public var after: [EntryID]

    /// Records a change.
    public init(medal: Medal, before: [EntryID], after: [EntryID]) {
        self.medal = medal
        self.before = before
        self.after = after
    }
}
