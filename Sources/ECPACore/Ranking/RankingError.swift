import Foundation

/// Why a ranking cannot be made (DESIGN section 4).
public enum RankingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Required cells have no score and the ranking is not provisional.
    case missingCells([ScoreCell])
    /// The scheme breaks its own rules.
    case invalidScheme([SchemeProblem])
    /// Scores off their criterion's scale; one sentence each.
    case invalidScores([String])
    /// Entries that no voting juror may score (all in conflict or abstaining), so they cannot be ranked.
    case noCountingJurors([EntryID])
    /// Jury overrides that cannot be applied; one sentence each.
    case invalidOverrides([String])

    /// One or a few plain sentences.
    public var description: String {
        switch self {
        case .missingCells(let cells):
            let byEntry = Dictionary(grouping: cells, by: \.entry)
            let listed = byEntry.keys.sorted().map { entry -> String in
                let byJuror = Dictionary(grouping: byEntry[entry] ?? [], by: \.juror)
                let jurors = byJuror.keys.sorted().map { juror in
                    "juror \(juror): " + (byJuror[juror] ?? []).map(\.criterion).joined(separator: ", ")
                }
                return "entry \(entry) (" + jurors.joined(separator: "; ") + ")"
            }
            let count = cells.count == 1 ? "1 score is" : "\(cells.count) scores are"
            return "\(count) still missing, so the ranking cannot be final: " + listed.joined(separator: ", ")
                + ". Rank provisionally to see the order so far."
        case .invalidScheme(let problems):
            return "The scoring scheme cannot be used: " + problems.map(\.description).joined(separator: " ")
        case .invalidScores(let sentences):
            return sentences.joined(separator: " ")
        case .noCountingJurors(let entries):
            let listed = entries.map { "entry \($0)" }.joined(separator: ", ")
            return "No voting juror may score \(listed): every juror is in conflict or abstains, so it cannot be ranked."
        case .invalidOverrides(let sentences):
            return sentences.joined(separator: " ")
        }
    }
}
