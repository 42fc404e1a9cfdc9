import Foundation
import Testing

@testable import ECPACore

@Suite("Rank uncertainty: jurors drawn with replacement")
struct RankUncertaintyTests {
    typealias S = Sample

    /// Three jurors, four entries; every criterion the same, so each juror's total is the number.
    static let matrix = S.matrix(
        S.uniform([
            "FI": [1: 9, 2: 6, 3: 9], "LT": [1: 8, 2: 8, 3: 7], "HU": [1: 7, 2: 7, 3: 8], "AT": [1: 6, 2: 9, 3: 6],
        ]))

    @Test("With three jurors every one of the 27 draws is taken once, and the chances are exact fractions")
    func exactEnumeration() throws {
        let uncertainty = try #require(
            IntegrityExtras(Self.matrix).rankUncertainty(method: .weightedMean, resamples: 1000, seed: 7, level: 0.8))
        #expect(uncertainty.exact)
        #expect(uncertainty.resamples == 27)
        let lines = Dictionary(uniqueKeysWithValues: uncertainty.lines.map { ($0.entry, $0) })
        // Worked out draw by draw (docs/scoring.md, example 13): FI wins gold alone in 17 draws and
        // shares it with LT in 3 more, so (17 + 3/2) / 27 = 37/54.
        let expected: [(String, Double, Double, Double, Double)] = [
            ("FI", 37.0 / 54, 43.0 / 54, 1, 4), ("LT", 1.0 / 9, 1, 1.5, 3), ("HU", 0, 8.0 / 9, 2, 3.5), ("AT", 11.0 / 54, 17.0 / 54, 1, 4),
        ]
        for (country, gold, medal, low, high) in expected {
            let line = try #require(lines[S.e(country)])
            #expect(abs(line.goldChance - gold) < 1e-12, "\(country) gold")
            #expect(abs(line.medalChance - medal) < 1e-12, "\(country) medal")
            #expect(line.lowRank == low, "\(country) low")
            #expect(line.highRank == high, "\(country) high")
        }
        let golds = uncertainty.lines.map(\.goldChance).reduce(0, +)
        #expect(abs(golds - 1) < 1e-12)
    }

    @Test("Drawn at random, the same seed gives the same figures and another seed other ones")
    func seeded() throws {
        let extras = IntegrityExtras(Self.matrix)
        let first = try #require(extras.rankUncertainty(method: .weightedMean, resamples: 20, seed: 2018, level: 0.9))
        let again = try #require(extras.rankUncertainty(method: .weightedMean, resamples: 20, seed: 2018, level: 0.9))
        let other = try #require(extras.rankUncertainty(method: .weightedMean, resamples: 20, seed: 2019, level: 0.9))
        #expect(!first.exact)
        #expect(first.resamples == 20)
        #expect(first == again)
        #expect(first != other)
        #expect(abs(first.lines.map(\.medalChance).reduce(0, +) - 3) < 1e-12)
    }

    @Test("ecpa's generator gives the same numbers everywhere: SplitMix64's published first outputs")
    func generator() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var dice = SeededGenerator(seed: 42)
        let rolls = (0..<6000).map { _ in dice.below(6) }
        #expect(Set(rolls) == Set(0..<6))
        #expect(rolls.allSatisfy { (0..<6).contains($0) })
    }

    @Test("Every method gives chances that add up to one gold and three medals", arguments: RankingMethod.allCases)
    func everyMethod(method: RankingMethod) throws {
        let uncertainty = try #require(IntegrityExtras(Self.matrix).rankUncertainty(method: method, resamples: 27, seed: 1, level: 0.9))
        #expect(abs(uncertainty.lines.map(\.goldChance).reduce(0, +) - 1) < 1e-9)
        #expect(abs(uncertainty.lines.map(\.medalChance).reduce(0, +) - 3) < 1e-9)
    }
}
