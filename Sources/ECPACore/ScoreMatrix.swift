import Foundation

/// Everything the ranking needs about an edition's scores (DESIGN section 4): the scheme, the
/// rankable entries, the voting jurors, the scores, and which pairs are in conflict or abstained.
/// The caller filters: `entries` are eligible, competing and not withdrawn; `jurors` vote
/// (advisory experts never count). Scores of anyone or anything else are ignored.
public struct ScoreMatrix: Hashable, Sendable {
    /// The edition's scoring scheme.
    public var scheme: ScoringScheme
    /// The entries to rank.
    public var entries: [EntryID]
    /// The voting jurors.
    public var jurors: [JurorID]
    /// The scores given.
    public var values: [ScoreCell: Decimal]
    /// Pairs in conflict: structurally missing, never zero; the entry's mean is over the others.
    public var conflicts: Set<EntryJurorPair>
    /// Pairs where the juror declared a non-vote: not missing, but not counted, like a conflict.
    public var abstentions: Set<EntryJurorPair>
    /// Names for the sentences of tie notes and stability reports, e.g. the country; "entry 12" otherwise.
    public var entryNames: [EntryID: String]
    /// Names of jurors for sentences; "juror 3" otherwise.
    public var jurorNames: [JurorID: String]

    /// Makes a matrix.
    public init(scheme: ScoringScheme, entries: [EntryID], jurors: [JurorID], values: [ScoreCell: Decimal] = [:],
                conflicts: Set<EntryJurorPair> = [], abstentions: Set<EntryJurorPair> = [],
                entryNames: [EntryID: String] = [:], jurorNames: [JurorID: String] = [:]) {
        self.scheme = scheme
        self.entries = entries
        self.jurors = jurors
        self.values = values
        self.conflicts = conflicts
        self.abstentions = abstentions
        self.entryNames = entryNames
        self.jurorNames = jurorNames
    }

    /// The entries once each, by id.
    var sortedEntries: [EntryID] { Array(Set(entries)).sorted() }

    /// The voting jurors once each, by id.
    var sortedJurors: [JurorID] { Array(Set(jurors)).sorted() }

    /// Sets one score.
    public mutating func set(_ value: Decimal, entry: EntryID, juror: JurorID, criterion: String) {
        values[ScoreCell(entry: entry, juror: juror, criterion: criterion)] = value
    }

    /// Whether the juror's scores for the entry are expected: a voting juror, neither in conflict nor abstaining.
    public func isRequired(entry: EntryID, juror: JurorID) -> Bool {
        let pair = EntryJurorPair(entry: entry, juror: juror)
        return !conflicts.contains(pair) && !abstentions.contains(pair)
    }

    /// Ranking rule: every voting juror scores every criterion of every entry, except pairs in
    /// conflict or abstained. The cells still without a score, by entry, juror and the scheme's
    /// criterion order.
    public func missingCells() -> [ScoreCell] {
        var missing: [ScoreCell] = []
        for entry in sortedEntries {
            for juror in sortedJurors where isRequired(entry: entry, juror: juror) {
                for criterion in scheme.criteria {
                    let cell = ScoreCell(entry: entry, juror: juror, criterion: criterion.code)
                    if values[cell] == nil { missing.append(cell) }
                }
            }
        }
        return missing
    }

    /// The coverage of one pair: scored, partial, missing, conflict or abstained.
    public func coverage(entry: EntryID, juror: JurorID) -> CellCoverage {
        let pair = EntryJurorPair(entry: entry, juror: juror)
        if conflicts.contains(pair) { return .conflict }
        if abstentions.contains(pair) { return .abstained }
        let given = scheme.criteria.filter { values[ScoreCell(entry: entry, juror: juror, criterion: $0.code)] != nil }.count
        if given == scheme.criteria.count { return .scored }
        return given == 0 ? .missing : .partial
    }

    /// Scoring rule: a juror's total for an entry is the weighted mean of their criterion scores,
    /// sum(weight x score) / sum(weight), on the scheme's scale; nil unless the pair is required
    /// and every criterion is scored.
    public func total(entry: EntryID, juror: JurorID) -> Decimal? {
        guard let sum = weightedSum(entry: entry, juror: juror), scheme.totalWeight > 0 else { return nil }
        return sum / scheme.totalWeight
    }

    /// sum(weight x score) for a required, complete pair: the total's exact numerator.
    func weightedSum(entry: EntryID, juror: JurorID) -> Decimal? {
        guard isRequired(entry: entry, juror: juror), !scheme.criteria.isEmpty else { return nil }
        var sum = Decimal(0)
        for criterion in scheme.criteria {
            guard let value = values[ScoreCell(entry: entry, juror: juror, criterion: criterion.code)] else { return nil }
            sum += criterion.weight * value
        }
        return sum
    }

    /// The entry's name for sentences.
    public func name(of entry: EntryID) -> String {
        entryNames[entry] ?? "entry \(entry)"
    }

    /// The juror's name for sentences.
    public func name(of juror: JurorID) -> String {
        jurorNames[juror] ?? "juror \(juror)"
    }
}
