import Foundation

extension RankingEngine {
    /// Every scored entry's score under a method, kept exact where the method allows.
    func scores(_ method: RankingMethod) -> [EntryID: ExactRatio] {
        switch method {
        case .weightedMean: weightedMeanScores()
        case .median: medianScores()
        case .normalized: normalizedScores()
        case .borda: bordaScores()
        }
    }

    /// Method `weighted-mean` (the default): the mean of the counting jurors' totals, that is
    /// sum of sum(weight x score) over jurors / (jurors x total weight), divided once.
    func weightedMeanScores() -> [EntryID: ExactRatio] {
        var scores: [EntryID: ExactRatio] = [:]
        for entry in scored {
            let row = sums[entry] ?? [:]
            let total = countingJurors(entry).reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
            scores[entry] = ExactRatio(total, over: Decimal(row.count) * scheme.totalWeight)
        }
        return scores
    }

    /// Method `median`: the median of the counting jurors' totals; for an even count, the mean of
    /// the middle two.
    func medianScores() -> [EntryID: ExactRatio] {
        var scores: [EntryID: ExactRatio] = [:]
        for entry in scored {
            let values = (sums[entry] ?? [:]).values.sorted()
            guard !values.isEmpty else { continue }
            let middle = values.count / 2
            scores[entry] = values.count % 2 == 1
                ? ExactRatio(values[middle], over: scheme.totalWeight)
                : ExactRatio(values[middle - 1] + values[middle], over: 2 * scheme.totalWeight)
        }
        return scores
    }

    /// Method `normalized`: each juror's totals over the entries they scored become z-scores
    /// (z = (total - juror's mean) / juror's population standard deviation; a juror whose totals
    /// are all equal gives 0 to each); an entry's z is the mean of its z-scores, put back on the
    /// scheme's scale as `mid + z * (max - min) / 6`, clamped to [min, max], where min and max are
    /// the lowest and highest possible totals and mid = (min + max) / 2, so that three standard
    /// deviations either side fill the scale. Computed in Double, rounded to 6 decimals.
    func normalizedScores() -> [EntryID: ExactRatio] {
        var zSums: [EntryID: Double] = [:]
        for juror in jurors {
            let mine = scored.compactMap { entry in sums[entry]?[juror].map { (entry, $0) } }
            guard let first = mine.first else { continue }
            // Zero spread is decided exactly, so equal totals never yield rounding noise as z-scores.
            let allEqual = mine.allSatisfy { $0.1 == first.1 }
            let totals = mine.map { RankingEngine.double($0.1) }
            let mean = totals.reduce(0, +) / Double(totals.count)
            let sd = (totals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(totals.count)).squareRoot()
            for ((entry, _), total) in zip(mine, totals) {
                zSums[entry, default: 0] += allEqual || sd == 0 ? 0 : (total - mean) / sd
            }
        }
        let low = RankingEngine.double(scheme.totalMin)
        let high = RankingEngine.double(scheme.totalMax)
        var scores: [EntryID: ExactRatio] = [:]
        for entry in scored {
            let z = (zSums[entry] ?? 0) / Double(sums[entry]?.count ?? 1)
            let scaled = Swift.min(high, Swift.max(low, (low + high) / 2 + z * (high - low) / 6))
            scores[entry] = ExactRatio(RankingEngine.decimal(scaled, places: 6))
        }
        return scores
    }

    /// Method `borda`: each juror orders the entries they scored by total (equal totals share the
    /// mean of their ranks); with k such entries, rank r earns (k - r) points, scaled by
    /// (n - 1) / (k - 1) where n is the number of entries ranked, so that every juror gives from 0
    /// to n - 1 points even when a conflict kept them from some entries (a juror who scored a single
    /// entry gives it the middle, (n - 1) / 2). An entry's score is its mean points per juror who
    /// scored it. With no conflicts this is the classic count: k - r points.
    func bordaScores() -> [EntryID: ExactRatio] {
        let n = Decimal(scored.count)
        var points: [EntryID: ExactRatio] = [:]
        for juror in jurors {
            let mine = scored.compactMap { entry in sums[entry]?[juror].map { (entry, $0) } }
            let k = mine.count
            guard k > 0 else { continue }
            let ranks = Statistics.averageRanks(mine.map(\.1))
            for ((entry, _), rank) in zip(mine, ranks) {
                let earned = k == 1
                    ? ExactRatio(n - 1, over: 2)
                    : ExactRatio((Decimal(k) - rank) * (n - 1), over: Decimal(k - 1))
                points[entry] = (points[entry] ?? ExactRatio(0)) + earned
            }
        }
        var scores: [EntryID: ExactRatio] = [:]
        for entry in scored {
            scores[entry] = (points[entry] ?? ExactRatio(0)) / (sums[entry]?.count ?? 1)
        }
        return scores
    }

    static func double(_ value: Decimal) -> Double {
        Double("\(value)") ?? 0
    }

    /// A Double rounded half away from zero to a number of decimals, as an exact Decimal.
    static func decimal(_ value: Double, places: Int) -> Decimal {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard let whole = Int64(exactly: units) else { return 0 }
        return Decimal(sign: whole < 0 ? .minus : .plus, exponent: -places, significand: Decimal(whole.magnitude))
    }
}
