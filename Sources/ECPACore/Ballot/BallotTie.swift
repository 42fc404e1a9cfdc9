import Foundation

/// How one tie of the final ballot was handled: the entries Schulze left tied, the place they tie
/// at, the head-to-head counts between them and the rule that settled them, or `shared-place`.
public struct BallotTie: Hashable, Sendable, Codable {
    /// The tied entries, as Schulze's order gives them (by entry id).
    public var entries: [EntryID]
    /// The place they tie at: one more than the entries ranked above them.
    public var place: Int
    /// Each pair of the tied entries with how many jurors put each above the other, the one with
    /// more first (the pair's first entry in tie order when they are level).
    public var duels: [Duel]
    /// The steps of the cascade tried, in order; the last is the one that settled the tie, or
    /// `shared-place`.
    public var tried: [BallotTieBreak]
    /// The outcome, best first; a group of several entries shares a place.
    public var groups: [[EntryID]]

    /// Two tied entries head to head.
    public struct Duel: Hashable, Sendable, Codable {
        /// The entry more jurors put higher (or the earlier one when level).
        public var first: EntryID
        /// The other entry.
        public var second: EntryID
        /// The jurors who put `first` above `second`.
        public var firstVotes: Int
        /// The jurors who put `second` above `first`.
        public var secondVotes: Int

        /// Makes a duel.
        public init(first: EntryID, second: EntryID, firstVotes: Int, secondVotes: Int) {
            self.first = first
            self.second = second
            self.firstVotes = firstVotes
            self.secondVotes = secondVotes
        }

        /// Whether as many jurors put each entry higher.
        public var level: Bool { firstVotes == secondVotes }
    }

    /// Makes a tie record.
    public init(entries: [EntryID], place: Int, duels: [Duel], tried: [BallotTieBreak], groups: [[EntryID]]) {
        self.entries = entries
        self.place = place
        self.duels = duels
        self.tried = tried
        self.groups = groups
    }

    /// The rule that settled the tie, or `shared-place` when none did.
    public var rule: BallotTieBreak { tried.last ?? .sharedPlace }

    /// Whether some entries still share a place, for the jury to decide in its record.
    public var stillShared: Bool { groups.contains { $0.count > 1 } }

    /// The tie as a sentence, naming each entry with `name`, e.g. "Finland and Hungary tied under
    /// Schulze at place 2 (silver); settled head to head (Hungary 3 to Finland 2)."
    public func sentence(naming name: (EntryID) -> String) -> String {
        let tie = "\(Self.list(entries.map(name))) tied under Schulze at place \(place)" + (Medal(place: place).map { " (\($0))" } ?? "")
        let counts = duels.map { "\(name($0.first)) \($0.firstVotes) to \(name($0.second)) \($0.secondVotes)" }
            .joined(separator: ", ")
        if rule == .headToHead { return "\(tie); settled head to head (\(counts))." }
        let why: String
        if !tried.contains(.headToHead) {
            why = "the cascade has no tie-break before shared-place (head to head: \(counts))"
        } else if duels.count == 1 {
            why = "head to head they are level (\(counts))"
        } else {
            why = "head to head gives no strict order (\(counts))"
        }
        return "\(tie); \(why), so they share the place."
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
