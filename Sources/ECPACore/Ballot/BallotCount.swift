import Foundation

/// The count of a final ballot (issue 11, item 4), by Schulze with winning votes: from the
/// shortlist, the ballots and each juror's conflicts, the pairwise counts, the strongest paths,
/// Schulze's order in tiers, and the final order once the tie-break cascade has been applied.
/// Exact (whole numbers) and deterministic: the order of the ballots does not matter.
public struct BallotCount: Hashable, Sendable {
    /// The entries on the ballot, in the order given (the rows and columns of `counts` and
    /// `strongest`).
    public let shortlist: [EntryID]
    /// The jurors whose ballots were counted, by id.
    public let jurors: [JurorID]
    /// `counts[a][b]`: the jurors who ranked both `shortlist[a]` and `shortlist[b]` and put `a`
    /// higher. A juror who left an entry unranked (a conflict) counts for neither side of its pairs.
    public let counts: [[Int]]
    /// Schulze on the counts: the strongest paths and the order in tiers before tie-breaks.
    public let schulze: Condorcet.Schulze
    /// The cascade applied to Schulze's ties, as given up to its first `shared-place`, which ends
    /// it (and is added when missing).
    public let tieBreaks: [BallotTieBreak]
    /// The final order, best first: a tier of several entries shares a place.
    public let order: [[EntryID]]
    /// Each tier of several entries Schulze gave, and how the cascade handled it, best first.
    public let ties: [BallotTie]

    /// Counts the ballots. Each must rank every shortlisted entry its juror is not in conflict
    /// with, and no other (`Ballot.problems`); `conflicts` gives each juror's conflicted entries
    /// (entries off the shortlist are ignored; a juror without conflicts may be left out). Throws
    /// every problem when a ballot breaks the rules, a juror has two ballots or the shortlist
    /// repeats an entry. Whether every voting juror has voted is for the caller to say.
    public init(
        shortlist: [EntryID], ballots: [Ballot], conflicts: [JurorID: Set<EntryID>],
        tieBreaks: [BallotTieBreak] = [.sharedPlace]
    ) throws(BallotCountError) {
        var problems: [BallotProblem] = []
        var listed: Set<EntryID> = []
        for entry in shortlist where !listed.insert(entry).inserted {
            problems.append(BallotProblem(kind: .shortlistRepeats(entry)))
        }
        var voted: Set<JurorID> = []
        for ballot in ballots {
            guard voted.insert(ballot.juror).inserted else {
                problems.append(BallotProblem(juror: ballot.juror, kind: .secondBallot))
                continue
            }
            problems += ballot.problems(shortlist: shortlist, conflicts: conflicts[ballot.juror] ?? [])
        }
        guard problems.isEmpty else { throw BallotCountError(problems: BallotProblem.sorted(problems)) }

        let index = Dictionary(uniqueKeysWithValues: shortlist.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: shortlist.count), count: shortlist.count)
        for ballot in ballots {
            let rows = ballot.ranking.compactMap { index[$0] }
            for (position, better) in rows.enumerated() {
                for worse in rows[(position + 1)...] { counts[better][worse] += 1 }
            }
        }
        let schulze = Condorcet.schulze(PairwisePreferences(entries: shortlist, counts: counts))
        // Steps after shared-place could never run; without it the cascade ends with it anyway.
        let cascade = tieBreaks.firstIndex(of: .sharedPlace).map { Array(tieBreaks[...$0]) } ?? tieBreaks + [.sharedPlace]

        var order: [[EntryID]] = []
        var ties: [BallotTie] = []
        var place = 1
        for tier in schulze.order {
            if tier.count > 1 {
                let tie = Self.settle(tier, place: place, cascade: cascade) { a, b in
                    guard let i = index[a], let j = index[b] else { return 0 }
                    return counts[i][j]
                }
                ties.append(tie)
                order += tie.groups
            } else {
                order.append(tier)
            }
            place += tier.count
        }
        self.shortlist = shortlist
        self.jurors = voted.sorted()
        self.counts = counts
        self.schulze = schulze
        self.tieBreaks = cascade
        self.order = order
        self.ties = ties
    }

    /// The strongest path between each ordered pair of `shortlist` (0 on the diagonal).
    public var strongest: [[Int]] { schulze.strongest }

    /// How many jurors ranked both and put `a` above `b`; 0 for an entry not on the shortlist.
    public func count(_ a: EntryID, over b: EntryID) -> Int {
        guard let i = shortlist.firstIndex(of: a), let j = shortlist.firstIndex(of: b) else { return 0 }
        return counts[i][j]
    }

    /// The strength of the strongest path from `a` to `b`; 0 for an entry not on the shortlist.
    public func strongestPath(from a: EntryID, to b: EntryID) -> Int {
        guard let i = schulze.entries.firstIndex(of: a), let j = schulze.entries.firstIndex(of: b) else { return 0 }
        return schulze.strongest[i][j]
    }

    /// The final places: an entry's place is one more than the entries in the tiers above it, so
    /// a shared place skips the places it covers (1, 2, 2, 4), as in the scores' ranking.
    public var places: [(entry: EntryID, place: Int)] {
        var place = 1
        var places: [(entry: EntryID, place: Int)] = []
        for tier in order {
            places += tier.map { ($0, place) }
            place += tier.count
        }
        return places
    }

    /// Tie-break rule (issue 11, item 4): runs the cascade on a tier Schulze left tied. Each step
    /// settles the whole tier or passes it on; `shared-place` ends the cascade.
    static func settle(
        _ tier: [EntryID], place: Int, cascade: [BallotTieBreak], count: (EntryID, EntryID) -> Int
    ) -> BallotTie {
        var duels: [BallotTie.Duel] = []
        var wins: [EntryID: Int] = [:]
        var decided = true
        for (i, first) in tier.enumerated() {
            for second in tier[(i + 1)...] {
                let (forward, backward) = (count(first, second), count(second, first))
                if forward == backward { decided = false }
                let duel =
                    backward > forward
                    ? BallotTie.Duel(first: second, second: first, firstVotes: backward, secondVotes: forward)
                    : BallotTie.Duel(first: first, second: second, firstVotes: forward, secondVotes: backward)
                if !duel.level { wins[duel.first, default: 0] += 1 }
                duels.append(duel)
            }
        }
        var tried: [BallotTieBreak] = []
        for step in cascade {
            tried.append(step)
            switch step {
            case .sharedPlace:
                return BallotTie(entries: tier, place: place, duels: duels, tried: tried, groups: [tier])
            case .headToHead:
                // Every pair decided gives a strict order exactly when the win counts all differ.
                let counts = tier.map { wins[$0] ?? 0 }
                guard decided, Set(counts).count == tier.count else { continue }
                let order = tier.sorted { (wins[$0] ?? 0) > (wins[$1] ?? 0) }
                return BallotTie(entries: tier, place: place, duels: duels, tried: tried, groups: order.map { [$0] })
            }
        }
        return BallotTie(entries: tier, place: place, duels: duels, tried: tried + [.sharedPlace], groups: [tier])
    }
}
