import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// The winners' report: podium with the jury's reasons, full ranking, method and weights, ties and overrides, robustness,
/// agreement, coverage and the freeze digest. Built once, rendered as Markdown, HTML, JSON or CSV;
/// nothing in it depends on the clock, so the same data always gives the same bytes.
public struct WinnersReport: Sendable {
    public let results: Results
    public let explanation: Explanation
    public let frozen: FrozenResults?
    public let includeJurorScores: Bool
    public let label: String?
    /// The jury's decision record, when there is one and the reader may read it.
    public let decision: JuryDecision?

    /// The report of an edition. Once frozen, its podium is the frozen one: ranked again by the
    /// frozen method, and refused if the scores no longer give the frozen rows (then `results
    /// verify` names the differences), so that the report and the archive never show two podiums.
    /// `source`: where the records are read from (the current role's place when nil).
    public static func load(
        edition: Edition, db: Connection, includeJurorScores: Bool, label: String?, source: RecordSource? = nil
    ) throws -> WinnersReport {
        try db.consistentRead { db in
            let frozen = try ResultsRepository(db).fetchFrozen(edition: edition.id)
            let method = frozen.flatMap { RankingMethod(rawValue: $0.method) }
            let results = try Results.compute(edition: edition, db: db, method: method, provisional: frozen == nil, source: source)
            if let frozen, results.ranking.places.map(FrozenPlace.init) != frozen.places {
                throw Refusal(
                    "report.not_the_frozen_ranking", .failed,
                    "The scores no longer give the frozen ranking of the \(edition.year) edition, so no report was written. `ecpa results verify --edition \(edition.year)` names the differences."
                )
            }
            return WinnersReport(
                results: results, explanation: Explanation(results: results), frozen: frozen,
                includeJurorScores: includeJurorScores, label: label,
                decision: try JuryDecision.loadIfReadable(edition: edition, db: db).flatMap { $0.record.isEmpty ? nil : $0 })
        }
    }

    /// The same report telling the jury's decision record without juror names or seats.
    public func withoutJurorNames() -> WinnersReport {
        WinnersReport(
            results: results, explanation: explanation, frozen: frozen, includeJurorScores: false, label: label,
            decision: decision?.withoutNames())
    }

    public var edition: Edition { results.scores.edition }
    public var scheme: ScoringScheme { results.scores.scheme }
    public var ranking: Ranking { results.ranking }

    public func countryName(_ entry: EntryID) -> String {
        results.scores.entry(entry).map { Country.named($0.country)?.name ?? $0.country.rawValue } ?? "?"
    }

    public func title(_ entry: EntryID) -> String { results.scores.entry(entry)?.form.title ?? "" }

    public var host: String {
        let country = Country.named(edition.hostCountry)?.name ?? edition.hostCountry.rawValue
        return edition.hostCity.isEmpty ? country : "\(edition.hostCity), \(country)"
    }

    public var dates: String {
        switch (edition.conferenceStart, edition.conferenceEnd) {
        case let (start?, end?) where start == end: return start.iso
        case let (start?, end?): return "\(start.iso) to \(end.iso)"
        case let (start?, nil): return start.iso
        default: return "not set"
        }
    }

    public var status: String {
        if let frozen { return "Frozen results; digest \(frozen.digest)." }
        return ranking.provisional ? "Provisional: the edition is not frozen and these results may change." : "Not frozen yet."
    }

    /// Each tie as the report tells it: once the results are frozen, a shared place is no longer
    /// flagged for a jury decision.
    public var tieSentences: [String] { ranking.ties.map { frozen == nil ? $0.sentence : $0.decidedSentence } }

    /// What the report says first, in plain words: the contested places (or that none is), and
    /// whether a single juror decides a medal (jurors named only in the report with their scores).
    public var summary: [String] {
        explanation.summary + (ranking.podium.isEmpty ? [] : [explanation.verdict(namingJurors: includeJurorScores)])
    }

    /// The summary in plain words for public pages, with the verdict on single jurors.
    public var plainSummary: [String] {
        explanation.plainSummary + (ranking.podium.isEmpty ? [] : [explanation.verdict(namingJurors: includeJurorScores)])
    }

    /// Each weight boundary in one sentence (weighted mean only).
    public var weightSentences: [String] { explanation.weights.map(explanation.weightSentence) }

    /// Each voting juror's severity effect (the report with jurors' scores only).
    public var severityRows: [[String]] {
        guard let severity = explanation.severity else { return [] }
        return results.scores.jurors.map { juror in
            [juror.roleName, severity.jurorEffects[juror.id].map(Explanation.signed) ?? "n/a"]
        }
    }

    /// What the deliberation changed, one sentence per entry whose scores were revised.
    public var deliberationLines: [String] {
        let scores = results.scores
        let changes = DeliberationChange.changes(
            scores.matrix, revisions: scores.revisions, revisedInMatrix: scheme.decision.ranksRevisedScores,
            method: scheme.method)
        return changes.map { change in
            let from = change.roundOne.map { fixed($0, places: 3) } ?? "none"
            let to = change.roundTwo.map { fixed($0, places: 3) } ?? "none"
            return
                "\(countryName(change.entry)): \(change.revisedScores) score\(change.revisedScores == 1 ? "" : "s") revised by \(change.jurors) juror\(change.jurors == 1 ? "" : "s"); its score went from \(from) in round 1 to \(to) in round 2."
        }
    }

