import Foundation

/// Ranks the entries of a score matrix (DESIGN section 4): juror totals become entry scores by
/// the method, entries are ordered by score, ties are settled by the scheme's cascade, places
/// follow competition ranking (1, 2, 2, 4), the jury's overrides are applied and medals follow
/// the final places. Throws `RankingError.missingCells` while required cells are missing, unless
/// provisional; a provisional ranking scores each entry over the jurors who completed it.
public func rank(_ matrix: ScoreMatrix, options: RankingOptions = RankingOptions()) throws -> Ranking {
    try RankingEngine(matrix: matrix).ranking(options: options)
}

/// The scores of one matrix, checked and summed once, then ranked by any method, with any one
/// voting juror left out. Every juror's total for every entry is kept exactly, as a whole number
/// of millionths of millionths (weights and scores are each in millionths), in one flat array
/// of entries x jurors, so that a million scores rank in a fraction of a second.
struct RankingEngine {
    let matrix: ScoreMatrix
    let scheme: ScoringScheme
    /// The voting jurors once each, by id.
    let jurors: [JurorID]
    /// The entries once each, by id.
    let entries: [EntryID]
    /// Required cells still without a score, by entry, juror and criterion.
    let missing: [ScoreCell]
    /// The total weight in millionths.
    let totalWeight: Int128
    /// sum(weight x score) per entry (row) and juror (column), where `countingPairs` says the pair counts.
    let sums: [Int128]
    /// Whether a pair counts: the juror votes, is neither in conflict nor abstaining, and scored every criterion.
    let countingPairs: [Bool]
    /// Per entry (row) and criterion (column): the sum of the counting jurors' scores, in millionths.
    let criterionSums: [Int128]
    /// The position of each entry in `entries`.
    let entryIndex: [EntryID: Int]
    /// The juror left out, by position in `jurors`, for leave-one-juror-out.
    private(set) var leftOut: Int?
    /// Entries with at least one counting total, by id.
    private(set) var scored: [EntryID] = []
    /// The same entries by position in `entries`.
    private(set) var scoredRows: [Int] = []
    /// Entries with none (provisional only), by id.
    private(set) var unscored: [EntryID] = []
    /// Each juror's ranks of the entries they scored, which leaving out another juror does not change.
    let jurorRanks = JurorRanks()

