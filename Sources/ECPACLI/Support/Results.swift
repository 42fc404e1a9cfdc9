import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// A computed ranking with what is needed to print it.
struct Results {
    let scores: EditionScores
    let ranking: Ranking
    let overrides: [JuryOverride]

    /// Ranks an edition; refuses (exit 3) listing every missing cell unless provisional.
    static func compute(edition: Edition, db: any SQLExecutor, method: RankingMethod?, provisional: Bool) throws -> Results {
        let scores = try EditionScores.load(edition: edition, db: db)
        let overrides = try ResultsRepository(db).fetchOverrides(edition: edition.id)
        var options = RankingOptions(scheme: scores.scheme, provisional: provisional, overrides: overrides)
        if let method { options.method = method }
        do {
            return Results(scores: scores, ranking: try rank(scores.matrix, options: options), overrides: overrides)
        } catch RankingError.missingCells(let cells) {
            throw CLIError(missingMessage(cells, scores: scores), status: .refused)
        } catch let error as RankingError {
            throw CLIError(error.description, status: .refused)
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

    var zone: TimeZone { TimeText.zone(scores.edition.timeZone) }

    func prize(_ medal: Medal?) -> Decimal? {
        switch medal {
        case .gold: return scores.edition.prizes.gold
        case .silver: return scores.edition.prizes.silver
        case .bronze: return scores.edition.prizes.bronze
        case nil: return nil
        }
    }

    static let placeColumns = ["place", "medal", "entry", "country", "title", "score", "jurors", "shared_place", "override_reason", "prize_eur"]

    var placeRecords: [Record] {
        ranking.places.map { place in
            let entry = scores.entry(place.entry)
            return Record([
                ("place", .integer(Int64(place.place))),
                ("medal", .text(place.medal?.rawValue)),
                ("entry", .integer(place.entry.rawValue)),
                ("country", .text(entry?.country.rawValue)),
                ("title", .text(entry?.form.title)),
                ("score", .text(fixed(place.score, places: 3))),
                ("jurors", .integer(Int64(place.jurorCount))),
                ("shared_place", .bool(place.sharedPlace)),
                ("override_reason", .text(place.overridden?.reason)),
                ("prize_eur", .decimal(prize(place.medal))),
            ])
        }
    }

    var heading: String {
        let kind = ranking.provisional ? "provisional ranking" : "ranking"
        return "The \(scores.edition.year) edition (\(scores.edition.theme)): \(kind) by \(ranking.method.rawValue), \(ranking.places.count) entries, \(scores.jurors.count) voting jurors."
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .csv:
            return Renderer.list(placeRecords, columns: Self.placeColumns, format: .csv)
        case .json:
            let places = placeRecords.map { "    " + $0.json }.joined(separator: ",\n")
            let ties = ranking.ties.map { "    " + JSONText.string($0.sentence) }.joined(separator: ",\n")
            let missing = ranking.missingCells.map {
                "    " + Record([("entry", .integer($0.entry.rawValue)), ("juror", .text(scores.juror($0.juror)?.roleName)), ("criterion", .text($0.criterion))]).json
            }.joined(separator: ",\n")
            return """
                {
                  "edition": \(scores.edition.year),
                  "method": \(JSONText.string(ranking.method.rawValue)),
                  "provisional": \(ranking.provisional),
                  "places": [
                \(places)
                  ],
                  "ties": [
                \(ties)
                  ],
                  "missing": [
                \(missing)
                  ]
                }

                """
        case .table:
            let rows = [["PLACE", "MEDAL", "COUNTRY", "ENTRY", "TITLE", "SCORE", "JURORS", "NOTE"]] + ranking.places.map { place in
                let entry = scores.entry(place.entry)
                var note: [String] = []
                if place.sharedPlace { note.append("shared place: jury to decide") }
                if place.overridden != nil { note.append("jury override (computed place \(place.computedPlace))") }
                return [String(place.place), place.medal?.rawValue ?? "", entry?.country.rawValue ?? "", String(place.entry.rawValue),
                        Renderer.singleLine(entry?.form.title ?? ""), fixed(place.score, places: 3), String(place.jurorCount),
                        note.joined(separator: "; ")]
            }
            var text = heading + "\n\n" + Renderer.table(rows)
            if !ranking.ties.isEmpty {
                text += "\nTies:\n" + ranking.ties.map { "- \($0.sentence)" }.joined(separator: "\n") + "\n"
            }
            if !ranking.overrides.isEmpty {
                text += "\nJury overrides:\n" + ranking.overrides.map { "- entry \($0.entry) placed \($0.place): \($0.reason)" }.joined(separator: "\n") + "\n"
            }
            if ranking.provisional && !ranking.missingCells.isEmpty {
                text += "\nProvisional: \(ranking.missingCells.count) required scores are still missing.\n"
            }
            return text
        }
    }
}
