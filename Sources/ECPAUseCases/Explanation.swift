import Foundation
import ECPACore
import ECPAStore
import LibPQ

/// `results explain`: how sure the podium is. The podium under every method (the four scoring
/// methods, Copeland, Schulze and the severity-corrected scores), each medal's chance and rank
/// interval over resamples of the jurors, each juror's severity, how far the weights would have to
/// move to change a medal, the contested places, what leaving out each voting juror in turn
/// changes, how much the jurors agree and how each juror's order follows the consensus; all under
/// the settings the edition declared when scoring opened. Each is computed once, when the
/// explanation is made, and the same scores and settings always give the same figures.
public struct Explanation: Sendable {
    public let results: Results
    /// The podium each method gives, in the order of `RankingMethod.allCases`.
    public let podiums: [(method: RankingMethod, podium: [RankedEntry])]
    /// One line per voting juror: what leaving them out changes.
    public let influences: [JurorInfluence]
    public let agreement: Agreement
    /// Each juror's Spearman correlation with the consensus; nil with fewer than three entries.
    public let correlations: [JurorID: Double?]
    /// The settings the figures follow: the scheme's, which are the declared ones once scoring opened.
    public let settings: AnalysisSettings
    /// Each entry's chances and rank interval over resamples of the jurors; nil when nothing is scored.
    public let uncertainty: RankUncertainty?
    /// The severity-corrected fit; nil when nothing is scored.
    public let severity: SeverityFit?
    /// Copeland and Schulze among the leading entries.
    public let condorcet: CondorcetViews
    /// For the boundaries after gold, silver and bronze, the smallest change of the weights that
    /// would move an entry across (weighted-mean only; empty otherwise).
    public let weights: [WeightBoundary]
    /// The contested medal places, gold first.
    public let contested: [ContestedPlace]

    public init(results: Results) {
        self.init(results: results, extras: IntegrityExtras(results.scores.matrix))
    }

    /// Explains results with extras prepared from the same scores.
    init(results: Results, extras: IntegrityExtras) {
        self.results = results
        let byMethod = extras.podiumByMethod()
        podiums = RankingMethod.allCases.map { ($0, byMethod[$0] ?? []) }
        let scheme = results.scores.scheme
        influences = extras.leaveOneJurorOut(method: scheme.method)
        agreement = extras.kendallsW()
        correlations = extras.spearman()
        settings = scheme.analysis
        uncertainty = extras.rankUncertainty(
            method: scheme.method, resamples: settings.resamples, seed: settings.generatorSeed,
            level: settings.level)
        severity = extras.severityFit()
        condorcet = extras.condorcetViews(ranked: results.ranking.places.map { ($0.entry, $0.place) })
        weights = scheme.method == .weightedMean ? extras.weightSensitivity() : []
        let names = results.scores.matrix
        contested = contestedPlaces(
            results.ranking, uncertainty: uncertainty, weights: weights, thresholds: settings.thresholds, name: { names.name(of: $0) })
    }

    /// Explains an edition: ranked provisionally while scores are missing.
    public static func load(edition: Edition, db: Connection) throws -> Explanation {
        try db.consistentRead { db in
            let source = try RecordSource.forCurrentRole(edition: edition, db: db)
            let scores = try EditionScores.load(edition: edition, db: db, source: source)
            let overrides = try ResultsRepository(db).fetchOverrides(edition: edition.id, source: source)
            let complete = scores.matrix.missingCells().isEmpty
            let extras = IntegrityExtras(scores.matrix)
            let results = try Results.ranked(scores, overrides: overrides, method: nil, provisional: !complete, extras: extras)
            return Explanation(results: results, extras: extras)
        }
    }

    /// A podium as one line: `gold FI, silver LT, bronze HU`.
    public func podiumText(_ places: [RankedEntry]) -> String {
        places.filter { $0.medal != nil }.map { place in
            "\(place.medal?.rawValue ?? "") \(results.scores.entry(place.entry)?.country.rawValue ?? "?")"
        }.joined(separator: ", ")
    }

    /// Each method with its podium as one line.
    public var methodLines: [(RankingMethod, String)] { podiums.map { ($0.method, podiumText($0.podium)) } }

