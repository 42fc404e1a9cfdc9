import Foundation

/// The severity-corrected view (issue "what the numbers say", item 3): the least-squares fit of
/// `total = overall + entry effect + juror effect` over the observed juror x entry totals, the
/// juror effects summing to zero. An entry's corrected score is overall + its effect: with every
/// cell present it is the plain mean; with conflict gaps it allows for which jurors were missing
/// (an entry kept from a harsh juror does not gain by it). A juror's effect is how much more (+,
/// lenient) or less (-, harsh) they gave than the jury, in points of the total.
public struct SeverityFit: Hashable, Sendable {
    /// The overall level.
    public var overall: Double
    /// overall + entry effect, by entry.
    public var corrected: [EntryID: Double]
    /// Juror effects, by juror; they sum to zero.
    public var jurorEffects: [JurorID: Double]
    /// The entries by corrected score, best first (equal to 9 decimals sharing, by id).
    public var order: [EntryID]

    /// `order` in tiers: entries whose corrected scores are equal to 9 decimals share a tier.
    public var tiers: [[EntryID]] {
        order.runs { Self.key(corrected[$0]) == Self.key(corrected[$1]) }
    }

    /// A corrected score to 9 decimals, as the order compares them.
    static func key(_ score: Double?) -> Double { ((score ?? 0) * 1e9).rounded() }
}

extension IntegrityExtras {
    /// The severity-corrected fit, solved by alternating the two sets of effects until neither
    /// moves by more than 1e-12 (backfitting, which converges to the least-squares solution when
    /// the entries and jurors are connected by their cells, as a jury's always are); nil when no
    /// ranking can be made or when nothing is scored.
    public func severityFit() -> SeverityFit? {
        guard let engine = try? engine.get(), !engine.scored.isEmpty else { return nil }
        let scale = Double(engine.totalWeight) * Double(Millionths.perUnit)
        let rows = engine.scoredRows
        let cells: [[(j: Int, total: Double)]] = rows.map { e in
            engine.jurors.indices.compactMap { j in engine.sum(e, j).map { (j, Double($0) / scale) } }
        }
        let jurorsSeen = Array(Set(cells.flatMap { $0.map(\.j) })).sorted()
        var entry = [Double](repeating: 0, count: rows.count)
        var juror = [Double](repeating: 0, count: engine.jurors.count)
        for _ in 0..<100_000 {
            var moved = 0.0
            for (i, row) in cells.enumerated() {
                let value = row.map { $0.total - juror[$0.j] }.reduce(0, +) / Double(row.count)
                moved = Swift.max(moved, abs(value - entry[i]))
                entry[i] = value
            }
            var sums = [Double](repeating: 0, count: engine.jurors.count)
            var counts = [Int](repeating: 0, count: engine.jurors.count)
            for (i, row) in cells.enumerated() {
                for cell in row {
                    sums[cell.j] += cell.total - entry[i]
                    counts[cell.j] += 1
                }
            }
            for j in jurorsSeen {
                let value = sums[j] / Double(counts[j])
                moved = Swift.max(moved, abs(value - juror[j]))
                juror[j] = value
            }
            // The effects sum to zero; their mean belongs to the entries' level.
            let mean = jurorsSeen.map { juror[$0] }.reduce(0, +) / Double(Swift.max(1, jurorsSeen.count))
            for j in jurorsSeen { juror[j] -= mean }
            for i in entry.indices { entry[i] += mean }
            if moved < 1e-12 { break }
        }
        let overall = entry.reduce(0, +) / Double(entry.count)
        var corrected: [EntryID: Double] = [:]
        for (i, e) in rows.enumerated() { corrected[engine.entries[e]] = entry[i] }
        var effects: [JurorID: Double] = [:]
        for j in jurorsSeen { effects[engine.jurors[j]] = juror[j] }
        let rounded = corrected.mapValues { SeverityFit.key($0) }
        let order = corrected.keys.sorted { a, b in rounded[a] == rounded[b] ? a < b : (rounded[a] ?? 0) > (rounded[b] ?? 0) }
        return SeverityFit(overall: overall, corrected: corrected, jurorEffects: effects, order: order)
    }
}
