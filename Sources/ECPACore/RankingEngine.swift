import Foundation

/// Ranks the entries of a score matrix (DESIGN section 4): juror totals become entry scores by
/// the method, entries are ordered by score, ties are settled by the scheme's cascade, places
/// follow competition ranking (1, 2, 2, 4), the jury's overrides are applied and medals follow
/// the final places. Throws `RankingError.missingCells` while required cells are missing, unless
/// provisional; a provisional ranking scores each entry over the jurors who completed it.
public func rank(_ matrix: ScoreMatrix, options: RankingOptions = RankingOptions()) throws -> Ranking {
    let engine = try RankingEngine(matrix: matrix, provisional: options.provisional)
    return try engine.ranking(options: options)
}

/// The scores of one matrix, checked and prepared once, ranked by any method.
struct RankingEngine {
    let matrix: ScoreMatrix
    let scheme: ScoringScheme
    /// The voting jurors, by id.
    let jurors: [JurorID]
    /// Entries with at least one counting total, by id.
    let scored: [EntryID]
    /// Entries with none (provisional only), by id.
    let unscored: [EntryID]
    let missing: [ScoreCell]
    /// sum(weight x score) for every counting entry and juror: the juror's total times the total weight.
    let sums: [EntryID: [JurorID: Decimal]]

    init(matrix: ScoreMatrix, provisional: Bool) throws {
        let schemeProblems = matrix.scheme.problems
        guard schemeProblems.isEmpty else { throw RankingError.invalidScheme(schemeProblems) }
        self.matrix = matrix
        scheme = matrix.scheme
        jurors = matrix.sortedJurors
        var invalid: [String] = []
        for entry in matrix.sortedEntries {
            for juror in jurors where matrix.isRequired(entry: entry, juror: juror) {
                for criterion in scheme.criteria {
                    let cell = ScoreCell(entry: entry, juror: juror, criterion: criterion.code)
                    if let value = matrix.values[cell], let problem = criterion.problem(with: value) {
                        invalid.append("The score of \(matrix.name(of: juror)) for \(matrix.name(of: entry)): \(problem)")
                    }
                }
            }
        }
        guard invalid.isEmpty else { throw RankingError.invalidScores(invalid) }
        missing = matrix.missingCells()
        if !provisional, !missing.isEmpty { throw RankingError.missingCells(missing) }
        var sums: [EntryID: [JurorID: Decimal]] = [:]
        var scored: [EntryID] = []
        var unscored: [EntryID] = []
        for entry in matrix.sortedEntries {
            var row: [JurorID: Decimal] = [:]
            for juror in jurors {
                if let sum = matrix.weightedSum(entry: entry, juror: juror) { row[juror] = sum }
            }
            if row.isEmpty {
                unscored.append(entry)
            } else {
                scored.append(entry)
                sums[entry] = row
            }
        }
        if !provisional, !unscored.isEmpty { throw RankingError.noCountingJurors(unscored) }
        self.sums = sums
        self.scored = scored
        self.unscored = unscored
    }

    /// The jurors whose totals count for an entry, by id.
    func countingJurors(_ entry: EntryID) -> [JurorID] {
        (sums[entry] ?? [:]).keys.sorted()
    }

    /// The whole ranking: scores, cascade, places, overrides, medals.
    func ranking(options: RankingOptions) throws -> Ranking {
        let scores = scores(options.method)
        let ordered = scored.sorted { a, b in
            let (x, y) = (scores[a] ?? ExactRatio(0), scores[b] ?? ExactRatio(0))
            return x == y ? a < b : x > y
        }
        var blocks: [[EntryID]] = []
        var records: [TieRecord] = []
        var shown: [EntryID: Decimal] = [:]
        var start = 0
        while start < ordered.count {
            let score = scores[ordered[start]] ?? ExactRatio(0)
            var end = start + 1
            while end < ordered.count, scores[ordered[end]] == score { end += 1 }
            let group = Array(ordered[start..<end])
            // Equal scores print equal, whatever terms their ratios were computed with.
            for entry in group { shown[entry] = score.value }
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
        let final = try applyOverrides(options.overrides, to: blocks)
        let places = final.map { line -> RankedEntry in
            RankedEntry(entry: line.entry, place: line.place, score: shown[line.entry] ?? 0, medal: Medal(place: line.place),
                        sharedPlace: line.shared, jurorCount: sums[line.entry]?.count ?? 0,
                        overridden: line.override, computedPlace: computed[line.entry]?.place ?? line.place)
        }
        let ties = records.map { note(for: $0, places: computed) }
        return Ranking(method: options.method, places: places, ties: ties, overrides: options.overrides,
                       provisional: options.provisional, unscored: unscored, missingCells: options.provisional ? missing : [])
    }
}