    init(matrix: ScoreMatrix) throws {
        let schemeProblems = matrix.scheme.problems
        guard schemeProblems.isEmpty else { throw RankingError.invalidScheme(schemeProblems) }
        self.matrix = matrix
        scheme = matrix.scheme
        jurors = matrix.sortedJurors
        entries = matrix.sortedEntries
        entryIndex = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1, $0) })
        let criteria = scheme.criteria
        // A usable scheme fits in millionths (ScoringScheme.problems).
        let weights = criteria.map { Int128(Millionths.of($0.weight) ?? 0) }
        let scales = criteria.map { Criterion.Scale($0) }
        let columns = criteria.map { matrix.cells.column(of: $0.code) }
        totalWeight = weights.reduce(0, +)
        var sums = [Int128](repeating: 0, count: entries.count * jurors.count)
        var counts = [Bool](repeating: false, count: entries.count * jurors.count)
        var criterionSums = [Int128](repeating: 0, count: entries.count * criteria.count)
        var given = [Int64](repeating: 0, count: criteria.count)
        var invalid: [String] = []
        var missing: [ScoreCell] = []
        for (e, entry) in entries.enumerated() {
            for (j, juror) in jurors.enumerated() where matrix.isRequired(entry: entry, juror: juror) {
                let start = matrix.cells.rowStart(EntryJurorPair(entry: entry, juror: juror))
                var sum: Int128 = 0
                var complete = true
                for (c, criterion) in criteria.enumerated() {
                    let units = start.flatMap { start in columns[c].map { matrix.cells.unit(at: start + $0) } } ?? ScoreCells.absent
                    let cell = ScoreCell(entry: entry, juror: juror, criterion: criterion.code)
                    if units != ScoreCells.absent {
                        if scales[c]?.contains(units) == true {
                            sum += weights[c] * Int128(units)
                            given[c] = units
                            continue
                        }
                        invalid.append(RankingEngine.offScale(Millionths.decimal(units), criterion, cell, matrix))
                    } else if let value = matrix.cells.irregular[cell] {
                        invalid.append(RankingEngine.offScale(value, criterion, cell, matrix))
                    } else {
                        missing.append(cell)
                    }
                    complete = false
                }
                if complete, !criteria.isEmpty {
                    sums[e * jurors.count + j] = sum
                    counts[e * jurors.count + j] = true
                    for c in criteria.indices { criterionSums[e * criteria.count + c] += Int128(given[c]) }
                }
            }
        }
        guard invalid.isEmpty else { throw RankingError.invalidScores(invalid) }
        self.sums = sums
        countingPairs = counts
        self.criterionSums = criterionSums
        self.missing = missing
        sortScored()
    }

    private static func offScale(_ value: Decimal, _ criterion: Criterion, _ cell: ScoreCell, _ matrix: ScoreMatrix) -> String {
        "The score of \(matrix.name(of: cell.juror)) for \(matrix.name(of: cell.entry)): "
            + (criterion.problem(with: value) ?? "\(value) is not allowed for \(criterion.name).")
    }

    /// The same scores without one voting juror, as if they had never been on the jury.
    func leaving(out juror: JurorID) -> RankingEngine {
        var engine = self
        engine.leftOut = jurors.firstIndex(of: juror)
        engine.sortScored()
        return engine
    }

    private mutating func sortScored() {
        scored = []
        scoredRows = []
        unscored = []
        for (e, entry) in entries.enumerated() {
            if countingJurorCount(e) > 0 {
                scored.append(entry)
                scoredRows.append(e)
            } else {
                unscored.append(entry)
            }
        }
    }

    /// Whether the juror at position `j` counts for the entry at position `e`.
    @inline(__always)
    func counts(_ e: Int, _ j: Int) -> Bool {
        j != leftOut && countingPairs[e * jurors.count + j]
    }

    /// The total of the juror at `j` for the entry at `e`, times the total weight, in millionths of millionths; nil unless it counts.
    @inline(__always)
    func sum(_ e: Int, _ j: Int) -> Int128? {
        counts(e, j) ? sums[e * jurors.count + j] : nil
    }

    /// How many jurors count for the entry at `e`.
    func countingJurorCount(_ e: Int) -> Int {
        var count = 0
        for j in jurors.indices where counts(e, j) { count += 1 }
        return count
    }

    /// The positions of the jurors who count for an entry.
    func countingJurors(_ entry: EntryID) -> [Int] {
        guard let e = entryIndex[entry] else { return [] }
        return jurors.indices.filter { counts(e, $0) }
    }

    /// The whole ranking: scores, cascade, places, overrides, medals. With `podiumOnly`, the
    /// places after the podium and the ties that do not touch it are left out (for the extras,
    /// which compare podiums).
    func ranking(options: RankingOptions, podiumOnly: Bool = false) throws -> Ranking {
        if !options.provisional {
            if !missing.isEmpty { throw RankingError.missingCells(missing) }
            if !unscored.isEmpty { throw RankingError.noCountingJurors(unscored) }
        }
        let scores = scores(options.method)
        // Entries are by id, so a position breaks a tie of scores as the id does.
        let ordered = scoredRows.sorted { a, b in scores[a] == scores[b] ? a < b : scores[a] > scores[b] }
        var blocks: [[EntryID]] = []
        var records: [TieRecord] = []
        var scoreOf: [EntryID: ExactRatio] = [:]
        var start = 0
        while start < ordered.count, !podiumOnly || start < Medal.allCases.count || !options.overrides.isEmpty {
            let score = scores[ordered[start]]
            var end = start + 1
            while end < ordered.count, scores[ordered[end]] == score { end += 1 }
            let group = ordered[start..<end].map { entries[$0] }
            // Equal scores print equal, whatever terms their ratios were computed with.
            for entry in group { scoreOf[entry] = score }
            let (settled, notes) = settle(group, from: 0, facts: [], score: score)
            blocks += settled
            records += notes
            start = end
        }
        var computed: [EntryID: (place: Int, shared: Bool)] = [:]
        var position = 1
        for block in blocks {
            for entry in block { computed[entry] = (position, block.count > 1) }
            position += block.count
        }
        if let ballot = options.ballotOrder { blocks = Self.reorder(blocks, by: ballot) }
        let final = try applyOverrides(options.overrides, to: blocks)
        var places: [RankedEntry] = []
        for line in final where !podiumOnly || Medal(place: line.place) != nil {
            places.append(
                RankedEntry(
                    entry: line.entry, place: line.place, score: scoreOf[line.entry]?.value ?? 0, medal: Medal(place: line.place),
                    sharedPlace: line.shared, jurorCount: entryIndex[line.entry].map(countingJurorCount) ?? 0,
                    overridden: line.override, computedPlace: computed[line.entry]?.place ?? line.place))
        }
        let ties = podiumOnly ? [] : records.map { note(for: $0, places: computed, final: final) }
        return Ranking(
            method: options.method, places: places, ties: ties, overrides: options.overrides,
            provisional: options.provisional, unscored: unscored, missingCells: options.provisional ? missing : [])
    }
}

/// Each voting juror's ranks of the entries they scored, computed once per juror and shared by
/// an engine and the engines that leave out another juror.
final class JurorRanks: @unchecked Sendable {
    private var ranks: [Int: [(entry: Int, doubledRank: Int)]] = [:]
    private let lock = NSLock()

    /// The juror's ranks (doubled, so that shared ranks stay whole) of the entries they scored, by entry position.
    func of(_ j: Int, in engine: RankingEngine) -> [(entry: Int, doubledRank: Int)] {
        lock.lock()
        defer { lock.unlock() }
        if let known = ranks[j] { return known }
        let mine = engine.entries.indices.compactMap { e in engine.countingPairs[e * engine.jurors.count + j] ? e : nil }
        let doubled = Statistics.doubledRanks(mine.map { engine.sums[$0 * engine.jurors.count + j] })
        let result = Array(zip(mine, doubled)).map { (entry: $0.0, doubledRank: $0.1) }
        ranks[j] = result
        return result
    }
}
