import ECPACore
import ECPAStore
import LibPQ

/// `results explain`: how sure the podium is. The podium under every method, what leaving out
/// each voting juror in turn changes, how much the jurors agree and how each juror's order follows
/// the consensus. Each is computed once, when the explanation is made.
public struct Explanation: Sendable {
    public let results: Results
    /// The podium each method gives, in the order of `RankingMethod.allCases`.
    public let podiums: [(method: RankingMethod, podium: [RankedEntry])]
    /// One line per voting juror: what leaving them out changes.
    public let influences: [JurorInfluence]
    public let agreement: Agreement
    /// Each juror's Spearman correlation with the consensus; nil with fewer than three entries.
    public let correlations: [JurorID: Double?]

    public init(results: Results) {
        self.init(results: results, extras: IntegrityExtras(results.scores.matrix))
    }

    /// Explains results with extras prepared from the same scores.
    init(results: Results, extras: IntegrityExtras) {
        self.results = results
        let byMethod = extras.podiumByMethod()
        podiums = RankingMethod.allCases.map { ($0, byMethod[$0] ?? []) }
        influences = extras.leaveOneJurorOut(method: results.scores.scheme.method)
        agreement = extras.kendallsW()
        correlations = extras.spearman()
    }

    /// Explains an edition: ranked provisionally while scores are missing.
    public static func load(edition: Edition, db: Connection) throws -> Explanation {
        try db.consistentRead { db in
            let scores = try EditionScores.load(edition: edition, db: db)
            let overrides = try ResultsRepository(db).fetchOverrides(edition: edition.id)
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
