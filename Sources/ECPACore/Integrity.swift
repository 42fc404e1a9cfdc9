import Foundation

/// Integrity extra (DESIGN section 4): the podium without each voting juror in turn, and which
/// medals change. Like the other extras it ranks on the scores that are there (provisionally, so
/// it works before every cell is in) and without the jury's overrides, by `options.method`.
public func leaveOneJurorOut(_ matrix: ScoreMatrix, options: RankingOptions = RankingOptions()) -> [JurorInfluence] {
    let analysis = RankingOptions(method: options.method, provisional: true, overrides: [])
    let full: Ranking
    do {
        full = try rank(matrix, options: analysis)
    } catch {
        return matrix.sortedJurors.map { juror in
            JurorInfluence(juror: juror, podium: [], changes: [], sentence: "No ranking can be made: \(error)")
        }
    }
    return matrix.sortedJurors.map { juror in
        var without = matrix
        without.jurors = matrix.jurors.filter { $0 != juror }
        let name = matrix.name(of: juror)
        do {
            let ranking = try rank(without, options: analysis)
            let changes = Medal.allCases.compactMap { medal -> MedalChange? in
                let before = full.holders(of: medal), after = ranking.holders(of: medal)
                return before == after ? nil : MedalChange(medal: medal, before: before, after: after)
            }
            let sentence = changes.isEmpty
                ? "Without \(name) the podium is unchanged."
                : "Without \(name), " + changes.map { change in
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

/// Integrity extra (DESIGN section 4): the podium under every ranking method side by side, ranked
/// on the scores that are there and without overrides; a method that cannot rank gives [].
public func podiumByMethod(_ matrix: ScoreMatrix) -> [RankingMethod: [RankedEntry]] {
    var podiums: [RankingMethod: [RankedEntry]] = [:]
    for method in RankingMethod.allCases {
        podiums[method] = (try? rank(matrix, options: RankingOptions(method: method, provisional: true)))?.podium ?? []
    }
    return podiums
}

/// Integrity extra (DESIGN section 4): Kendall's W over the entries every voting juror scored
/// (the others are left out and listed). Each juror ranks those n entries by total, equal totals
/// sharing the mean rank; with R the rank sums, S = sum (R - mean R)^2 and, per juror,
/// T = sum (t^3 - t) over groups of t equal totals, W = 12 S / (m^2 (n^3 - n) - m sum T).
/// chi-square = m (n - 1) W with n - 1 degrees of freedom.
public func kendallsW(_ matrix: ScoreMatrix) -> Agreement {
    let jurors = matrix.sortedJurors
    let entries = matrix.sortedEntries
    let used = entries.filter { entry in
        !jurors.isEmpty && jurors.allSatisfy { matrix.weightedSum(entry: entry, juror: $0) != nil }
    }
    let leftOut = entries.filter { !used.contains($0) }
    let m = jurors.count, n = used.count
    let skipped = leftOut.isEmpty ? "" : leftOut.count == 1
        ? " 1 entry was left out because not every voting juror scored it."
        : " \(leftOut.count) entries were left out because not every voting juror scored them."
    func without(_ reason: String) -> Agreement {
        Agreement(w: nil, jurorCount: m, entries: used, leftOut: leftOut, chiSquare: nil, degreesOfFreedom: Swift.max(0, n - 1),
                  pValue: nil, sentence: reason + skipped)
    }
    guard m >= 2, n >= 2 else {
        return without("Agreement cannot be measured: it needs at least 2 jurors who all scored at least 2 entries (here \(m) jurors, \(n) entries).")
    }
    var rankSums = Array(repeating: Decimal(0), count: n)
    var ties = Decimal(0)
    for juror in jurors {
        let totals = used.map { matrix.weightedSum(entry: $0, juror: juror) ?? 0 }
        for (index, rank) in Statistics.averageRanks(totals).enumerated() { rankSums[index] += rank }
        ties += Statistics.tieCorrection(totals)
    }
    let (md, nd) = (Decimal(m), Decimal(n))
    let meanRank = md * (nd + 1) / 2
    let s = rankSums.reduce(Decimal(0)) { $0 + ($1 - meanRank) * ($1 - meanRank) }
    let denominator = md * md * (nd * nd * nd - nd) - md * ties
    guard denominator > 0 else {
        return without("Agreement cannot be measured: every juror gave every entry the same total.")
    }
    let w = RankingEngine.double(12 * s / denominator)
    let chiSquare = Double(m * (n - 1)) * w
    let p = Statistics.chiSquarePValue(chiSquare, degreesOfFreedom: n - 1)
    let sentence = "Kendall's W is \(fixed(w, places: 3)) over \(n) entries scored by all \(m) voting jurors "
        + "(1 means identical orders, 0 no agreement); chi-square \(fixed(chiSquare, places: 2)) with \(n - 1) "
        + "degree\(n == 2 ? "" : "s") of freedom, p = \(fixed(p, places: 3))." + skipped
    return Agreement(w: w, jurorCount: m, entries: used, leftOut: leftOut, chiSquare: chiSquare, degreesOfFreedom: n - 1,
                     pValue: p, sentence: sentence)
}

/// Integrity extra (DESIGN section 4): each voting juror's Spearman correlation between their
/// totals and the consensus (the weighted-mean entry scores, this juror included, on the scores
/// that are there) over the entries they scored, equal values sharing the mean rank; nil with
/// fewer than 3 such entries or when either side does not vary.
public func spearman(_ matrix: ScoreMatrix) -> [JurorID: Double?] {
    var result: [JurorID: Double?] = [:]
    let engine = try? RankingEngine(matrix: matrix, provisional: true)
    let consensus = engine?.weightedMeanScores() ?? [:]
    for juror in matrix.sortedJurors {
        guard let engine else {
            result[juror] = .some(nil)
            continue
        }
        let mine = engine.scored.compactMap { entry -> (Decimal, ExactRatio)? in
            guard let sum = engine.sums[entry]?[juror], let score = consensus[entry] else { return nil }
            return (sum, score)
        }
        guard mine.count >= 3 else {
            result[juror] = .some(nil)
            continue
        }
        let own = Statistics.averageRanks(mine.map(\.0)).map(RankingEngine.double)
        let agreed = Statistics.averageRanks(mine.map(\.1)).map(RankingEngine.double)
        result[juror] = .some(Statistics.correlation(own, agreed))
    }
    return result
}
