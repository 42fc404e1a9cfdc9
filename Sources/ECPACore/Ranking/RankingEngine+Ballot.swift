import Foundation

extension RankingEngine {
    /// Ballot rule (issue "what the jury decides", item 4): when the final ballot decides, the
    /// shortlisted entries keep the places they hold by the scores as a set, and fill them in the
    /// ballot's order; every other entry keeps its place. An entry's group is its ballot tier when
    /// shortlisted, else its block of the scores' order, and neighbours of one group share a place.
    /// Entries of the ballot not in `blocks` are ignored.
    static func reorder(_ blocks: [[EntryID]], by ballot: [[EntryID]]) -> [[EntryID]] {
        var tier: [EntryID: Int] = [:]
        for (index, group) in ballot.enumerated() {
            for entry in group { tier[entry] = index }
        }
        let order = blocks.enumerated().flatMap { index, block in block.map { (entry: $0, block: index) } }
        var shortlisted = ballot.joined().filter { entry in order.contains { $0.entry == entry } }.makeIterator()
        // Each slot held by a shortlisted entry takes the next entry of the ballot's order.
        let placed: [(entry: EntryID, group: Group)] = order.map { slot in
            guard tier[slot.entry] != nil, let next = shortlisted.next() else { return (slot.entry, .scores(slot.block)) }
            return (next, .ballot(tier[next] ?? 0))
        }
        return placed.runs { $0.group == $1.group }.map { $0.map(\.entry) }
    }

    /// Where an entry's shared place comes from after the ballot.
    private enum Group: Equatable {
        case scores(Int)
        case ballot(Int)
    }
}
