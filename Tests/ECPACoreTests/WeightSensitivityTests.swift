import Foundation
import Testing

@testable import ECPACore

@Suite("The weights' sensitivity: how far the weights must move to change a medal")
struct WeightSensitivityTests {
    typealias S = Sample

    /// Focus counts twice, evaluation once.
    static let scheme = ScoringScheme(
        name: "two", note: "", method: .weightedMean,
        criteria: [
            Criterion(code: "focus", name: "Focus", weight: 2, min: 0, max: 10, step: 1),
            Criterion(code: "evaluation", name: "Evaluation", weight: 1, min: 0, max: 10, step: 1),
        ],
        tieBreaks: [.highestWeightedCriterion, .headToHead, .sharedPlace])

    @Test("Gold against silver: a seventh of the weights, raising evaluation and lowering focus")
    func workedExample() throws {
        // Two jurors giving the same: Finland (8, 6) scores 22/3, Lithuania (6, 9) 7.
        let matrix = S.matrix(
            ["FI": [1: [8, 6], 2: [8, 6]], "LT": [1: [6, 9], 2: [6, 9]], "HU": [1: [3, 3], 2: [3, 3]], "AT": [1: [2, 2], 2: [2, 2]]],
            jurors: [1, 2], scheme: Self.scheme)
        let boundaries = IntegrityExtras(matrix).weightSensitivity()
        #expect(boundaries.map(\.place) == [1, 2, 3])
        let gold = try #require(boundaries.first)
        #expect(gold.above == S.e("FI"))
        #expect(gold.below == S.e("LT"))
        // d = (8 - 6, 6 - 9) = (2, -3); lead 2x2 - 1x3 = 1; reach 2x2 + 1x3 = 7; r = 1/7.
        #expect(abs((gold.radius ?? .nan) - 1.0 / 7) < 1e-12)
        #expect(gold.raise == ["evaluation"])
        #expect(gold.lower == ["focus"])
        // Lithuania is better than Hungary on both criteria: no positive weights swap them.
        #expect(boundaries[1].radius == nil)
        #expect(boundaries[2].radius == nil)
    }

    @Test("Entries sharing a medal stand together above its boundary")
    func shared() throws {
        let matrix = S.matrix(
            ["FI": [1: [8, 6]], "LT": [1: [8, 6]], "HU": [1: [3, 3]], "AT": [1: [2, 2]]], jurors: [1], scheme: Self.scheme)
        let boundary = try #require(IntegrityExtras(matrix).weightSensitivity().first)
        #expect(boundary.place == 1)
        #expect([S.e("FI"), S.e("LT")].contains(boundary.above))
        #expect(boundary.radius == nil)
    }
}
