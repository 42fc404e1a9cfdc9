import Foundation

/// How sure each place is (issue "what the numbers say", item 2): the voting jurors are drawn with
/// replacement, as many as there are, every entry is scored from the drawn jurors' totals by the
/// method, and the entries are ranked; over many such resamples, each entry's chance of gold, its
/// chance of a medal and the interval its rank falls in. When there are few enough possible draws
/// (jurors^jurors at most the resample count asked for), every draw is taken once instead: the
/// chances are then exact fractions, the same on every run.
public struct RankUncertainty: Hashable, Sendable {
    /// One entry's figures.
    public struct Line: Hashable, Sendable {
        public var entry: EntryID
        /// The share of resamples in which it won gold (a tie shares the place evenly).
        public var goldChance: Double
        /// The share of resamples in which it won a medal.
        public var medalChance: Double
        /// The share of resamples in which it won each medal: gold, silver, bronze (places 1, 2, 3).
        public var placeChances: [Double]
        /// The lowest and highest rank of the central `level` of its resampled ranks (a tie's rank
        /// is the mean of the places it shares).
        public var lowRank: Double
        public var highRank: Double
    }

    /// By entry id.
    public var lines: [Line]
    /// How many resamples were ranked.
    public var resamples: Int
    /// Whether every possible draw was taken once (exact chances) rather than `resamples` random ones.
    public var exact: Bool
    public var seed: UInt64
    /// The central share of the ranks the interval covers, such as 0.9.
    public var level: Double
}

extension IntegrityExtras {
    /// Rank uncertainty by `method` from `resamples` draws of the voting jurors with ecpa's own
    /// generator seeded with `seed` (see `RankUncertainty`). An entry no drawn juror scored is ranked
    /// after every scored one, sharing the places left. Cost: resamples x entries x jurors.
    /// Weighted mean and median are computed exactly; normalized and Borda average each drawn
    /// juror's own z-score or points (which do not depend on the other jurors), in Double.
    public func rankUncertainty(method: RankingMethod, resamples: Int, seed: UInt64, level: Double) -> RankUncertainty? {
        guard let engine = try? engine.get(), resamples > 0, !engine.jurors.isEmpty, !engine.scored.isEmpty else { return nil }
        let m = engine.jurors.count
        var possible = 1
        var enumerable = true
        for _ in 0..<m {
            let (product, overflow) = possible.multipliedReportingOverflow(by: m)
            if overflow || product > resamples {
                enumerable = false
                break
            }
            possible = product
        }
        let rows = engine.scoredRows
        let contributions = engine.jurorContributions(method)
        var gold = [Double](repeating: 0, count: rows.count)
        var medal = [Double](repeating: 0, count: rows.count)
        var byPlace = [[Double]](repeating: [0, 0, 0], count: rows.count)
        var generator = SeededGenerator(seed: seed)
        var weights = [Int](repeating: 0, count: m)
        let count = enumerable ? possible : resamples
        // Each entry's rank in each draw, doubled (a shared rank can end in .5), in one flat block:
        // entries x draws x 4 bytes, a few megabytes even for 2,000 entries and 1,000 draws.
        var ranks = [UInt32](repeating: 0, count: rows.count * count)
        for draw in 0..<count {
            for j in 0..<m { weights[j] = 0 }
            if enumerable {
                // The draw-th sequence of m jurors, read as a number in base m.
                var rest = draw
                for _ in 0..<m {
                    weights[rest % m] += 1
                    rest /= m
                }
            } else {
                for _ in 0..<m { weights[generator.below(m)] += 1 }
            }
            let scores = engine.resampledScores(method, rows: rows, weights: weights, contributions: contributions)
            // Best first; an entry without a drawn juror (nil) after every scored one.
            let order = rows.indices.sorted { a, b in
                switch (scores[a], scores[b]) {
                case let (x?, y?): return x == y ? a < b : x > y
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a < b
                }
            }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, scores[order[end]] == scores[order[start]] { end += 1 }
                let size = Double(end - start)
                // Places start+1 ... end, shared evenly.
                let golds = Double(Swift.max(0, Swift.min(end, 1) - start))
                let medals = Double(Swift.max(0, Swift.min(end, 3) - start))
                for i in order[start..<end] {
                    gold[i] += golds / size
                    medal[i] += medals / size
                    for place in 0..<3 where place >= start && place < end { byPlace[i][place] += 1 / size }
                    ranks[i * count + draw] = UInt32(start + 1 + end)
                }
                start = end
            }
        }
        let lines = rows.indices.map { i -> RankUncertainty.Line in
            let sorted = ranks[(i * count)..<((i + 1) * count)].sorted().map { Double($0) / 2 }
            let tail = (1 - level) / 2
            let low = sorted[Swift.min(sorted.count - 1, Int((tail * Double(sorted.count)).rounded(.down)))]
            let high = sorted[Swift.max(0, Swift.min(sorted.count - 1, Int(((1 - tail) * Double(sorted.count)).rounded(.up)) - 1))]
            return RankUncertainty.Line(
                entry: engine.entries[rows[i]], goldChance: gold[i] / Double(count), medalChance: medal[i] / Double(count),
                placeChances: byPlace[i].map { $0 / Double(count) }, lowRank: low, highRank: high)
        }
        return RankUncertainty(lines: lines, resamples: count, exact: enumerable, seed: seed, level: level)
    }
}