    /// A podium in tiers as one line: `gold FI, silver LT, bronze HU` (a shared place repeats its medal).
    public func podiumText(tiers: [[EntryID]]) -> String {
        Medal.tiers(tiers).flatMap { tier in
            tier.entries.map { "\(tier.medal.rawValue) \(results.scores.entry($0)?.country.rawValue ?? "?")" }
        }.joined(separator: ", ")
    }

    /// Every view of the podium as (name, podium): the four scoring methods, then Copeland, Schulze
    /// and the severity-corrected scores.
    public var viewLines: [(String, String)] {
        var lines = methodLines.map { ($0.0.rawValue, $0.1) }
        lines.append(("copeland", podiumText(tiers: condorcet.copeland)))
        lines.append(("schulze", podiumText(tiers: condorcet.schulze)))
        if let severity { lines.append(("severity-corrected", podiumText(tiers: severity.tiers))) }
        return lines
    }

    /// What the views compare, when the Condorcet ones leave entries out.
    public var condorcetNote: String? {
        condorcet.shortlisted
            ? "Copeland and Schulze compare the first \(condorcet.among.count) entries of the \(results.ranking.method.rawValue) ranking (the pairwise count grows with the square of the entries)."
            : nil
    }

    /// The plain-language summary that comes first (the public report prints it too): which medals
    /// are contested and why, or that none is.
    public var summary: [String] {
        guard !results.ranking.podium.isEmpty else { return ["No entry has a medal yet."] }
        if contested.isEmpty {
            let keep = "\(settings.keepChance * 100)%"
            var sentence =
                "No medal is contested: each holder keeps its medal in at least \(keep) of \(settings.resamples.grouped) resamples of the jurors"
            if uncertainty?.exact == true {
                sentence = "No medal is contested: each holder keeps its medal in at least \(keep) of all possible draws of the jurors"
            }
            sentence += ", no rank interval reaches past its medal"
            if results.ranking.method == .weightedMean {
                sentence += ", no change of the weights under \(settings.weightRadius * 100)% moves it"
            }
            return [sentence + ", and no place is shared."]
        }
        let limit = Explanation.summaryLimit
        guard contested.count > limit else { return contested.map(\.sentence) }
        let more = contested.count - (limit - 1)
        return contested.prefix(limit - 1).map(\.sentence)
            + ["\(more) more medal places are contested, most of them shared; the ranking lists them all."]
    }

    /// The summary in plain words, for public pages: whether the podium is clear or which medals
    /// were close, without the statistics' terms (the pages give those in a section to open).
    public var plainSummary: [String] {
        guard !results.ranking.podium.isEmpty else { return ["No entry has a medal yet."] }
        guard !contested.isEmpty else {
            let weights = results.ranking.method == .weightedMean ? ", or had the criteria weighed a little differently" : ""
            return [
                "The podium is clear: had another mix of the jurors scored\(weights), the same entries would very likely have won the same medals, and no medal place is shared."
            ]
        }
        let places = contested.count == 1 ? "One medal place was" : "\(contested.count) medal places were"
        return [
            "\(places) close: a slightly different jury or shared scores could have changed it. The jury's decision settled it; the figures below say why it was close."
        ]
    }

    /// The most sentences the summary gives contested places (an edition with a long shared place
    /// would otherwise fill a page).
    public static let summaryLimit = 6

    /// Each entry's uncertainty line, best place first (by the ranking).
    public var uncertaintyLines: [RankUncertainty.Line] {
        guard let uncertainty else { return [] }
        let byEntry = Dictionary(uncertainty.lines.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
        return results.ranking.places.compactMap { byEntry[$0.entry] }
    }

    /// A weight boundary in one sentence, e.g. "Between silver and bronze: changing every weight by
    /// 4.2% (raising innovation; lowering evaluation) would swap Lithuania and Hungary."
    public func weightSentence(_ boundary: WeightBoundary) -> String {
        let names = results.scores.matrix
        let between = Explanation.boundaryNames[Swift.min(boundary.place, 3) - 1]
        let pair = "\(names.name(of: boundary.above)) and \(names.name(of: boundary.below))"
        guard let radius = boundary.radius else {
            return "\(between): no change of the weights that keeps them positive would move an entry across."
        }
        if radius == 0 { return "\(between): \(pair) are tied." }
        var drivers: [String] = []
        if !boundary.raise.isEmpty { drivers.append("raising " + boundary.raise.joined(separator: ", ")) }
        if !boundary.lower.isEmpty { drivers.append("lowering " + boundary.lower.joined(separator: ", ")) }
        let how = drivers.isEmpty ? "" : " (" + drivers.joined(separator: "; ") + ")"
        return "\(between): changing every weight by \(percent(radius))\(how) would swap \(pair)."
    }

    static let boundaryNames = ["Between gold and silver", "Between silver and bronze", "Between bronze and fourth place"]

    /// The declaration in one line, or why there is none yet.
    public var declarationLine: String { declarationLine(namingCommand: true) }

    /// The declaration in one line; public pages leave out the command that prints it.
    public func declarationLine(namingCommand: Bool) -> String {
        guard let declaration = results.scores.declaration else {
            return "Not declared yet: the scheme and these settings are sealed when scoring opens, and may change until then."
        }
        let late = declaration.recordedLate ? " (recorded when ecpa was upgraded, after scoring had opened)" : ""
        return
            "Declared when scoring opened, \(LocalTime.format(declaration.declaredAt, in: .gmt))\(late): sha256 \(declaration.hash)"
            + (namingCommand ? " (`ecpa scheme show --declared` prints it)." : ".")
    }

    /// A signed number of points, e.g. +0.078 or -0.047.
    public static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + fixed(value, places: 3)
    }

