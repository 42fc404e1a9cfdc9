import Foundation

extension RankingEngine {
    /// Every scored entry's score under a method, kept exact where the method allows, by entry
    /// position (0 for an entry not scored).
    func scores(_ method: RankingMethod) -> [ExactRatio] {
        switch method {
        case .weightedMean: weightedMeanScores()
        case .median: medianScores()
        case .normalized: normalizedScores()
        case .borda: bordaScores()
        }
    }

    /// A juror's total for an entry (`sum / totalWeight`) as a ratio of whole numbers.
    private var totalScale: Int128 { totalWeight * Int128(Millionths.perUnit) }

    /// Method `weighted-mean` (the default): the mean of the counting jurors' totals, that is
    /// sum of sum(weight x score) over jurors / (jurors x total weight), divided once.
    func weightedMeanScores() -> [ExactRatio] {
        var scores = [ExactRatio](repeating: ExactRatio(0), count: entries.count)
        for e in scoredRows {
            var total: Int128 = 0
            var count = 0
            for j in jurors.indices {
                if let sum = sum(e, j) {
                    total += sum
                    count += 1
                }
            }
            scores[e] = ExactRatio(total, over: Int128(count) * totalScale)
        }
        return scores
    }

    /// Method `median`: the median of the counting jurors' totals; for an even count, the mean of
    /// the middle two.
    func medianScores() -> [ExactRatio] {
        var scores = [ExactRatio](repeating: ExactRatio(0), count: entries.count)
        for e in scoredRows {
            let values = jurors.indices.compactMap { sum(e, $0) }.sorted()
            guard !values.isEmpty else { continue }
            let middle = values.count / 2
            scores[e] =
                values.count % 2 == 1
                ? ExactRatio(values[middle], over: totalScale)
                : ExactRatio(values[middle - 1] + values[middle], over: 2 * totalScale)
        }
        return scores
    }

    /// Method `normalized`: each juror's totals over the entries they scored become z-scores
    /// (z = (total - juror's mean) / juror's population standard deviation; a juror whose totals
    /// are all equal gives 0 to each); an entry's z is the mean of its z-scores, put back on the
    /// scheme's scale as `mid + z * (max - min) / 6`, clamped to [min, max], where min and max are
    /// the lowest and highest possible totals and mid = (min + max) / 2, so that three standard
    /// deviations either side fill the scale. Computed in Double, rounded to 6 decimals.
    func normalizedScores() -> [ExactRatio] {
        var zSums = [Double](repeating: 0, count: entries.count)
        for j in jurors.indices where j != leftOut {
            for (e, z) in zScores(j) { zSums[e] += z }
        }
        let low = RankingEngine.double(scheme.totalMin)
        let high = RankingEngine.double(scheme.totalMax)
        var scores = [ExactRatio](repeating: ExactRatio(0), count: entries.count)
        for e in scoredRows {
            let z = zSums[e] / Double(Swift.max(1, countingJurorCount(e)))
            let scaled = Swift.min(high, Swift.max(low, (low + high) / 2 + z * (high - low) / 6))
            scores[e] = ExactRatio(RankingEngine.millionths(scaled), over: Int128(Millionths.perUnit))
        }
        return scores
    }

    /// Method `borda`: each juror orders the entries they scored by total (equal totals share the
    /// mean of their ranks); with k such entries, rank r earns (k - r) points, scaled by
    /// (n - 1) / (k - 1) where n is the number of entries ranked, so that every juror gives from 0
    /// to n - 1 points even when a conflict kept them from some entries (a juror who scored a single
    /// entry gives it the middle, (n - 1) / 2). An entry's score is its mean points per juror who
    /// scored it. With no conflicts this is the classic count: k - r points.
    func bordaScores() -> [ExactRatio] {
        var points = [ExactRatio](repeating: ExactRatio(0), count: entries.count)
        var approximate = [Double](repeating: 0, count: entries.count)
        var exact = true
        for j in jurors.indices where j != leftOut {
            for (e, earned) in bordaPoints(j) {
                approximate[e] += earned.double
                if exact, let sum = ExactRatio.adding(points[e], earned) {
                    points[e] = sum
                } else {
                    exact = false
                }
            }
        }
        var scores = [ExactRatio](repeating: ExactRatio(0), count: entries.count)
        for e in scoredRows {
            let count = Swift.max(1, countingJurorCount(e))
            if exact, let mean = ExactRatio.dividing(points[e], by: count) {
                scores[e] = mean
            } else {
                exact = false
            }
        }
        guard !exact else { return scores }
        // Jurors who scored many different numbers of entries make the common denominator of
        // their points outgrow 128 bits: then every score is its Double rounded to 9 decimals.
        for e in scoredRows {
            scores[e] = ExactRatio(approximately: approximate[e] / Double(Swift.max(1, countingJurorCount(e))), places: 9)
        }
        return scores
    }

    /// A juror's z-scores of the entries they scored, by entry position: (total - the juror's
    /// mean) / the juror's population standard deviation, 0 each when their totals are all equal.
    /// Computed from the juror's own totals only, so leaving out another juror changes nothing.
    func zScores(_ j: Int) -> [(entry: Int, z: Double)] {
        // Each total times the total weight, as the sum itself (weights and scores in millionths).
        let scale = Double(Millionths.perUnit) * Double(Millionths.perUnit)
        let mine = entries.indices.compactMap { e in sum(e, j).map { (e, $0) } }
        guard let first = mine.first else { return [] }
        // Zero spread is decided exactly, so equal totals never yield rounding noise as z-scores.
        let allEqual = mine.allSatisfy { $0.1 == first.1 }
        let totals = mine.map { Double($0.1) / scale }
        let mean = totals.reduce(0, +) / Double(totals.count)
        let sd = (totals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(totals.count)).squareRoot()
        return zip(mine, totals).map { ($0.0.0, allEqual || sd == 0 ? 0 : ($0.1 - mean) / sd) }
    }

    /// A juror's Borda points for the entries they scored, by entry position (see `bordaScores`):
    /// rank r of k earns (k - r) (n - 1) / (k - 1), a single entry (n - 1) / 2.
    func bordaPoints(_ j: Int) -> [(entry: Int, points: ExactRatio)] {
        let n = Int128(scored.count)
        let mine = jurorRanks.of(j, in: self)
        let k = Int128(mine.count)
        return mine.map { e, doubledRank in
            // With r = doubledRank / 2: (k - r) (n - 1) / (k - 1).
            let earned = k == 1 ? ExactRatio(n - 1, over: 2) : ExactRatio((2 * k - Int128(doubledRank)) * (n - 1), over: 2 * (k - 1))
            return (e, earned)
        }
    }

    static func double(_ value: Decimal) -> Double {
        Double("\(value)") ?? 0
    }

    /// A Double rounded half away from zero to whole millionths.
    static func millionths(_ value: Double) -> Int128 {
        let units = (value * Double(Millionths.perUnit)).rounded(.toNearestOrAwayFromZero)
        return Int128(exactly: units) ?? 0
    }
}
