import Foundation

/// For every pair of entries, how many jurors preferred each (the Condorcet views): `count(a, b)`
/// is the number of jurors who gave `a` a higher total than `b` among those who scored both. A
/// juror in conflict with either entry, or who gave both the same total, counts for neither.
public struct PairwisePreferences: Hashable, Sendable {
    /// The entries compared, in the order given.
    public let entries: [EntryID]
    /// counts[a * entries.count + b]: jurors preferring entry a to entry b.
    let counts: [Int]

    /// Preferences counted by hand, as `counts[a][b]` for the entries in order (for worked examples).
    public init(entries: [EntryID], counts: [[Int]]) {
        precondition(counts.count == entries.count && counts.allSatisfy { $0.count == entries.count }, "one row and column per entry")
        self.entries = entries
        self.counts = counts.flatMap { $0 }
    }

    init(entries: [EntryID], flat: [Int]) {
        self.entries = entries
        counts = flat
    }

    /// How many jurors preferred `a` to `b`; 0 for an entry not compared.
    public func count(_ a: EntryID, over b: EntryID) -> Int {
        guard let i = entries.firstIndex(of: a), let j = entries.firstIndex(of: b) else { return 0 }
        return counts[i * entries.count + j]
    }

    func count(_ i: Int, _ j: Int) -> Int { counts[i * entries.count + j] }
}

/// Two Condorcet methods over pairwise preferences (DESIGN section 4, the podium under every
/// method): Copeland counts pairwise majorities; Schulze (winning votes) follows the strongest
/// paths, so that a cycle of majorities still yields an order.
public enum Condorcet {
    /// Copeland: each entry's pairwise wins minus its pairwise losses (a pair with equal counts
    /// is neither), by entry.
    public static func copeland(_ preferences: PairwisePreferences) -> [EntryID: Int] {
        let n = preferences.entries.count
        var scores: [EntryID: Int] = [:]
        for i in 0..<n {
            var score = 0
            for j in 0..<n where j != i {
                let (mine, theirs) = (preferences.count(i, j), preferences.count(j, i))
                score += mine > theirs ? 1 : (mine < theirs ? -1 : 0)
            }
            scores[preferences.entries[i]] = score
        }
        return scores
    }

    /// Schulze with winning votes: the strength of the direct link from a to b is the number of
    /// jurors preferring a when they are more than those preferring b, else 0; a path is as strong
    /// as its weakest link; `strongest[a][b]` is the strongest path from a to b (Floyd-Warshall).
    public struct Schulze: Hashable, Sendable {
        /// The entries, in the order of `strongest`'s rows and columns.
        public let entries: [EntryID]
        /// The strength of the strongest path between each ordered pair (0 on the diagonal).
        public let strongest: [[Int]]
        /// The order: groups of entries best first; a group of several ties (neither beats the
        /// other), in entry order.
        public let order: [[EntryID]]

        /// Whether a beats b: its strongest path to b is stronger than b's to it.
        public func beats(_ a: EntryID, _ b: EntryID) -> Bool {
            guard let i = entries.firstIndex(of: a), let j = entries.firstIndex(of: b) else { return false }
            return strongest[i][j] > strongest[j][i]
        }
    }

    /// Schulze's order of the entries (see `Schulze`): first the entries no other beats, then the
    /// entries none of the rest beats, and so on.
    public static func schulze(_ preferences: PairwisePreferences) -> Schulze {
        let n = preferences.entries.count
        var p = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let (forward, backward) = (preferences.count(i, j), preferences.count(j, i))
                p[i][j] = forward > backward ? forward : 0
            }
        }
        for k in 0..<n {
            for i in 0..<n where i != k {
                for j in 0..<n where j != k && j != i {
                    p[i][j] = Swift.max(p[i][j], Swift.min(p[i][k], p[k][j]))
                }
            }
        }
        // The winners are the entries no other beats; then the winners of those left, and so on.
        // Beating is transitive under Schulze, so every round takes at least one entry. (Counting
        // how many others each beats is not the same: an entry can beat more and still share first
        // place with one that beats fewer, when neither beats the other.)
        var remaining = Array(0..<n)
        var order: [[EntryID]] = []
        while !remaining.isEmpty {
            let unbeaten = remaining.filter { i in !remaining.contains { j in p[j][i] > p[i][j] } }
            order.append(unbeaten.map { preferences.entries[$0] }.sorted())
            remaining.removeAll { unbeaten.contains($0) }
        }
        return Schulze(entries: preferences.entries, strongest: p, order: order)
    }
}