    /// The entries in contention for a contested medal: each contested place's holder, the entry a
    /// small weight change would swap it with, and every entry that won that medal in some
    /// resample; by id. What a deliberation discusses by default.
    public var contestedEntries: [EntryID] {
        var entries = Set<EntryID>()
        let lines = uncertainty?.lines ?? []
        for place in contested {
            entries.insert(place.holder)
            for reason in place.reasons {
                if case .weights(_, let other) = reason { entries.insert(other) }
            }
            if let index = Medal.allCases.firstIndex(of: place.medal) {
                for line in lines where line.placeChances[index] > 0 { entries.insert(line.entry) }
            }
        }
        return entries.sorted()
    }

    /// The entries that hold a medal or won one in some resample, in ranking order.
    public var certaintyEntries: [EntryID] {
        let places = Dictionary(results.ranking.places.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
        return uncertaintyLines.filter { $0.medalChance > 0 || places[$0.entry]?.medal != nil }.map(\.entry)
    }

    /// The columns of `certaintyRows` after the place and the entry.
    public static let certaintyColumns = ["GOLD", "SILVER", "BRONZE", "ANY MEDAL", "RANK INTERVAL"]

    /// How sure each place is, one row per entry that holds a medal or won one in some resample:
    /// place, entry, its chance of each medal and of any, and its rank interval.
    public var certaintyRows: [[String]] {
        let places = Dictionary(results.ranking.places.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = Set(certaintyEntries)
        return uncertaintyLines.filter { shown.contains($0.entry) }.map { line in
            [
                places[line.entry].map { String($0.place) } ?? "", results.scores.matrix.name(of: line.entry),
                percent(line.placeChances[0]), percent(line.placeChances[1]), percent(line.placeChances[2]),
                percent(line.medalChance), "\(rankText(line.lowRank)) to \(rankText(line.highRank))",
            ]
        }
    }

    /// One line on how the resamples were drawn.
    public var uncertaintyMethod: String {
        guard let uncertainty else { return "No resamples: nothing is scored yet." }
        let level = Int((uncertainty.level * 100).rounded())
        if uncertainty.exact {
            return
                "Every one of the \(uncertainty.resamples.grouped) possible draws of the \(results.scores.jurors.count) voting jurors (with replacement) was ranked once; rank intervals hold the central \(level)% of ranks."
        }
        return
            "\(uncertainty.resamples.grouped) resamples of the \(results.scores.jurors.count) voting jurors (with replacement), seed \(settings.seed); rank intervals hold the central \(level)% of ranks."
    }

    /// Whether any single voting juror decides a medal; the public report does not name them.
    public func verdict(namingJurors: Bool) -> String {
        let changing = influences.filter(\.changesPodium)
        if changing.isEmpty { return "Robust: leaving out any single voting juror changes no medal." }
        if !namingJurors {
            let count = changing.count
            return
                "Sensitive: leaving out \(count == 1 ? "one" : String(count)) of the \(influences.count) voting jurors (one at a time) changes a medal."
        }
        return "Sensitive: leaving out \(changing.map { results.scores.matrix.name(of: $0.juror) }.joined(separator: ", ")) changes a medal."
    }
}
