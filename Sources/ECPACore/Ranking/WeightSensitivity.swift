import Foundation

/// How far the criterion weights would have to move to change a medal (issue "what the numbers
/// say", item 5), for the weighted mean. An entry's score is sum(w_c m_c) / sum(w_c), with m_c its
/// mean on criterion c over its counting jurors, so entry a stays above entry b exactly while
/// N(w) = sum(w_c d_c) > 0, where d_c = m_c(a) - m_c(b). If every weight may move by at most r
/// of itself, the lowest N can go is sum(w_c d_c) - r sum(w_c |d_c|): the pair swaps from
/// r* = sum(w_c d_c) / sum(w_c |d_c|) on, raising the weights of the criteria where b is better
/// and lowering the others'. Weights stay positive, so r* of 1 or more means no change swaps them.
public struct WeightBoundary: Hashable, Sendable {
    /// The boundary below this place: 1 is between gold and silver, 3 between bronze and fourth.
    public var place: Int
    /// The pair that swaps first: an entry above the boundary and one below it.
    public var above: EntryID
    public var below: EntryID
    /// The smallest relative change of the weights that swaps them (0 when they are already tied);
    /// nil when no change that keeps the weights positive does.
    public var radius: Double?
    /// The criteria whose weight would go up (where `below` is better) and down (where `above` is).
    public var raise: [String]
    public var lower: [String]
}

extension IntegrityExtras {
    /// For each boundary after places 1, 2 and 3 of the weighted-mean ranking (provisional, no
    /// overrides), the pair across it that the smallest change of the weights would swap.
    public func weightSensitivity() -> [WeightBoundary] {
        guard let engine = try? engine.get(),
            let ranking = try? engine.ranking(options: RankingOptions(method: .weightedMean, provisional: true))
        else { return [] }
        let criteria = engine.scheme.criteria
        let weights = criteria.map { Double(Millionths.of($0.weight) ?? 0) / Double(Millionths.perUnit) }
        var means: [EntryID: [Double]] = [:]
        func mean(_ entry: EntryID) -> [Double] {
            if let known = means[entry] { return known }
            let values = criteria.map { engine.criterionMean(entry, $0).double }
            means[entry] = values
            return values
        }
        var boundaries: [WeightBoundary] = []
        for place in 1...3 {
            let above = ranking.places.filter { $0.computedPlace <= place }.map(\.entry)
            let below = ranking.places.filter { $0.computedPlace > place }.map(\.entry)
            guard !above.isEmpty, !below.isEmpty else { continue }
            var best: WeightBoundary?
            for a in above {
                for b in below {
                    let d = zip(mean(a), mean(b)).map { $0 - $1 }
                    let lead = zip(weights, d).map { $0 * $1 }.reduce(0, +)
                    let reach = zip(weights, d).map { $0 * abs($1) }.reduce(0, +)
                    let radius: Double? = lead <= 1e-12 ? 0 : (reach > 0 && lead / reach < 1 ? lead / reach : nil)
                    let candidate = WeightBoundary(
                        place: place, above: a, below: b, radius: radius,
                        raise: zip(criteria, d).filter { $0.1 < 0 }.map(\.0.code),
                        lower: zip(criteria, d).filter { $0.1 > 0 }.map(\.0.code))
                    if let current = best {
                        if let r = radius, current.radius.map({ r < $0 }) ?? true { best = candidate }
                    } else {
                        best = candidate
                    }
                }
            }
            if let best { boundaries.append(best) }
        }
        return boundaries
    }
}