extension RankingEngine {
    /// The jurors' pairwise preferences among some entries, from their totals (each juror counted
    /// once per pair they scored both of). Cost: pairs x jurors.
    func pairwise(among chosen: [EntryID]) -> PairwisePreferences {
        let rows = chosen.map { entryIndex[$0] }
        let n = chosen.count
        var counts = [Int](repeating: 0, count: n * n)
        for j in jurors.indices {
            let totals = rows.map { row in row.flatMap { sum($0, j) } }
            for a in 0..<n {
                guard let x = totals[a] else { continue }
                for b in 0..<n where b != a {
                    if let y = totals[b], x > y { counts[a * n + b] += 1 }
                }
            }
        }
        return PairwisePreferences(entries: chosen, flat: counts)
    }
}

extension IntegrityExtras {
    /// The jurors' pairwise preferences among some entries (all ranked ones when nil); empty when
    /// no ranking can be made.
    public func pairwise(among chosen: [EntryID]? = nil) -> PairwisePreferences {
        guard let engine = try? engine.get() else { return PairwisePreferences(entries: [], flat: []) }
        return engine.pairwise(among: chosen ?? engine.scored)
    }
}

/// Copeland and Schulze orders of a shortlist of entries (issue "what the numbers say", item 4):
/// the podium by pairwise majorities beside the podium by each scoring method.
public struct CondorcetViews: Hashable, Sendable {
    /// The entries compared, best first by the declared method.
    public var among: [EntryID]
    /// Whether the shortlist leaves entries out (the pairwise count grows with entries squared).
    public var shortlisted: Bool
    /// Copeland's order in tiers, best first: entries with equal wins minus losses share a tier.
    public var copeland: [[EntryID]]
    /// Schulze's order in tiers, best first.
    public var schulze: [[EntryID]]
}

extension Condorcet {
    /// Copeland's scores as an order in tiers, best first; a tier keeps entry order.
    public static func copelandOrder(_ preferences: PairwisePreferences) -> [[EntryID]] {
        let scores = copeland(preferences)
        let sorted = preferences.entries.sorted { a, b in
            scores[a, default: 0] != scores[b, default: 0] ? scores[a, default: 0] > scores[b, default: 0] : a < b
        }
        return sorted.runs { scores[$0] == scores[$1] }
    }
}

extension IntegrityExtras {
    /// The most entries the Condorcet views compare: the pairwise count costs entries² x jurors.
    public static let condorcetShortlist = 50

    /// Copeland and Schulze among `ranked` (entries best first by the declared method), cut to the
    /// first `limit` and any entry tied with the last one kept.
    public func condorcetViews(ranked: [(entry: EntryID, place: Int)], limit: Int = IntegrityExtras.condorcetShortlist) -> CondorcetViews {
        var among = ranked.prefix(limit).map(\.entry)
        if let cut = ranked.prefix(limit).last?.place {
            among += ranked.dropFirst(limit).prefix { $0.place == cut }.map(\.entry)
        }
        let preferences = pairwise(among: among)
        return CondorcetViews(
            among: among, shortlisted: among.count < ranked.count, copeland: Condorcet.copelandOrder(preferences),
            schulze: Condorcet.schulze(preferences).order)
    }
}

extension Medal {
    /// The medals of an order in tiers: a tier takes the place after every entry above it and that
    /// place's medal; the tiers past bronze are left out.
    public static func tiers(_ order: [[EntryID]]) -> [(medal: Medal, entries: [EntryID])] {
        var place = 1
        var medals: [(medal: Medal, entries: [EntryID])] = []
        for tier in order {
            guard let medal = Medal(place: place) else { break }
            medals.append((medal, tier))
            place += tier.count
        }
        return medals
    }
}
