import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// An edition ranked: the scores it was ranked from (one consistent read), the ranking and the
/// jury's overrides. `results rank`, `results explain`, the freeze and the winners' report start here.
public struct Results: Sendable {
    public let scores: EditionScores
    public let ranking: Ranking
    public let overrides: [JuryOverride]

    /// Ranks an edition by `method` (the scheme's when nil). Refuses, listing every missing cell,
    /// unless `provisional`. Reads from `source`, or from where the current role reads when nil.
    public static func compute(
        edition: Edition, db: Connection, method: RankingMethod?, provisional: Bool, source: RecordSource? = nil
    ) throws -> Results {
        let (scores, overrides) = try db.consistentRead { db in
            let source = try source ?? RecordSource.forCurrentRole(edition: edition, db: db)
            return (
                try EditionScores.load(edition: edition, db: db, source: source),
                try ResultsRepository(db).fetchOverrides(edition: edition.id, source: source)
            )
        }
        return try ranked(scores, overrides: overrides, method: method, provisional: provisional)
    }

    /// Ranks scores already read, with the jury's overrides; on `extras` when they were prepared
    /// from the same scores.
    static func ranked(
        _ scores: EditionScores, overrides: [JuryOverride], method: RankingMethod?, provisional: Bool,
        extras: IntegrityExtras? = nil
    ) throws -> Results {
        var options = RankingOptions(scheme: scores.scheme, provisional: provisional, overrides: overrides)
        if let method { options.method = method }
        if let ballot = scores.decidingBallot {
            guard let count = ballot.count else {
                throw Refusal(
                    "results.ballot_uncountable", .refused,
                    BallotCountError(problems: ballot.problems).description
                        + " The ballots are sealed as cast; `ecpa results verify` checks them against the ledger.")
            }
            options.ballotOrder = count.order
        }
        do {
            let ranking = try extras?.ranking(options: options) ?? rank(scores.matrix, options: options)
            return Results(scores: scores, ranking: ranking, overrides: overrides)
        } catch RankingError.missingCells(let cells) {
            throw Refusal("results.scores_missing", .refused, missingMessage(cells, scores: scores))
        } catch let error as RankingError {
            throw Refusal("results.cannot_rank", .refused, error.description)
        }
    }

    /// Every missing cell, grouped by juror and entry.
    static func missingMessage(_ cells: [ScoreCell], scores: EditionScores) -> String {
        var groups: [EntryJurorPair: [String]] = [:]
        for cell in cells { groups[EntryJurorPair(entry: cell.entry, juror: cell.juror), default: []].append(cell.criterion) }
        let lines = groups.keys.sorted().map { pair in
            let juror = scores.juror(pair.juror)?.roleName ?? pair.juror.description
            let country = scores.entry(pair.entry)?.country.rawValue ?? "?"
            return "  \(juror) has not scored entry \(pair.entry) (\(country)): \(groups[pair, default: []].joined(separator: ", "))"
        }
        return "\(cells.count) required score\(cells.count == 1 ? " is" : "s are") missing, so there is no final ranking yet:\n"
            + lines.joined(separator: "\n")
            + "\nEnter them, or rank with --provisional to see the ranking so far."
    }

    /// The prize money of a medal, from the edition.
    public func prize(_ medal: Medal?) -> Decimal? {
        switch medal {
        case .gold: return scores.edition.prizes.gold
        case .silver: return scores.edition.prizes.silver
        case .bronze: return scores.edition.prizes.bronze
        case nil: return nil
        }
    }

    /// One line on what was ranked.
    public var heading: String {
        let kind = ranking.provisional ? "provisional ranking" : "ranking"
        let ballot =
            scores.decidingBallot?.count != nil ? " (its shortlist in the final ballot's order)" : ""
        return
            "The \(scores.edition.year) edition (\(scores.edition.theme)): \(kind) by \(ranking.method.rawValue)\(ballot), \(ranking.places.count) entries, \(scores.jurors.count) voting jurors."
    }
}
