import Foundation

extension RankingEngine {
    /// The tie as a person reads it, e.g. "Finland and Hungary tied at 7.25; settled by the higher
    /// mean on Evaluated and effective (8.50 against 8.00)."
    /// `places` are the computed places; `final` the places after the jury's overrides, which may
    /// have settled a shared place.
    func note(for record: TieRecord, places: [EntryID: (place: Int, shared: Bool)], final: [FinalPlace] = []) -> TieNote {
        let entries = record.groups.flatMap { $0 }
        var sentence = RankingEngine.list(entries.map(matrix.name(of:))) + " tied at " + show(record.score)
        let facts = record.facts.map(phrase)
        if !facts.isEmpty { sentence += ", also " + RankingEngine.list(facts) }
        var rule = TieBreakRule.sharedPlace
        var code: String?
        var stillShared = true
        switch record.outcome {
        case .criterion(let criterion, let means):
            rule = .highestWeightedCriterion
            code = criterion.code
            let settled = record.groups.allSatisfy { $0.count == 1 }
            if entries.count == 2 {
                sentence +=
                    "; settled by the higher mean on \(criterion.name) ("
                    + entries.map { show(means[$0]) }.joined(separator: " against ") + ")."
            } else {
                let values = entries.map { "\(matrix.name(of: $0)) \(show(means[$0]))" }.joined(separator: ", ")
                if settled {
                    sentence += "; settled by the higher mean on \(criterion.name) (\(values))."
                } else {
                    let order = record.groups.map { group in
                        RankingEngine.list(group.map(matrix.name(of:))) + (group.count > 1 ? " (still tied)" : "")
                    }
                    sentence +=
                        "; the higher mean on \(criterion.name) (\(values)) orders them "
                        + order.joined(separator: ", then ") + "."
                }
            }
        case .headToHead(let duels):
            rule = .headToHead
            if duels.count == 1, let duel = duels.first {
                sentence +=
                    "; settled head to head: of the \(duel.voters) jurors who scored both, \(duel.firstWins) gave "
                    + "\(matrix.name(of: duel.first)) the higher total and \(duel.secondWins) gave \(matrix.name(of: duel.second))"
                let even = duel.voters - duel.firstWins - duel.secondWins
                sentence += even > 0 ? " (\(even) gave equal totals)." : "."
            } else {
                sentence +=
                    "; settled head to head, pair by pair: "
                    + duels.map { duel in
                        "\(matrix.name(of: duel.first)) over \(matrix.name(of: duel.second)) \(duel.firstWins) to \(duel.secondWins)"
                    }.joined(separator: ", ") + "."
            }
        case .shared:
            let place = entries.first.flatMap { places[$0]?.place } ?? 0
            let medal = Medal(place: place).map { " (\($0))" } ?? ""
            let decided = final.filter { line in entries.contains(line.entry) }
            if decided.contains(where: { $0.override != nil }) {
                // Rule (jury override): the jury placed some of them, so the note says where they are now.
                let placedNow = decided.map { line in
                    "\(matrix.name(of: line.entry)) \(line.override == nil ? "at" : "placed by the jury at") \(line.place)"
                        + (Medal(place: line.place).map { " (\($0))" } ?? "")
                }
                sentence +=
                    "; they would share place \(place)\(medal), and after the jury's override "
                    + RankingEngine.list(placedNow)
                stillShared = decided.contains { $0.shared }
                sentence += stillShared ? ", still sharing a place" + TieNote.flag : "."
            } else {
                sentence += "; they share place \(place)\(medal)" + TieNote.flag
            }
        }
        return TieNote(
            entries: entries, score: record.score.value, rule: rule, criterion: code, groups: record.groups,
            sentence: sentence, stillShared: rule == .sharedPlace && stillShared)
    }

    private func phrase(_ fact: Fact) -> String {
        switch fact {
        case .equalOn(let criterion, let mean):
            return "on \(criterion.name) (\(show(mean)))"
        case .evenDuel(let duel):
            if duel.voters == 0 { return "head to head (no juror scored both)" }
            let even = duel.voters - duel.firstWins - duel.secondWins
            let split = duel.firstWins == 0 ? "none favoured either" : "\(duel.firstWins) favoured each"
            return "head to head (of the \(duel.voters) jurors who scored both, \(split)"
                + (even > 0 ? ", \(even) gave equal totals)" : ")")
        case .noDuelOrder:
            return "head to head (the pairwise majorities give no strict order)"
        }
    }

    /// Three decimals, as every score in a report.
    private func show(_ value: ExactRatio?) -> String {
        fixed(value?.value ?? 0, places: 3)
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
