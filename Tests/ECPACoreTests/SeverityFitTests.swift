import Foundation
import Testing

@testable import ECPACore

@Suite("Severity-corrected view: overall + entry effect + juror effect")
struct SeverityFitTests {
    typealias S = Sample

    @Test("A gap left by a harsh juror is allowed for: 4 entries x 3 jurors, one conflict, solved by hand")
    func oneGap() throws {
        // Juror 1 gives 2 less than juror 2, juror 3 gives 2 more; Lithuania was kept from juror 1.
        let matrix = S.matrix(
            S.uniform(["FI": [1: 5, 2: 7, 3: 9], "LT": [2: 7, 3: 9], "HU": [1: 6, 2: 8, 3: 10], "AT": [1: 3, 2: 5, 3: 7]]),
            conflicts: [("LT", 1)])
        let fit = try #require(IntegrityExtras(matrix).severityFit())
        // Plain means: HU 8, LT 8 (without the harsh juror), FI 7, AT 5. Corrected: LT 7.
        let expected: [String: Double] = ["FI": 7, "LT": 7, "HU": 8, "AT": 5]
        for (country, score) in expected {
            #expect(abs((fit.corrected[S.e(country)] ?? .nan) - score) < 1e-9, "\(country)")
        }
        #expect(abs(fit.overall - 6.75) < 1e-9)
        for (juror, effect) in [(1, -2.0), (2, 0.0), (3, 2.0)] {
            #expect(abs((fit.jurorEffects[S.j(Int64(juror))] ?? .nan) - effect) < 1e-9, "juror \(juror)")
        }
        #expect(fit.order.first == S.e("HU"))
        #expect(fit.order.last == S.e("AT"))
        let plain = try rank(matrix, options: RankingOptions(provisional: true))
        // On the plain mean HU and LT tie at 8 (the cascade then settles it head to head).
        #expect(plain.places.prefix(2).map(\.score) == [8, 8])
    }

    @Test("With every cell present the corrected score is the plain mean")
    func complete() throws {
        let matrix = S.matrix(S.simple)
        let fit = try #require(IntegrityExtras(matrix).severityFit())
        for place in try rank(matrix).places {
            let plain = Double(truncating: place.score as NSNumber)
            #expect(abs((fit.corrected[place.entry] ?? .nan) - plain) < 1e-9)
        }
        #expect(abs(fit.jurorEffects.values.reduce(0, +)) < 1e-9)
    }
}
