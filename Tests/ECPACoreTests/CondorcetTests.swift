import Foundation
import Testing

@testable import ECPACore

@Suite("Condorcet views: pairwise preferences, Copeland, Schulze")
struct CondorcetTests {
    typealias S = Sample

    /// The classic example of Schulze's method (45 voters, five candidates A to E), each ballot
    /// best first, with how many voters cast it.
    static let ballots: [(Int, String)] = [
        (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
    ]
    static let names = ["A", "B", "C", "D", "E"]
    static func id(_ name: String) -> EntryID { EntryID(Int64(names.firstIndex(of: name)! + 1)) }

    static var classic: PairwisePreferences {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
        for (voters, ballot) in ballots {
            let order = ballot.map { names.firstIndex(of: String($0))! }
            for (position, better) in order.enumerated() {
                for worse in order[(position + 1)...] { counts[better][worse] += voters }
            }
        }
        return PairwisePreferences(entries: names.map(id), counts: counts)
    }

    @Test("The classic example: the pairwise counts, the strongest paths and the order E, A, C, B, D")
    func schulzeClassic() {
        let preferences = Self.classic
        #expect(preferences.count(Self.id("A"), over: Self.id("B")) == 20)
        #expect(preferences.count(Self.id("B"), over: Self.id("A")) == 25)
        #expect(preferences.count(Self.id("E"), over: Self.id("D")) == 31)
        let schulze = Condorcet.schulze(preferences)
        #expect(
            schulze.strongest == [
                [0, 28, 28, 30, 24],
                [25, 0, 28, 33, 24],
                [25, 29, 0, 29, 24],
                [25, 28, 28, 0, 24],
                [25, 28, 28, 31, 0],
            ])
        #expect(schulze.order == [["E"], ["A"], ["C"], ["B"], ["D"]].map { $0.map(Self.id) })
        #expect(schulze.beats(Self.id("E"), Self.id("A")))
        #expect(!schulze.beats(Self.id("A"), Self.id("E")))
    }

    @Test("Copeland on the classic example: E wins three duels and loses one; D wins one and loses three")
    func copelandClassic() {
        let scores = Condorcet.copeland(Self.classic)
        #expect(scores == [Self.id("A"): 0, Self.id("B"): 0, Self.id("C"): 0, Self.id("D"): -2, Self.id("E"): 2])
    }

    @Test("A cycle of three equal majorities leaves all three tied under Schulze")
    func cycle() {
        // A over B, B over C, C over A, each 2 to 1.
        let cycle = PairwisePreferences(entries: [1, 2, 3].map { EntryID($0) }, counts: [[0, 2, 1], [1, 0, 2], [2, 1, 0]])
        #expect(Condorcet.schulze(cycle).order == [[1, 2, 3].map { EntryID($0) }])
        #expect(Condorcet.copeland(cycle).values.allSatisfy { $0 == 0 })
    }

    @Test("Preferences are counted from the jurors' totals; a conflict or an equal total counts for neither")
    func fromTotals() {
        // Totals (all five criteria the same): juror 1 gives FI 9, LT 8, HU 8; juror 2 FI 7, LT 9,
        // HU 6; juror 3 is in conflict with FI and gives LT 6, HU 7.
        let matrix = S.matrix(
            S.uniform(["FI": [1: 9, 2: 7], "LT": [1: 8, 2: 9, 3: 6], "HU": [1: 8, 2: 6, 3: 7]]),
            conflicts: [("FI", 3)])
        let preferences = IntegrityExtras(matrix).pairwise(among: ["FI", "LT", "HU"].map(S.e))
        #expect(preferences.count(S.e("FI"), over: S.e("LT")) == 1)
        #expect(preferences.count(S.e("LT"), over: S.e("FI")) == 1)
        #expect(preferences.count(S.e("FI"), over: S.e("HU")) == 2)
        #expect(preferences.count(S.e("HU"), over: S.e("FI")) == 0)
        #expect(preferences.count(S.e("LT"), over: S.e("HU")) == 1)  // juror 1 gave both 8
        #expect(preferences.count(S.e("HU"), over: S.e("LT")) == 1)
        #expect(Condorcet.copeland(preferences) == [S.e("FI"): 1, S.e("LT"): 0, S.e("HU"): -1])
        // Schulze: FI beats HU (2 to 0); FI and LT, and LT and HU, are level. Nobody beats FI or LT,
        // so they share first place, though FI beats one entry and LT none; then HU.
        #expect(Condorcet.schulze(preferences).order == [[S.e("FI"), S.e("LT")], [S.e("HU")]])
    }
}
