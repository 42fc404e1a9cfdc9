import Foundation
import Testing
@testable import ECPACore

/// The ranking keeps scores in millionths and totals in whole numbers; these tests hold it to the
/// arithmetic a person would do with exact decimals, on matrices big and irregular enough to matter.
@Suite("Exact ranking arithmetic at size")
struct ExactRankingTests {
    typealias S = Sample

    /// A scheme with fractional weights and half steps, so that sums are not whole numbers.
    static let scheme = ScoringScheme(
        name: "fractions", note: "", method: .weightedMean,
        criteria: [
            Criterion(code: "focus", name: "Focus", weight: Decimal(string: "1.25")!, min: 0, max: 10, step: Decimal(string: "0.5")!),
            Criterion(code: "evaluation", name: "Evaluation", weight: 2, min: 0, max: 10, step: Decimal(string: "0.5")!),
            Criterion(code: "innovation", name: "Innovation", weight: Decimal(string: "0.75")!, min: 1, max: 5, step: Decimal(string: "0.25")!),
        ],
        tieBreaks: [.highestWeightedCriterion, .headToHead, .sharedPlace])

    /// 60 entries, 9 jurors, every juror in conflict with one entry in nine, values from a fixed
    /// pseudo-random sequence (the same on every run).
    static func matrix(method: RankingMethod = .weightedMean) -> ScoreMatrix {
        var scheme = scheme
        scheme.method = method
        let entries = (1...60).map { EntryID(Int64($0)) }
        let jurors = (1...9).map { JurorID(Int64($0)) }
        var matrix = ScoreMatrix(scheme: scheme, entries: entries, jurors: jurors)
        var state: UInt64 = 20_181_206
        for entry in entries {
            for juror in jurors {
                if (entry.rawValue + juror.rawValue) % 9 == 0 {
                    matrix.conflicts.insert(EntryJurorPair(entry: entry, juror: juror))
                    continue
                }
                for criterion in scheme.criteria {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let steps = Int((state >> 33) % UInt64(truncating: ((criterion.max - criterion.min) / criterion.step) as NSNumber) + 1)
                    matrix.set(criterion.min + Decimal(steps) * criterion.step, entry: entry, juror: juror, criterion: criterion.code)
                }
            }
        }
        return matrix
    }

