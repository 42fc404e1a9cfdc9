import Foundation

extension RankingEngine {
    /// One step of the cascade once the criterion rule is spelled out criterion by criterion.
    enum Step {
        case criterion(Criterion)
        case headToHead
        case shared
    }

    /// How two tied entries fared with the jurors who scored both.
    struct Duel {
        var first: EntryID
        var second: EntryID
        var firstWins: Int
        var secondWins: Int
        var voters: Int
    }

    /// Something a tied block was found equal on before a rule settled it.
    enum Fact {
        case equalOn(Criterion, ExactRatio)
        case evenDuel(Duel)
        case noDuelOrder
    }

    /// What settled a block.
    enum Outcome {
        case criterion(Criterion, [EntryID: ExactRatio])
        case headToHead([Duel])
        case shared
    }

    /// One tie as the cascade handled it; becomes a `TieNote` once places are known.
    struct TieRecord {
        var score: ExactRatio
        var facts: [Fact]
        var outcome: Outcome
        var groups: [[EntryID]]
    }

    /// The cascade with `highest-weighted-criterion` expanded into the criteria of the highest
    /// weight, in scheme order; it always ends with a shared place.
    var steps: [Step] {
        var steps: [Step] = []
        for rule in scheme.tieBreaks {
            switch rule {
            case .highestWeightedCriterion:
                let top = scheme.criteria.map(\.weight).max() ?? 0
                steps += scheme.criteria.filter { $0.weight == top }.map(Step.criterion)
            case .headToHead:
                steps.append(.headToHead)
            case .sharedPlace:
                steps.append(.shared)
            }
        }
        steps.append(.shared)
        return steps
    }

    /// Tie-break rule: runs the cascade from `step` on entries with equal scores; returns the
    /// blocks best first (a block of several shares a place) and a record of each rule applied.
    /// When a rule splits off some entries, each group still tied starts the cascade again.
    func settle(_ block: [EntryID], from step: Int, facts: [Fact], score: ExactRatio) -> ([[EntryID]], [TieRecord]) {
        guard block.count > 1 else { return ([block], []) }
        let steps = steps
        var facts = facts
        for index in step..<steps.count {
            switch steps[index] {
            case .shared:
                return ([block], [TieRecord(score: score, facts: facts, outcome: .shared, groups: [block])])
            case .criterion(let criterion):
                let means = Dictionary(uniqueKeysWithValues: block.map { ($0, criterionMean($0, criterion)) })
                let groups = RankingEngine.groupDescending(block, by: means)
                guard groups.count > 1 else {
                    let known = facts.contains { if case .equalOn(let seen, _) = $0 { seen.code == criterion.code } else { false } }
                    if !known, let first = block.first, let mean = means[first] { facts.append(.equalOn(criterion, mean)) }
                    continue
                }
                var blocks: [[EntryID]] = []
                var records = [TieRecord(score: score, facts: facts, outcome: .criterion(criterion, means), groups: groups)]
                for group in groups {
                    let inherited: [Fact] = group.count > 1 ? [.equalOn(criterion, means[group[0]] ?? ExactRatio(0))] : []
                    // A group still tied goes through the whole cascade again on its own: head to head
                    // among fewer entries may now give an order it could not give among all of them.
                    let (sub, notes) = settle(group, from: 0, facts: inherited, score: score)
                    blocks += sub
                    records += notes
                }
                return (blocks, records)
            case .headToHead:
                if let (order, duels) = headToHeadOrder(block) {
                    return (
                        order.map { [$0] },
                        [
                            TieRecord(
                                score: score, facts: facts, outcome: .headToHead(duels),
                                groups: order.map { [$0] })
                        ]
                    )
                }
                if block.count == 2 {
                    facts.append(.evenDuel(duel(block[0], block[1])))
                } else {
                    facts.append(.noDuelOrder)
                }
            }
        }
        return ([block], [TieRecord(score: score, facts: facts, outcome: .shared, groups: [block])])
    }

    /// The mean of a criterion's scores over the entry's counting jurors.
    func criterionMean(_ entry: EntryID, _ criterion: Criterion) -> ExactRatio {
        guard let e = entryIndex[entry], let c = scheme.criteria.firstIndex(where: { $0.code == criterion.code }) else {
            return ExactRatio(0)
        }
        var sum = criterionSums[e * scheme.criteria.count + c]
        let count = countingJurorCount(e)
        // The sums are over every counting juror; one left out gives theirs back.
        if let j = leftOut, countingPairs[e * jurors.count + j], let column = matrix.cells.column(of: criterion.code) {
            sum -= Int128(matrix.cells.units(EntryJurorPair(entry: entry, juror: jurors[j]), column: column) ?? 0)
        }
        return ExactRatio(sum, over: Int128(Swift.max(1, count)) * Int128(Millionths.perUnit))
    }

    /// The jurors who count for both entries, and how many gave each the higher total.
    func duel(_ first: EntryID, _ second: EntryID) -> Duel {
        var result = Duel(first: first, second: second, firstWins: 0, secondWins: 0, voters: 0)
        guard let x = entryIndex[first], let y = entryIndex[second] else { return result }
        for j in jurors.indices {
            guard let a = sum(x, j), let b = sum(y, j) else { continue }
            result.voters += 1
            if a > b { result.firstWins += 1 }
            if b > a { result.secondWins += 1 }
        }
        return result
    }

    /// Head-to-head rule: two entries are ordered by the majority of the jurors who scored both;
    /// more than two only when every pair has a majority and together they give a strict order
    /// (no cycle). nil when the rule does not settle the whole block.
    func headToHeadOrder(_ block: [EntryID]) -> ([EntryID], [Duel])? {
        var wins: [EntryID: Int] = [:]
        var duels: [Duel] = []
        for (i, first) in block.enumerated() {
            for second in block[(i + 1)...] {
                var duel = duel(first, second)
                guard duel.firstWins != duel.secondWins else { return nil }
                if duel.secondWins > duel.firstWins {
                    duel = Duel(
                        first: second, second: first, firstWins: duel.secondWins, secondWins: duel.firstWins,
                        voters: duel.voters)
                }
                wins[duel.first, default: 0] += 1
                duels.append(duel)
            }
        }
        // A tournament with every pair decided is a strict order exactly when the win counts all differ.
        let counts = block.map { wins[$0] ?? 0 }
        guard Set(counts).count == block.count else { return nil }
        let order = block.sorted { (wins[$0] ?? 0) > (wins[$1] ?? 0) }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        duels.sort { (position[$0.first] ?? 0, position[$0.second] ?? 0) < (position[$1.first] ?? 0, position[$1.second] ?? 0) }
        return (order, duels)
    }

    /// Entries grouped by equal value, highest first; within a group, by id.
    static func groupDescending(_ entries: [EntryID], by values: [EntryID: ExactRatio]) -> [[EntryID]] {
        let sorted = entries.sorted { a, b in
            let (x, y) = (values[a] ?? ExactRatio(0), values[b] ?? ExactRatio(0))
            return x == y ? a < b : x > y
        }
        return sorted.runs { values[$0] == values[$1] }
    }
}
