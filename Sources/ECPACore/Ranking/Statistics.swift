import Foundation

/// The statistics behind the integrity extras (DESIGN section 4): ranks with ties averaged, the
/// chi-square tail for Kendall's W, and Spearman's correlation.
public enum Statistics {
    /// Ranks of values, highest first (rank 1), equal values sharing the mean of their ranks:
    /// [9, 7, 7, 5] -> [1, 2.5, 2.5, 4]. Exact.
    public static func averageRanks<Value: Comparable>(_ values: [Value]) -> [Decimal] {
        doubledRanks(values).map { Decimal($0) / 2 }
    }

    /// Twice the average ranks, so that they stay whole numbers: [9, 7, 7, 5] -> [2, 5, 5, 8].
    /// One sort, so n log n.
    static func doubledRanks<Value: Comparable>(_ values: [Value]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // Positions start+1 ... end share their mean, (start + 1 + end) / 2, doubled.
            for index in order[start..<end] { ranks[index] = start + 1 + end }
            start = end
        }
        return ranks
    }

    /// Sum of (t^3 - t) over the groups of t equal values, from their doubled ranks (equal values
    /// share one): the tie correction of Kendall's W.
    static func tieCorrection(doubledRanks: [Int]) -> Int {
        var groups: [Int: Int] = [:]
        for rank in doubledRanks { groups[rank, default: 0] += 1 }
        return groups.values.reduce(0) { $0 + $1 * $1 * $1 - $1 }
    }

    /// Pearson's correlation of two equally long series; nil when either does not vary.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count > 1 else { return nil }
        let mx = x.reduce(0, +) / Double(x.count)
        let my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The probability that a chi-square variable with `degreesOfFreedom` exceeds `chiSquare`:
    /// Q(df / 2, chiSquare / 2). E.g. 3.84 with 1 degree of freedom -> 0.05.
    public static func chiSquarePValue(_ chiSquare: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom > 0 else { return .nan }
        return regularizedUpperGamma(Double(degreesOfFreedom) / 2, Swift.max(0, chiSquare) / 2)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and
    /// x >= 0: by its series below x = a + 1 and by a continued fraction (modified Lentz) above.
    public static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        let logPrefactor = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return Swift.max(0, 1 - sum * exp(logPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Swift.min(1, exp(logPrefactor) * h)
    }
}