    @Test("Each weighted-mean score is the exact decimal mean of the jurors' weighted totals")
    func weightedMeanIsExact() throws {
        let matrix = Self.matrix()
        let ranking = try rank(matrix)
        #expect(ranking.places.count == 60)
        for place in ranking.places {
            let totals = matrix.jurors.compactMap { matrix.total(entry: place.entry, juror: $0) }
            let mean = totals.reduce(Decimal(0), +) / Decimal(totals.count)
            #expect(fixed(place.score, places: 12) == fixed(mean, places: 12), "entry \(place.entry)")
            #expect(place.jurorCount == 8)
        }
        let scores = ranking.places.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test(
        "Leaving a juror out gives the podium of the same matrix without that juror, by every method",
        arguments: RankingMethod.allCases)
    func leavingOutIsRankingWithout(method: RankingMethod) throws {
        let matrix = Self.matrix(method: method)
        let influences = leaveOneJurorOut(matrix, options: RankingOptions(method: method))
        #expect(influences.count == 9)
        for influence in influences {
            var without = matrix
            without.jurors.removeAll { $0 == influence.juror }
            let expected = try rank(without, options: RankingOptions(method: method, provisional: true)).podium
            #expect(influence.podium.map(\.entry) == expected.map(\.entry), "without juror \(influence.juror)")
            #expect(influence.podium.map(\.score) == expected.map(\.score), "without juror \(influence.juror)")
        }
    }

    @Test(
        "Ranks are averaged over ties in one sort, as counting would",
        arguments: [
            ([9, 7, 7, 5], [2, 5, 5, 8]), ([1, 1, 1], [4, 4, 4]), ([], []), ([3], [2]), ([1, 2, 3, 4], [8, 6, 4, 2]),
        ] as [([Int], [Int])])
    func doubledRanks(values: [Int], doubled: [Int]) {
        #expect(Statistics.doubledRanks(values) == doubled)
        let counted = values.map { value in 2 * values.filter { $0 > value }.count + values.filter { $0 == value }.count + 1 }
        #expect(counted == doubled)
    }

    @Test(
        "PostgreSQL's numeric text is read exactly in millionths, or refused",
        arguments: [
            ("7", 7_000_000), ("7.50", 7_500_000), ("-0.25", -250_000), ("10.5000000", 10_500_000), ("0.000001", 1),
            ("+3", 3_000_000), (".5", 500_000), ("5.", 5_000_000),
            ("1.0000001", nil), ("", nil), (".", nil), ("-", nil), ("1e1", nil), (" 7", nil), ("7 ", nil), ("NaN", nil),
            ("1000000000001", nil), ("٧", nil),
        ] as [(String, Int64?)])
    func millionths(text: String, units: Int64?) {
        #expect(Millionths.parse(text) == units)
    }

    @Test("A value off the grid in the seventh decimal is named as off the scale, not rounded onto it")
    func seventhDecimalIsOffTheScale() throws {
        var matrix = S.matrix(S.simple)
        let text = Array("8.0000001".utf8)
        text.withUnsafeBytes { matrix.set(numericText: $0, entry: S.e("FI"), juror: S.j(1), criterionAt: 0) }
        #expect(matrix.value(entry: S.e("FI"), juror: S.j(1), criterion: "focus") == Decimal(string: "8.0000001"))
        #expect(throws: RankingError.self) { try rank(matrix) }
        do {
            _ = try rank(matrix)
        } catch {
            #expect("\(error)".contains("8.0000001 is not allowed"))
        }
    }

    @Test("A weight or scale with more than six decimals, or beyond a million, is a scheme problem")
    func schemeNumbersFitTheRanking() {
        var scheme = S.fiveCriteria
        scheme.criteria[0].weight = Decimal(string: "0.1234567")!
        scheme.criteria[1].max = 2_000_000
        #expect(scheme.problems.map(\.field) == ["criteria.focus.weight", "criteria.evaluation.max"])
        #expect(scheme.problems.first?.message == "must have at most 6 decimals and lie between -1,000,000 and 1,000,000; it is 0.1234567.")
    }

    @Test("Borda with jurors who scored many different numbers of entries ranks rather than overflows")
    func bordaManyDenominators() throws {
        // Juror j has scored the first 2,000 - 7j entries: forty different denominators 2(k - 1),
        // whose common multiple outgrows 128 bits.
        let entries = (1...2000).map { EntryID(Int64($0)) }
        let jurors = (1...40).map { JurorID(Int64($0)) }
        var matrix = ScoreMatrix(scheme: Self.scheme, entries: entries, jurors: jurors)
        for (j, juror) in jurors.enumerated() {
            for entry in entries.prefix(2000 - 7 * (j + 1)) {
                for criterion in Self.scheme.criteria {
                    let value = criterion.min + Decimal((Int(entry.rawValue) * 7 + j * 3) % 8) * criterion.step
                    matrix.set(value, entry: entry, juror: juror, criterion: criterion.code)
                }
            }
        }
        let ranking = try rank(matrix, options: RankingOptions(method: .borda, provisional: true))
        #expect(ranking.places.count == 2000 - 7)
        let scores = ranking.places.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(!IntegrityExtras(matrix).podiumByMethod()[.borda, default: []].isEmpty)
    }

    @Test("A scheme changed after the scores were set keeps every score under its code")
    func schemeChangedLater() throws {
        var first = Self.scheme
        first.criteria = [Self.scheme.criteria[0]]
        var matrix = ScoreMatrix(scheme: first, entries: [EntryID(1), EntryID(2)], jurors: [JurorID(1)])
        for criterion in Self.scheme.criteria {
            matrix.set(criterion.max, entry: EntryID(1), juror: JurorID(1), criterion: criterion.code)
            matrix.set(criterion.min, entry: EntryID(2), juror: JurorID(1), criterion: criterion.code)
        }
        matrix.scheme = Self.scheme
        let ranking = try rank(matrix)
        #expect(ranking.places.map(\.entry) == [EntryID(1), EntryID(2)])
        #expect(matrix.value(entry: EntryID(1), juror: JurorID(1), criterion: "innovation") == 5)
    }

    @Test("When the scores cannot be ranked, agreement says why rather than blaming the coverage")
    func agreementSaysWhy() {
        var matrix = S.matrix(S.simple)
        matrix.set(Decimal(string: "7.5")!, entry: S.e("FI"), juror: S.j(1), criterion: "focus")
        let agreement = kendallsW(matrix)
        #expect(agreement.w == nil)
        #expect(agreement.sentence.hasPrefix("Agreement cannot be measured: The score of juror 1 for Finland: 7.5 is not allowed"))
        #expect(!agreement.sentence.contains("left out"))
    }
}
