import Foundation
import Testing
import ECPACore

@Suite("Integrity extras: stability, methods side by side, agreement")
struct IntegrityTests {
    typealias S = Sample

    static let matrix = S.matrix(S.methods, jurors: [1, 2, 3, 4])

    @Test(
        "Example 11: without each juror in turn, which medals change",
        arguments: [
            (1, "Without juror 1, silver goes to Finland instead of Austria; bronze goes to Austria instead of Finland."),
            (2, "Without juror 2 the podium is unchanged."),
            (3, "Without juror 3, gold goes to Austria instead of Hungary; silver goes to Hungary instead of Austria."),
            (
                4,
                "Without juror 4, gold goes to Austria instead of Hungary; silver goes to Finland instead of Austria; "
                    + "bronze goes to Hungary instead of Finland."
            ),
        ] as [(Int64, String)])
    func leaveOneOut(juror: Int64, sentence: String) throws {
        let influences = leaveOneJurorOut(Self.matrix)
        #expect(influences.map(\.juror) == [1, 2, 3, 4].map(S.j))
        let influence = try #require(influences.first { $0.juror == S.j(juror) })
        #expect(influence.sentence == sentence)
        #expect(influence.changesPodium == (juror != 2))
        #expect(influence.podium.count == 3)
    }

    @Test("Without juror 3 the gold changes hands, as data")
    func leaveOneOutData() throws {
        let influence = try #require(leaveOneJurorOut(Self.matrix).first { $0.juror == S.j(3) })
        #expect(
            influence.changes == [
                MedalChange(medal: .gold, before: [S.e("HU")], after: [S.e("AT")]),
                MedalChange(medal: .silver, before: [S.e("AT")], after: [S.e("HU")]),
            ])
        #expect(influence.podium.map(\.entry) == [S.e("AT"), S.e("HU"), S.e("FI")])
    }

    @Test(
        "Example 10: the podium under every method side by side",
        arguments: [
            (RankingMethod.weightedMean, ["HU", "AT", "FI"]),
            (.median, ["FI", "HU", "AT"]),
            (.normalized, ["AT", "HU", "FI"]),
            (.borda, ["AT", "HU", "FI"]),
        ])
    func podiums(method: RankingMethod, podium: [String]) {
        let podiums = podiumByMethod(Self.matrix)
        #expect(podiums.count == RankingMethod.allCases.count)
        #expect(podiums[method]?.map(\.entry) == podium.map(S.e))
    }

    @Test("Example 12: Kendall's W is 1 when every juror orders the entries the same way")
    func identicalOrders() {
        let matrix = S.matrix(
            S.uniform([
                "FI": [1: 9, 2: 10, 3: 8], "LT": [1: 8, 2: 9, 3: 7], "HU": [1: 7, 2: 6, 3: 6], "AT": [1: 6, 2: 5, 3: 2],
            ]))
        let agreement = kendallsW(matrix)
        #expect(agreement.w == 1)
        #expect(agreement.chiSquare == 9)
        #expect(agreement.degreesOfFreedom == 3)
        #expect(abs((agreement.pValue ?? 0) - 0.0292909) < 1e-6)
        #expect(agreement.leftOut == [])
    }

    @Test("Example 12: a hand-computed W with the tie correction")
    func tieCorrected() throws {
        // Juror 1 gives Lithuania and Austria 10 each: ranks 1.5 and 1.5, T = 2^3 - 2 = 6.
        // Rank sums FI 10, LT 13.5, HU 9, AT 7.5; mean 10; S = 0 + 12.25 + 1 + 6.25 = 19.5.
        // W = 12 x 19.5 / (4^2 (4^3 - 4) - 4 x 6) = 234 / 936 = 0.25.
        let agreement = kendallsW(Self.matrix)
        let w = try #require(agreement.w)
        #expect(abs(w - 0.25) < 1e-12)
        #expect(abs((agreement.chiSquare ?? 0) - 3) < 1e-12)
        #expect(abs((agreement.pValue ?? 0) - 0.3916252) < 1e-6)
        #expect(agreement.jurorCount == 4)
        #expect(agreement.entries.count == 4)
        #expect(
            agreement.sentence == "Kendall's W is 0.250 over 4 entries scored by all 4 voting jurors "
                + "(1 means identical orders, 0 no agreement); chi-square 3.00 with 3 degrees of freedom, p = 0.392.")
    }

    @Test("Entries not scored by every voting juror are left out of W, and the sentence says so")
    func leftOut() throws {
        var scores = S.methods
        scores["LT"]?[4] = nil
        let matrix = S.matrix(scores, jurors: [1, 2, 3, 4], conflicts: [("LT", 4)])
        let agreement = kendallsW(matrix)
        // FI, HU, AT: rank sums 9, 8, 7; S = 2; W = 24 / (16 x 24) = 0.0625; chi-square 0.5, 2 df.
        #expect(agreement.leftOut == [S.e("LT")])
        #expect(abs((agreement.w ?? 0) - 0.0625) < 1e-12)
        #expect(abs((agreement.pValue ?? 0) - exp(-0.25)) < 1e-9)
        #expect(agreement.sentence.hasSuffix(" 1 entry was left out because not every voting juror scored it."))
    }

    @Test("Agreement cannot be measured with a single juror")
    func tooFew() {
        let agreement = kendallsW(S.matrix(S.simple, jurors: [1]))
        #expect(agreement.w == nil)
        #expect(agreement.pValue == nil)
        #expect(agreement.sentence.hasPrefix("Agreement cannot be measured"))
    }

    @Test(
        "Chi-square p-values match the tables",
        arguments: [
            (3.84, 1, 0.0500435), (11.07, 5, 0.0500096), (2.0, 2, 0.3678794), (3.0, 3, 0.3916252), (9.0, 3, 0.0292909),
            (50.0, 4, 3.6108654e-10), (0.5, 10, 0.9999934), (100.0, 60, 0.00091682886), (0.0, 4, 1.0),
        ] as [(Double, Int, Double)])
    func pValues(chiSquare: Double, df: Int, p: Double) {
        let computed = Statistics.chiSquarePValue(chiSquare, degreesOfFreedom: df)
        #expect(abs(computed - p) <= p * 1e-5)
    }

    @Test(
        "Each juror's Spearman correlation with the consensus",
        arguments: [
            (1, -0.6324555), (2, 0.4), (3, 0.8), (4, 1.0),
        ] as [(Int64, Double)])
    func spearmanCorrelations(juror: Int64, rho: Double) throws {
        let correlations = spearman(Self.matrix)
        let value = try #require(correlations[S.j(juror)] ?? nil)
        #expect(abs(value - rho) < 1e-6)
    }

    @Test("Spearman needs at least 3 entries scored by the juror")
    func spearmanTooFew() {
        var scores = S.simple
        scores["LT"]?[3] = nil
        scores["AT"] = nil
        let matrix = S.matrix(scores, conflicts: [("LT", 3)])
        let correlations = spearman(matrix)
        #expect(correlations.count == 3)
        #expect(correlations[S.j(3)] == .some(nil))
        #expect(correlations[S.j(1)] == .some(1.0))
    }

    @Test(
        "Ranks with ties averaged",
        arguments: [
            ([9, 7, 7, 5], ["1", "2.5", "2.5", "4"]),
            ([5, 5, 5], ["2", "2", "2"]),
            ([1, 2, 3], ["3", "2", "1"]),
        ] as [([Decimal], [String])])
    func averageRanks(values: [Decimal], ranks: [String]) {
        #expect(Statistics.averageRanks(values) == ranks.map(S.d))
    }
}
