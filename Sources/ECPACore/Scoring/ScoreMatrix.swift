import Foundation

/// Everything the ranking needs about an edition's scores (DESIGN section 4): the scheme, the
/// rankable entries, the voting jurors, the scores, and which pairs are in conflict or abstained.
/// The caller filters: `entries` are eligible, competing and not withdrawn; `jurors` vote
/// (advisory experts never count). Scores of anyone or anything else are ignored.
public struct ScoreMatrix: Hashable, Sendable {
    /// The edition's scoring scheme.
    public var scheme: ScoringScheme {
        didSet {
            // The cells hold one column per criterion code; new codes get their own columns, and
            // every value keeps its code.
            guard scheme.criteria.map(\.code) != cells.codes else { return }
            var rekeyed = ScoreCells(codes: scheme.criteria.map(\.code), entries: entries, jurors: jurors)
            cells.forEach { cell, value in rekeyed.set(value, cell: cell) }
            cells = rekeyed
        }
    }
    /// The entries to rank.
    public var entries: [EntryID]
    /// The voting jurors.
    public var jurors: [JurorID]
    /// The scores given, in millionths (see `ScoreCells`).
    var cells: ScoreCells
    /// Pairs in conflict: structurally missing, never zero; the entry's mean is over the others.
    public var conflicts: Set<EntryJurorPair>
    /// Pairs where the juror declared a non-vote: not missing, but not counted, like a conflict.
    public var abstentions: Set<EntryJurorPair>
    /// Names for the sentences of tie notes and stability reports, e.g. the country; "entry 12" otherwise.
    public var entryNames: [EntryID: String]
    /// Names of jurors for sentences; "juror 3" otherwise.
    public var jurorNames: [JurorID: String]

    /// Makes a matrix; `values` are set one by one.
    public init(
        scheme: ScoringScheme, entries: [EntryID], jurors: [JurorID], values: [ScoreCell: Decimal] = [:],
        conflicts: Set<EntryJurorPair> = [], abstentions: Set<EntryJurorPair> = [],
        entryNames: [EntryID: String] = [:], jurorNames: [JurorID: String] = [:]
    ) {
        self.scheme = scheme
        self.entries = entries
        self.jurors = jurors
        cells = ScoreCells(codes: scheme.criteria.map(\.code), entries: entries, jurors: jurors)
        for (cell, value) in values { cells.set(value, cell: cell) }
        self.conflicts = conflicts
        self.abstentions = abstentions
        self.entryNames = entryNames
        self.jurorNames = jurorNames
    }

    /// The entries once each, by id.
    var sortedEntries: [EntryID] { Array(Set(entries)).sorted() }

    /// The voting jurors once each, by id.
    var sortedJurors: [JurorID] { Array(Set(jurors)).sorted() }

    /// Sets one score, or removes it (nil).
    public mutating func set(_ value: Decimal?, entry: EntryID, juror: JurorID, criterion: String) {
        cells.set(value, cell: ScoreCell(entry: entry, juror: juror, criterion: criterion))
    }

    /// Sets one score from PostgreSQL's text for a `numeric` (such as `7.50`), for the criterion
    /// at `index` in the scheme; the fast way to fill a matrix from a query.
    public mutating func set(numericText text: UnsafeRawBufferPointer, entry: EntryID, juror: JurorID, criterionAt index: Int) {
        guard scheme.criteria.indices.contains(index) else { return }
        let pair = EntryJurorPair(entry: entry, juror: juror)
        if let units = Millionths.parse(text), cells.column(of: scheme.criteria[index].code) == index {
            cells.set(units: units, pair: pair, column: index)
        } else {
            let written = String(decoding: text, as: UTF8.self)
            let value = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal.nan
            cells.set(value, cell: ScoreCell(entry: entry, juror: juror, criterion: scheme.criteria[index].code))
        }
    }

    /// A score, nil when there is none.
    public func value(entry: EntryID, juror: JurorID, criterion: String) -> Decimal? {
        cells.value(ScoreCell(entry: entry, juror: juror, criterion: criterion))
    }

    /// How many scores the matrix holds, of anyone and anything.
    public var scoreCount: Int { cells.count }

    /// Every score the matrix holds, in no particular order.
    public func forEachScore(_ body: (ScoreCell, Decimal) -> Void) {
        cells.forEach(body)
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
        let columns = scheme.criteria.map { cells.column(of: $0.code) }
        var missing: [ScoreCell] = []
        for entry in sortedEntries {
            for juror in sortedJurors where isRequired(entry: entry, juror: juror) {
                let start = cells.rowStart(EntryJurorPair(entry: entry, juror: juror))
                for (criterion, column) in zip(scheme.criteria, columns) {
                    if let start, let column, cells.unit(at: start + column) != ScoreCells.absent { continue }
                    let cell = ScoreCell(entry: entry, juror: juror, criterion: criterion.code)
                    if !cells.contains(cell) { missing.append(cell) }
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
        let given = scheme.criteria.filter { cells.contains(ScoreCell(entry: entry, juror: juror, criterion: $0.code)) }.count
        if given == scheme.criteria.count { return .scored }
        return given == 0 ? .missing : .partial
    }

    /// Scoring rule: a juror's total for an entry is the weighted mean of their criterion scores,
    /// sum(weight x score) / sum(weight), on the scheme's scale; nil unless the pair is required
    /// and every criterion is scored.
    public func total(entry: EntryID, juror: JurorID) -> Decimal? {
        guard let sum = weightedUnits(entry: entry, juror: juror), let weight = scheme.weightUnits, weight > 0 else { return nil }
        return ExactRatio(sum, over: weight * Int128(Millionths.perUnit)).value
    }

    /// sum(weight x score) for a required, complete pair, in millionths of millionths (weights and
    /// scores each in millionths), as the ranking sums it; nil otherwise.
    func weightedUnits(entry: EntryID, juror: JurorID) -> Int128? {
        guard isRequired(entry: entry, juror: juror), !scheme.criteria.isEmpty,
            let start = cells.rowStart(EntryJurorPair(entry: entry, juror: juror))
        else { return nil }
        var sum: Int128 = 0
        for criterion in scheme.criteria {
            guard let column = cells.column(of: criterion.code), let weight = Millionths.of(criterion.weight) else { return nil }
            let units = cells.unit(at: start + column)
            guard units != ScoreCells.absent else { return nil }
            sum += Int128(weight) * Int128(units)
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
