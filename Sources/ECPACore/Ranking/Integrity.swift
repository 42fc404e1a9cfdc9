import Foundation

/// The integrity extras of one matrix (DESIGN section 4), on one engine: the scores are checked
/// and summed once, then ranked by every method, with each voting juror left out in turn,
/// compared for agreement and correlated with the consensus. Like the ranking, the extras rank
/// on the scores that are there (provisionally, so they work before every cell is in) and
/// without the jury's overrides.
public struct IntegrityExtras {
    private let matrix: ScoreMatrix
    let engine: Result<RankingEngine, Error>

    /// Checks and sums the matrix's scores once.
    public init(_ matrix: ScoreMatrix) {
        self.matrix = matrix
        engine = Result { try RankingEngine(matrix: matrix) }
    }

    /// The ranking itself, from the same checked scores (see `rank(_:options:)`).
    public func ranking(options: RankingOptions) throws -> Ranking {
        try engine.get().ranking(options: options)
    }

    /// The podium under every ranking method side by side; a method that cannot rank gives [].
    public func podiumByMethod() -> [RankingMethod: [RankedEntry]] {
        var podiums: [RankingMethod: [RankedEntry]] = [:]
        for method in RankingMethod.allCases {
            let ranking = try? engine.get().ranking(options: RankingOptions(method: method, provisional: true), podiumOnly: true)
            podiums[method] = ranking?.podium ?? []
        }
        return podiums
    }

    /// The podium without each voting juror in turn, by `method`, and which medals change.
    public func leaveOneJurorOut(method: RankingMethod) -> [JurorInfluence] {
        let analysis = RankingOptions(method: method, provisional: true, overrides: [])
        let engine: RankingEngine, full: Ranking
        do {
            engine = try self.engine.get()
            full = try engine.ranking(options: analysis, podiumOnly: true)
        } catch {
            return matrix.sortedJurors.map { juror in
                JurorInfluence(juror: juror, podium: [], changes: [], sentence: "No ranking can be made: \(error)")
            }
        }
        return engine.jurors.map { juror in
            let name = matrix.name(of: juror)
            do {
                let ranking = try engine.leaving(out: juror).ranking(options: analysis, podiumOnly: true)
                let changes = Medal.allCases.compactMap { medal -> MedalChange? in
                    let before = full.holders(of: medal), after = ranking.holders(of: medal)
                    return before == after ? nil : MedalChange(medal: medal, before: before, after: after)
                }
                let sentence =
                    changes.isEmpty
                    ? "Without \(name) the podium is unchanged."
                    : "Without \(name), "
                        + changes.map { change in
                            let after = change.after.isEmpty ? "nobody" : RankingEngine.list(change.after.map(matrix.name(of:)))
                            let before = change.before.isEmpty ? "nobody" : RankingEngine.list(change.before.map(matrix.name(of:)))
                            return "\(change.medal) goes to \(after) instead of \(before)"
                        }.joined(separator: "; ") + "."
                return JurorInfluence(juror: juror, podium: ranking.podium, changes: changes, sentence: sentence)
            } catch {
                return JurorInfluence(juror: juror, podium: [], changes: [], sentence: "Without \(name) no ranking can be made: \(error)")
            }
        }
    }