    /// The jury's reasons for a medal, then its minority views, as sentences for the report, or
    /// nothing when the record has no part for it.
    public func reasonLines(_ medal: Medal) -> [String] {
        guard let decision, let part = decision.medals.first(where: { $0.medal == medal }) else { return [] }
        var lines: [String] = []
        if decision.anonymous {
            return [part.reasons ?? "The jury's reasons are not written yet."] + part.minority.map { "A minority view of a juror: \($0.text)" }
        }
        if let rapporteur = part.rapporteur {
            lines.append(
                part.reasons.map { "The jury's reasons (rapporteur \(rapporteur)): \($0)" }
                    ?? "The jury's reasons are not written yet (rapporteur \(rapporteur)).")
        }
        lines += part.minority.map { "Minority view of \($0.juror): \($0.text)" }
        return lines
    }

    /// Whether the decision record is signed, in one sentence, when there is a record.
    public var recordSentence: String? { decision?.statusSentence }

    /// How the medals were decided, in one sentence.
    public var decisionSentence: String {
        let decision = scheme.decision
        switch decision.decidedBy {
        case .scores where !decision.deliberation && !decision.ballot:
            return "The scores decided the medals; the edition declared no deliberation."
        case .scores:
            let beside = [decision.deliberation ? "the deliberation's revisions" : nil, decision.ballot ? "the final ballot" : nil]
                .compactMap { $0 }
            return "The round-1 scores decided the medals, as the edition declared; \(beside.joined(separator: " and ")) "
                + (beside.count == 1 ? "is" : "are") + " shown beside them."
        case .revisedScores:
            return "The scores as revised in the deliberation (round 2) decided the medals, as the edition declared."
        case .ballot:
            return "The jury's final ballot decided the order of its shortlist, counted by Schulze's method, as the edition declared; "
                + "the other entries keep their places by the \(decision.deliberation ? "revised scores" : "scores")."
        }
    }

    /// How the medals were decided, in plain words for the public: no method's name, no round.
    public var plainDecisionSentence: String {
        let decision = scheme.decision
        let rules = "as the rules the jury set before scoring said"
        switch decision.decidedBy {
        case .scores where !decision.deliberation && !decision.ballot:
            return "Each juror scored every entry on the award's criteria, and the scores decided the medals, \(rules)."
        case .scores:
            return "Each juror scored every entry on the award's criteria, and these first scores decided the medals, \(rules); "
                + "the jury's discussion afterwards is shown beside them."
        case .revisedScores:
            return "Each juror scored every entry on the award's criteria; after discussing the closest entries the jurors could revise "
                + "their scores, and the revised scores decided the medals, \(rules)."
        case .ballot:
            return "Each juror scored every entry on the award's criteria"
                + (decision.deliberation ? " and could revise their scores after the jury's discussion" : "")
                + "; then the jurors voted on the order of the leading entries in a final ballot, which decided their medals, \(rules)."
        }
    }

    /// The final ballot's count, in sentences: what was on the ballot, how many jurors voted, the
    /// order it gave and how each tie was handled; empty without a closed ballot one may read.
    public var ballotLines: [String] {
        guard let ballot = results.scores.ballot else { return [] }
        guard let count = ballot.count else {
            return ["The final ballot cannot be counted: " + ballot.problems.map(\.description).joined(separator: " ")]
        }
        let counted = count.jurors.count
        let order = count.order.map { tier in tier.map(countryName).joined(separator: " and ") }.joined(separator: ", then ")
        return [
            "The final ballot ranked \(count.shortlist.count) entries: \(count.shortlist.map(countryName).joined(separator: ", ")). "
                + "\(counted) voting juror\(counted == 1 ? "" : "s") cast a ballot; a juror in conflict with an entry left it unranked.",
            "Counted by Schulze (winning votes), the ballot's order is \(order).",
        ] + count.ties.map { $0.sentence(naming: countryName) }
    }

    /// The ballot's pairwise counts as rows, with the entries' names as the first column; the
    /// header is the same names.
    public var ballotCountRows: (header: [String], rows: [[String]])? {
        guard let count = results.scores.ballot?.count else { return nil }
        let names = count.shortlist.map(countryName)
        return (
            names, count.shortlist.indices.map { i in [names[i]] + count.shortlist.indices.map { j in i == j ? "" : String(count.counts[i][j]) } }
        )
    }

    /// The strongest paths between the ballot's entries, as `ballotCountRows`.
    public var ballotPathRows: (header: [String], rows: [[String]])? {
        guard let count = results.scores.ballot?.count else { return nil }
        let names = count.shortlist.map(countryName)
        return (
            names, count.shortlist.indices.map { i in [names[i]] + count.shortlist.indices.map { j in i == j ? "" : String(count.strongest[i][j]) } }
        )
    }

    public var coverageSentence: String {
        let missing = results.scores.matrix.missingCells().count
        let conflicts = results.scores.matrix.conflicts.count
        let abstentions = results.scores.matrix.abstentions.count
        return
            "\(results.scores.entries.count) entries, \(results.scores.jurors.count) voting jurors; \(conflicts) conflict\(conflicts == 1 ? "" : "s") (structurally missing, never zero), \(abstentions) abstention\(abstentions == 1 ? "" : "s"), \(missing) missing score\(missing == 1 ? "" : "s")."
    }

    public var jurorScoreRows: [[String]] {
        let matrix = results.scores.matrix
        return results.scores.entries.flatMap { entry in
            results.scores.jurors.map { juror in
                let coverage = matrix.coverage(entry: entry.id, juror: juror.id)
                let total = matrix.total(entry: entry.id, juror: juror.id).map { fixed($0, places: 3) } ?? coverage.rawValue
                return [String(entry.id.rawValue), entry.country.rawValue, juror.roleName, total]
            }
        }
    }
}
