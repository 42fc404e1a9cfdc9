import Foundation
import Testing

@testable import ECPACore

@Suite("Contested places: which medals are not sure, and why")
struct ContestedPlacesTests {
    typealias S = Sample

    @Test("Example 13's gold is contested by its chance and its interval; a clear podium has none")
    func example() throws {
        let matrix = RankUncertaintyTests.matrix
        let extras = IntegrityExtras(matrix)
        let ranking = try rank(matrix)
        let uncertainty = try #require(extras.rankUncertainty(method: .weightedMean, resamples: 1000, seed: 7, level: 0.8))
        for line in uncertainty.lines {
            #expect(line.placeChances[0] == line.goldChance)
            #expect(abs(line.placeChances.reduce(0, +) - line.medalChance) < 1e-12)
        }
        let contested = contestedPlaces(
            ranking, uncertainty: uncertainty, weights: extras.weightSensitivity(),
            thresholds: ContestThresholds(keepChance: 0.8, weightRadius: 0.1), name: matrix.name(of:))
        let gold = try #require(contested.first)
        #expect(gold.medal == .gold)
        #expect(gold.holder == S.e("FI"))
        #expect(gold.sentence == "Gold is contested: Finland keeps it in 68.5% of resamples; its rank could be anywhere from 1 to 4.")

        // Every juror puts the same four entries in the same clear order: nothing is contested.
        let clear = S.matrix(S.uniform(["FI": [1: 9, 2: 9, 3: 9], "LT": [1: 7, 2: 7, 3: 7], "HU": [1: 5, 2: 5, 3: 5], "AT": [1: 3, 2: 3, 3: 3]]))
        let clearExtras = IntegrityExtras(clear)
        let none = contestedPlaces(
            try rank(clear), uncertainty: clearExtras.rankUncertainty(method: .weightedMean, resamples: 100, seed: 1, level: 0.9),
            weights: clearExtras.weightSensitivity(), thresholds: ContestThresholds(keepChance: 0.8, weightRadius: 0.1),
            name: clear.name(of:))
        #expect(none.isEmpty)
    }

    @Test("A shared place is contested, and a small weight radius names the entry it would go to")
    func sharedAndWeights() throws {
        let scheme = WeightSensitivityTests.scheme
        let matrix = S.matrix(
            ["FI": [1: [8, 6], 2: [8, 6]], "LT": [1: [6, 9], 2: [6, 9]], "HU": [1: [3, 3], 2: [3, 3]], "AT": [1: [3, 3], 2: [3, 3]]],
            jurors: [1, 2], scheme: scheme)
        let extras = IntegrityExtras(matrix)
        let contested = contestedPlaces(
            try rank(matrix, options: RankingOptions(provisional: true)), uncertainty: nil, weights: extras.weightSensitivity(),
            thresholds: ContestThresholds(keepChance: 0.8, weightRadius: 0.2), name: matrix.name(of:))
        #expect(contested.map(\.medal) == [.gold, .silver, .bronze, .bronze])
        #expect(contested[0].sentence == "Gold is contested: a 14.3% change in the weights would swap Finland with Lithuania.")
        #expect(contested[2].reasons == [.shared])
    }

    @Test("A gold shared in some draws (rank 1.5) is still gold: the interval does not contest it")
    func sharedGoldInADrawIsStillGold() throws {
        let matrix = S.matrix(
            ["FI": [1: [9, 9], 2: [9, 9]], "LT": [1: [5, 5], 2: [5, 5]]], jurors: [1, 2], scheme: WeightSensitivityTests.scheme)
        let ranking = try rank(matrix, options: RankingOptions(provisional: true))
        let line = RankUncertainty.Line(
            entry: S.e("FI"), goldChance: 1, medalChance: 1, placeChances: [1, 0, 0], lowRank: 1, highRank: 1.5)
        let uncertainty = RankUncertainty(lines: [line], resamples: 4, exact: true, seed: 1, level: 0.9)
        let contested = contestedPlaces(
            ranking, uncertainty: uncertainty, weights: [], thresholds: ContestThresholds(keepChance: 0.8, weightRadius: 0.1),
            name: matrix.name(of:))
        #expect(!contested.contains { $0.holder == S.e("FI") }, "\(contested.map(\.sentence))")
        // Reaching 2.5 would reach silver.
        var reaching = uncertainty
        reaching.lines[0].highRank = 2.5
        let silver = contestedPlaces(
            ranking, uncertainty: reaching, weights: [], thresholds: ContestThresholds(keepChance: 0.8, weightRadius: 0.1),
            name: matrix.name(of:))
        #expect(silver.first?.sentence == "Gold is contested: Finland's rank could be anywhere from 1 to 2.5.")
    }
}