    /// Kendall's W over the entries every voting juror scored (the others are left out and
    /// listed). Each juror ranks those n entries by total, equal totals sharing the mean rank;
    /// with R the rank sums, S = sum (R - mean R)^2 and, per juror, T = sum (t^3 - t) over groups
    /// of t equal totals, W = 12 S / (m^2 (n^3 - n) - m sum T). chi-square = m (n - 1) W with
    /// n - 1 degrees of freedom. Computed on doubled ranks, which are whole: W = 3 S' / (...)
    /// with S' = sum (2R - 2 mean R)^2 = 4 S.
    public func kendallsW() -> Agreement {
        let jurors = matrix.sortedJurors
        let entries = matrix.sortedEntries
        let engine = try? self.engine.get()
        let used = entries.filter { entry in
            guard let engine, let e = engine.entryIndex[entry], !jurors.isEmpty else { return false }
            return engine.jurors.indices.allSatisfy { engine.counts(e, $0) }
        }
        let usedSet = Set(used)
        let leftOut = entries.filter { !usedSet.contains($0) }
        let m = jurors.count, n = used.count
        let skipped =
            leftOut.isEmpty
            ? ""
            : leftOut.count == 1
                ? " 1 entry was left out because not every voting juror scored it."
                : " \(leftOut.count) entries were left out because not every voting juror scored them."
        func without(_ reason: String) -> Agreement {
            Agreement(
                w: nil, jurorCount: m, entries: used, leftOut: leftOut, chiSquare: nil, degreesOfFreedom: Swift.max(0, n - 1),
                pValue: nil, sentence: reason + skipped)
        }
        if case .failure(let error) = self.engine {
            return Agreement(
                w: nil, jurorCount: m, entries: [], leftOut: [], chiSquare: nil, degreesOfFreedom: 0, pValue: nil,
                sentence: "Agreement cannot be measured: \(error)")
        }
        guard let engine, m >= 2, n >= 2 else {
            return without(
                "Agreement cannot be measured: it needs at least 2 jurors who all scored at least 2 entries (here \(m) jurors, \(n) entries).")
        }
        let rows = used.compactMap { engine.entryIndex[$0] }
        var rankSums = [Int128](repeating: 0, count: n)
        var ties: Int128 = 0
        for j in engine.jurors.indices {
            let ranks = Statistics.doubledRanks(rows.map { engine.sum($0, j) ?? 0 })
            for (index, rank) in ranks.enumerated() { rankSums[index] += Int128(rank) }
            ties += Int128(Statistics.tieCorrection(doubledRanks: ranks))
        }
        let (mi, ni) = (Int128(m), Int128(n))
        let meanRank = mi * (ni + 1)
        let s = rankSums.reduce(Int128(0)) { $0 + ($1 - meanRank) * ($1 - meanRank) }
        let denominator = mi * mi * (ni * ni * ni - ni) - mi * ties
        guard denominator > 0 else {
            return without("Agreement cannot be measured: every juror gave every entry the same total.")
        }
        let w = ExactRatio(3 * s, over: denominator).double
        let chiSquare = Double(m * (n - 1)) * w
        let p = Statistics.chiSquarePValue(chiSquare, degreesOfFreedom: n - 1)
        let sentence =
            "Kendall's W is \(fixed(w, places: 3)) over \(n) entries scored by all \(m) voting jurors "
            + "(1 means identical orders, 0 no agreement); chi-square \(fixed(chiSquare, places: 2)) with \(n - 1) "
            + "degree\(n == 2 ? "" : "s") of freedom, p = \(fixed(p, places: 3))." + skipped
        return Agreement(
            w: w, jurorCount: m, entries: used, leftOut: leftOut, chiSquare: chiSquare, degreesOfFreedom: n - 1,
            pValue: p, sentence: sentence)
    }

    /// Each voting juror's Spearman correlation between their totals and the consensus (the
    /// weighted-mean entry scores, this juror included, on the scores that are there) over the
    /// entries they scored, equal values sharing the mean rank; nil with fewer than 3 such entries
    /// or when either side does not vary.
    public func spearman() -> [JurorID: Double?] {
        guard let engine = try? engine.get() else {
            return Dictionary(uniqueKeysWithValues: matrix.sortedJurors.map { ($0, Double?.none) })
        }
        // The consensus as whole numbers in the same order, so each juror's ranks sort integers.
        let consensus = engine.weightedMeanScores()
        let ordered = engine.scoredRows.sorted { consensus[$0] < consensus[$1] }
        var level: [Int] = Array(repeating: -1, count: engine.entries.count)
        var current = -1
        var previous: ExactRatio?
        for e in ordered {
            if consensus[e] != previous { current += 1 }
            previous = consensus[e]
            level[e] = current
        }
        var result: [JurorID: Double?] = [:]
        for (j, juror) in engine.jurors.enumerated() {
            let mine = engine.entries.indices.compactMap { e in engine.sum(e, j).map { (e, $0) } }
            guard mine.count >= 3 else {
                result[juror] = .some(nil)
                continue
            }
            let own = Statistics.doubledRanks(mine.map(\.1)).map { Double($0) / 2 }
            let agreed = Statistics.doubledRanks(mine.map { level[$0.0] }).map { Double($0) / 2 }
            result[juror] = .some(Statistics.correlation(own, agreed))
        }
        return result
    }
}

/// Integrity extra (DESIGN section 4): the podium without each voting juror in turn, and which
/// medals change, by `options.method` (see `IntegrityExtras`).
public func leaveOneJurorOut(_ matrix: ScoreMatrix, options: RankingOptions = RankingOptions()) -> [JurorInfluence] {
    IntegrityExtras(matrix).leaveOneJurorOut(method: options.method)
}

/// Integrity extra (DESIGN section 4): the podium under every ranking method (see `IntegrityExtras`).
public func podiumByMethod(_ matrix: ScoreMatrix) -> [RankingMethod: [RankedEntry]] {
    IntegrityExtras(matrix).podiumByMethod()
}

/// Integrity extra (DESIGN section 4): Kendall's W (see `IntegrityExtras`).
public func kendallsW(_ matrix: ScoreMatrix) -> Agreement {
    IntegrityExtras(matrix).kendallsW()
}

/// Integrity extra (DESIGN section 4): each juror's Spearman correlation with the consensus (see `IntegrityExtras`).
public func spearman(_ matrix: ScoreMatrix) -> [JurorID: Double?] {
    IntegrityExtras(matrix).spearman()
}