extension RankingEngine {
    /// Each juror's own contribution to an entry's score under the normalized or Borda method
    /// (z-score or points), which does not depend on the other jurors; nil for the exact methods.
    func jurorContributions(_ method: RankingMethod) -> [[Double?]]? {
        switch method {
        case .weightedMean, .median:
            return nil
        case .normalized:
            return jurors.indices.map { j in row(zScores(j).map { ($0.entry, $0.z) }) }
        case .borda:
            return jurors.indices.map { j in row(bordaPoints(j).map { ($0.entry, $0.points.double) }) }
        }
    }

    /// Values by entry position, nil for the entries not given.
    private func row(_ values: [(Int, Double)]) -> [Double?] {
        var row = [Double?](repeating: nil, count: entries.count)
        for (e, value) in values { row[e] = value }
        return row
    }

    /// The entries' scores from drawn jurors, each counted `weights[j]` times; nil for an entry
    /// none of them scored. Ratios for the exact methods, means of contributions for the others.
    func resampledScores(_ method: RankingMethod, rows: [Int], weights: [Int], contributions: [[Double?]]?) -> [ResampledScore?] {
        rows.map { e -> ResampledScore? in
            switch method {
            case .weightedMean:
                var total: Int128 = 0
                var count = 0
                for j in jurors.indices where weights[j] > 0 {
                    if let sum = sum(e, j) {
                        total += Int128(weights[j]) * sum
                        count += weights[j]
                    }
                }
                return count == 0 ? nil : .exact(ExactRatio(total, over: Int128(count)))
            case .median:
                var values: [Int128] = []
                for j in jurors.indices where weights[j] > 0 {
                    if let sum = sum(e, j) { values += repeatElement(sum, count: weights[j]) }
                }
                guard !values.isEmpty else { return nil }
                values.sort()
                let middle = values.count / 2
                return .exact(values.count % 2 == 1 ? ExactRatio(values[middle]) : ExactRatio(values[middle - 1] + values[middle], over: 2))
            case .normalized, .borda:
                var total = 0.0
                var count = 0
                for j in jurors.indices where weights[j] > 0 {
                    if let value = contributions?[j][e] {
                        total += Double(weights[j]) * value
                        count += weights[j]
                    }
                }
                return count == 0 ? nil : .approximate(total / Double(count))
            }
        }
    }
}

/// A resampled score: exact for the weighted mean and the median, a Double for the others.
enum ResampledScore: Comparable {
    case exact(ExactRatio)
    case approximate(Double)

    static func < (lhs: ResampledScore, rhs: ResampledScore) -> Bool {
        switch (lhs, rhs) {
        case let (.exact(x), .exact(y)): return x < y
        case let (.approximate(x), .approximate(y)): return x < y
        case (.exact, .approximate): return true
        case (.approximate, .exact): return false
        }
    }
}
