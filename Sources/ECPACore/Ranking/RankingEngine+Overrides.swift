import Foundation

extension RankingEngine {
    /// One line of the final order.
    struct FinalPlace {
        var entry: EntryID
        var place: Int
        var shared: Bool
        var override: JuryOverride?
    }

    /// Override rule (jury decision before publication, with a reason): the overridden entries take
    /// their places; the others keep their computed order and fill the remaining places, a shared
    /// place staying shared. Refused, with every reason: a blank reason, an entry not ranked, a
    /// place outside 1...n, two overrides on one place or one entry, or an override that falls
    /// inside a shared place of other entries (the jury should then place those too).
    func applyOverrides(_ overrides: [JuryOverride], to blocks: [[EntryID]]) throws -> [FinalPlace] {
        let count = blocks.reduce(0) { $0 + $1.count }
        var problems: [String] = []
        var byPlace: [Int: JuryOverride] = [:]
        var byEntry: [EntryID: JuryOverride] = [:]
        let ranked = Set(blocks.flatMap { $0 })
        for override in overrides {
            let name = matrix.name(of: override.entry)
            var usable = true
            if override.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("The override placing \(name) at \(override.place) needs a reason; the report prints it.")
                usable = false
            }
            if !ranked.contains(override.entry) {
                problems.append(
                    "\(name) cannot be placed by an override: it is not among the ranked entries (withdrawn, ineligible, additional or not yet scored)."
                )
                usable = false
            } else if byEntry[override.entry] != nil {
                problems.append("\(name) is overridden twice; give it one place.")
                usable = false
            }
            if !(1...Swift.max(1, count)).contains(override.place) || count == 0 {
                problems.append("\(name) cannot be placed at \(override.place): with \(count) ranked entries the places run from 1 to \(count).")
                usable = false
            } else if let other = byPlace[override.place] {
                problems.append(
                    "\(matrix.name(of: other.entry)) and \(name) are both overridden to place \(override.place); give each place to one entry.")
                usable = false
            }
            if usable {
                byPlace[override.place] = override
                byEntry[override.entry] = override
            }
        }
        guard problems.isEmpty else { throw RankingError.invalidOverrides(problems) }
        var final: [FinalPlace] = byPlace.map { FinalPlace(entry: $1.entry, place: $0, shared: false, override: $1) }
        var free = ArraySlice((1...Swift.max(1, count)).filter { byPlace[$0] == nil })
        for block in blocks {
            let rest = block.filter { byEntry[$0] == nil }
            guard !rest.isEmpty else { continue }
            let slots = Array(free.prefix(rest.count))
            free = free.dropFirst(rest.count)
            guard let first = slots.first, let last = slots.last else { continue }
            if last - first + 1 != rest.count {
                let inside = byPlace.keys.sorted().filter { $0 > first && $0 < last }.compactMap { byPlace[$0] }
                let names = RankingEngine.list(inside.map { "\(matrix.name(of: $0.entry)) at place \($0.place)" })
                throw RankingError.invalidOverrides([
                    "The override of \(names) falls inside the place shared by \(RankingEngine.list(rest.map(matrix.name(of:)))); "
                        + "settle that tie by placing them too."
                ])
            }
            for entry in rest { final.append(FinalPlace(entry: entry, place: first, shared: rest.count > 1, override: nil)) }
        }
        return final.sorted { ($0.place, $0.entry) < ($1.place, $1.entry) }
    }
}
