import Foundation
import Testing
import ECPACore

@Suite("Ranking: worked examples of docs/scoring.md")
struct RankingTests {
    typealias S = Sample

    @Test(
        "Example 1: a juror's total is the weighted mean of their scores",
        arguments: [
            ("FI", 1, "9"), ("FI", 2, "8.5"), ("FI", 3, "9.5"),
            ("LT", 1, "8"), ("LT", 2, "8.5"), ("LT", 3, "7.5"),
            ("HU", 1, "7.5"), ("HU", 2, "7"), ("HU", 3, "8"),
            ("AT", 1, "6"), ("AT", 2, "6.5"), ("AT", 3, "7"),
        ] as [(String, Int64, String)])
    func jurorTotals(entry: String, juror: Int64, total: String) {
        let matrix = S.matrix(S.simple)
        #expect(matrix.total(entry: S.e(entry), juror: S.j(juror)) == S.d(total))
    }

    @Test("Example 1: the entry's score is the mean of the jurors' totals; medals go to the top three")
    func simple() throws {
        let matrix = S.matrix(S.simple)
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Lithuania 8.00 silver", "3 Hungary 7.50 bronze", "4 Austria 6.50",
            ])
        #expect(ranking.places.map(\.jurorCount) == [3, 3, 3, 3])
        #expect(ranking.ties == [])
        #expect(ranking.provisional == false)
        #expect(matrix.missingCells() == [])
    }

    @Test("Example 2: a juror in conflict leaves the entry's mean to the other jurors, never a zero")
    func conflict() throws {
        var scores = S.simple
        scores["HU"]?[2] = nil
        let matrix = S.matrix(scores, conflicts: [("HU", 2)])
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Lithuania 8.00 silver", "3 Hungary 7.75 bronze", "4 Austria 6.50",
            ])
        #expect(ranking.entry(S.e("HU"))?.jurorCount == 2)
        #expect(matrix.coverage(entry: S.e("HU"), juror: S.j(2)) == .conflict)
        #expect(matrix.missingCells() == [])
        // Counted as zero it would have been (45 + 0 + 48) / 18 = 5.17, below Austria.
        #expect(ranking.entry(S.e("HU"))?.score != Decimal(93) / 18)

        // A stray score for the conflicted pair (say a 0 typed by mistake) is ignored.
        var stray = matrix
        for criterion in stray.scheme.criteria { stray.set(0, entry: S.e("HU"), juror: S.j(2), criterion: criterion.code) }
        #expect(try rank(stray) == ranking)
    }

    @Test("Example 3: an abstention is a declared non-vote: not missing, and not counted")
    func abstention() throws {
        var scores = S.simple
        scores["LT"]?[3] = nil
        let matrix = S.matrix(scores, abstentions: [("LT", 3)])
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Lithuania 8.25 silver", "3 Hungary 7.50 bronze", "4 Austria 6.50",
            ])
        #expect(ranking.entry(S.e("LT"))?.jurorCount == 2)
        #expect(matrix.coverage(entry: S.e("LT"), juror: S.j(3)) == .abstained)
        #expect(matrix.missingCells() == [])
    }

    @Test("Example 4: a three-way tie settled first by the evaluation mean, then head to head")
    func threeWayTie() throws {
        let matrix = S.matrix(S.threeWayTie)
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Belgium 7.00 silver", "3 Czechia 7.00 bronze", "4 Denmark 7.00",
            ])
        #expect(ranking.places.map(\.sharedPlace) == [false, false, false, false])
        #expect(ranking.ties.map(\.rule) == [.highestWeightedCriterion, .headToHead])
        #expect(
            ranking.ties.map(\.sentence) == [
                "Belgium, Czechia and Denmark tied at 7.000; the higher mean on Evaluated and effective "
                    + "(Belgium 8.000, Czechia 7.000, Denmark 7.000) orders them Belgium, then Czechia and Denmark (still tied).",
                "Czechia and Denmark tied at 7.000, also on Evaluated and effective (7.000); settled head to head: "
                    + "of the 3 jurors who scored both, 2 gave Czechia the higher total and 1 gave Denmark.",
            ])
        #expect(ranking.ties[0].groups == [[S.e("BE")], [S.e("CZ"), S.e("DK")]])
        #expect(ranking.ties[0].criterion == "evaluation")
        #expect(ranking.needsJuryDecision == false)
    }

    @Test("Example 4: with head-to-head first in the cascade, a group left tied starts the cascade again")
    func cascadeRestarts() throws {
        var matrix = S.matrix(S.threeWayTie)
        matrix.scheme.tieBreaks = [.headToHead, .highestWeightedCriterion, .sharedPlace]
        let ranking = try rank(matrix)
        // Among all three, head to head has no strict order (Belgium and Denmark: 40-40, 43-43, 43-43);
        // the criterion puts Belgium first; then head to head, tried again on the two left, settles them.
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Belgium 7.00 silver", "3 Czechia 7.00 bronze", "4 Denmark 7.00",
            ])
        #expect(ranking.ties.map(\.rule) == [.highestWeightedCriterion, .headToHead])
        #expect(
            ranking.ties.map(\.sentence) == [
                "Belgium, Czechia and Denmark tied at 7.000, also head to head (the pairwise majorities give no strict order); "
                    + "the higher mean on Evaluated and effective (Belgium 8.000, Czechia 7.000, Denmark 7.000) orders them "
                    + "Belgium, then Czechia and Denmark (still tied).",
                "Czechia and Denmark tied at 7.000, also on Evaluated and effective (7.000); settled head to head: "
                    + "of the 3 jurors who scored both, 2 gave Czechia the higher total and 1 gave Denmark.",
            ])
    }

    @Test("Example 5: a tie at the bronze/fourth boundary that no rule settles gives two bronzes")
    func twoBronzes() throws {
        var scores = S.evenPair
        scores["FI"] = S.simple["FI"]
        scores["LT"] = S.simple["LT"]
        let matrix = S.matrix(scores)
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Lithuania 8.00 silver", "3= Hungary 7.50 bronze", "3= Austria 7.50 bronze",
            ])
        #expect(ranking.holders(of: .bronze) == [S.e("HU"), S.e("AT")])
        #expect(ranking.needsJuryDecision)
        #expect(
            ranking.ties.map(\.sentence) == [
                "Hungary and Austria tied at 7.500, also on Evaluated and effective (7.667) and head to head "
                    + "(of the 3 jurors who scored both, 1 favoured each, 1 gave equal totals); "
                    + "they share place 3 (bronze), flagged for a jury decision."
            ])
        #expect(ranking.ties.first?.needsJuryDecision == true)
    }

    @Test("Example 6: two silvers mean the next place is 4, so there is no bronze")
    func twoSilvers() throws {
        var scores = S.evenPair
        scores["FI"] = S.simple["FI"]
        scores["EE"] = S.simple["AT"]
        let matrix = S.matrix(scores)
        let ranking = try rank(matrix)
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2= Hungary 7.50 silver", "2= Austria 7.50 silver", "4 Estonia 6.50",
            ])
        #expect(ranking.holders(of: .bronze) == [])
        #expect(ranking.podium.count == 3)
    }

    @Test(
        "Medals follow competition places: a shared place shares its medal, fewer entries fewer medals",
        arguments: [
            ([9, 8, 7, 6], ["gold", "silver", "bronze", "-"]),
            ([9, 9, 8, 7], ["gold", "gold", "bronze", "-"]),
            ([9, 8, 8, 7], ["gold", "silver", "silver", "-"]),
            ([9, 8, 7, 7], ["gold", "silver", "bronze", "bronze"]),
            ([9, 9, 9, 7], ["gold", "gold", "gold", "-"]),
            ([9, 8], ["gold", "silver"]),
            ([9], ["gold"]),
        ] as [([Decimal], [String])])
    func medals(totals: [Decimal], medals: [String]) throws {
        let codes = ["FI", "LT", "HU", "AT"]
        let matrix = S.matrix(S.uniform(Dictionary(uniqueKeysWithValues: zip(codes, totals.map { [1: $0] }))), jurors: [1])
        let ranking = try rank(matrix)
        #expect(ranking.places.map { $0.medal?.rawValue ?? "-" } == medals)
    }

    @Test("Example 7: the jury moves Hungary to gold with its reason; the others keep their order")
    func overrideToGold() throws {
        let matrix = S.matrix(S.simple)
        let reason = "The jury judged Hungary's evaluation the most convincing after deliberation."
        let override = JuryOverride(entry: S.e("HU"), place: 1, reason: reason)
        let ranking = try rank(matrix, options: RankingOptions(overrides: [override]))
        #expect(
            S.lines(ranking, matrix) == [
                "1 Hungary 7.50 gold (jury: \(reason))", "2 Finland 9.00 silver", "3 Lithuania 8.00 bronze", "4 Austria 6.50",
            ])
        #expect(ranking.entry(S.e("HU"))?.computedPlace == 3)
        #expect(ranking.entry(S.e("FI"))?.computedPlace == 1)
        #expect(ranking.overrides == [override])
    }

    @Test("Example 7: an override can settle a shared place")
    func overrideSettlesTie() throws {
        var scores = S.evenPair
        scores["FI"] = S.simple["FI"]
        scores["LT"] = S.simple["LT"]
        let matrix = S.matrix(scores)
        let override = JuryOverride(entry: S.e("AT"), place: 3, reason: "Better evidence of impact.")
        let ranking = try rank(matrix, options: RankingOptions(overrides: [override]))
        #expect(
            S.lines(ranking, matrix) == [
                "1 Finland 9.00 gold", "2 Lithuania 8.00 silver", "3 Austria 7.50 bronze (jury: Better evidence of impact.)",
                "4 Hungary 7.50",
            ])
        #expect(ranking.needsJuryDecision == false)
        // The tie's note says where the override left the entries, not that they still share.
        #expect(
            ranking.ties.map(\.sentence) == [
                "Hungary and Austria tied at 7.500, also on Evaluated and effective (7.667) and head to head (of the 3 jurors "
                    + "who scored both, 1 favoured each, 1 gave equal totals); they would share place 3 (bronze), and after the "
                    + "jury's override Austria placed by the jury at 3 (bronze) and Hungary at 4."
            ])
        #expect(ranking.ties.map(\.needsJuryDecision) == [false])
    }

    @Test(
        "Overrides that cannot be applied are refused, every reason in a plain sentence",
        arguments: [
            (
                [JuryOverride(entry: S.e("HU"), place: 1, reason: "  ")],
                ["The override placing Hungary at 1 needs a reason; the report prints it."]
            ),
            (
                [JuryOverride(entry: S.e("HU"), place: 5, reason: "r")],
                ["Hungary cannot be placed at 5: with 4 ranked entries the places run from 1 to 4."]
            ),
            (
                [JuryOverride(entry: S.e("HU"), place: 0, reason: "r")],
                ["Hungary cannot be placed at 0: with 4 ranked entries the places run from 1 to 4."]
            ),
            (
                [JuryOverride(entry: S.e("EE"), place: 1, reason: "r")],
                ["Estonia cannot be placed by an override: it is not among the ranked entries (withdrawn, ineligible, additional or not yet scored)."]
            ),
            (
                [JuryOverride(entry: S.e("HU"), place: 1, reason: "r"), JuryOverride(entry: S.e("AT"), place: 1, reason: "r")],
                ["Hungary and Austria are both overridden to place 1; give each place to one entry."]
            ),
            (
                [JuryOverride(entry: S.e("HU"), place: 1, reason: "r"), JuryOverride(entry: S.e("HU"), place: 2, reason: "r")],
                ["Hungary is overridden twice; give it one place."]
            ),
            (
                [JuryOverride(entry: S.e("HU"), place: 9, reason: ""), JuryOverride(entry: S.e("AT"), place: 1, reason: "r")],
                [
                    "The override placing Hungary at 9 needs a reason; the report prints it.",
                    "Hungary cannot be placed at 9: with 4 ranked entries the places run from 1 to 4.",
                ]
            ),
        ] as [([JuryOverride], [String])])
    func invalidOverrides(overrides: [JuryOverride], sentences: [String]) {
        #expect(throws: RankingError.invalidOverrides(sentences)) {
            try rank(S.matrix(S.simple), options: RankingOptions(overrides: overrides))
        }
    }

    @Test("An override that lands inside a shared place is refused until the jury places those entries too")
    func overrideInsideSharedPlace() {
        var scores = S.evenPair
        scores["FI"] = S.simple["FI"]
        scores["EE"] = S.simple["AT"]
        let matrix = S.matrix(scores)
        let override = JuryOverride(entry: S.e("EE"), place: 3, reason: "r")
        #expect(
            throws: RankingError.invalidOverrides([
                "The override of Estonia at place 3 falls inside the place shared by Hungary and Austria; settle that tie by placing them too."
            ])
        ) {
            try rank(matrix, options: RankingOptions(overrides: [override]))
        }
    }

    @Test("Example 8: a withdrawn entry leaves the ranking and the podium moves up")
    func withdrawal() throws {
        let matrix = S.matrix(S.simple, entries: ["LT", "HU", "AT"])
        let ranking = try rank(matrix)
        #expect(S.lines(ranking, matrix) == ["1 Lithuania 8.00 gold", "2 Hungary 7.50 silver", "3 Austria 6.50 bronze"])
        // Finland's scores stay in the matrix for the record, but do not count.
        #expect(matrix.value(entry: S.e("FI"), juror: S.j(1), criterion: "focus") != nil)
    }

    @Test("Example 9: missing cells are listed exactly and refused unless the ranking is provisional")
    func missingCells() throws {
        var matrix = S.matrix(S.simple)
        let removed = [
            ScoreCell(entry: S.e("FI"), juror: S.j(2), criterion: "focus"),
            ScoreCell(entry: S.e("AT"), juror: S.j(3), criterion: "innovation"),
            ScoreCell(entry: S.e("AT"), juror: S.j(3), criterion: "cooperation"),
        ]
        for cell in removed { matrix.set(nil, entry: cell.entry, juror: cell.juror, criterion: cell.criterion) }
        #expect(matrix.missingCells() == removed)
        #expect(matrix.coverage(entry: S.e("AT"), juror: S.j(3)) == .partial)
        #expect(throws: RankingError.missingCells(removed)) { try rank(matrix) }
        #expect(
            RankingError.missingCells(removed).description
                == "3 scores are still missing, so the ranking cannot be final: entry 1 (juror 2: focus), "
                + "entry 4 (juror 3: innovation, cooperation). Rank provisionally to see the order so far.")

        let provisional = try rank(matrix, options: RankingOptions(provisional: true))
        #expect(
            S.lines(provisional, matrix) == [
                "1 Finland 9.25 gold", "2 Lithuania 8.00 silver", "3 Hungary 7.50 bronze", "4 Austria 6.25",
            ])
        #expect(provisional.places.map(\.jurorCount) == [2, 3, 3, 2])
        #expect(provisional.provisional)
        #expect(provisional.missingCells == removed)
    }

    @Test("A provisional ranking leaves out entries nobody has finished scoring, and names them")
    func provisionalUnscored() throws {
        var scores = S.simple
        scores["AT"] = [:]
        let matrix = S.matrix(scores, entries: ["FI", "LT", "HU", "AT"])
        let ranking = try rank(matrix, options: RankingOptions(provisional: true))
        #expect(S.lines(ranking, matrix) == ["1 Finland 9.00 gold", "2 Lithuania 8.00 silver", "3 Hungary 7.50 bronze"])
        #expect(ranking.unscored == [S.e("AT")])
        #expect(matrix.coverage(entry: S.e("AT"), juror: S.j(1)) == .missing)
    }

    @Test("An entry every juror is in conflict with cannot be ranked")
    func noCountingJurors() {
        var scores = S.simple
        scores["AT"] = [:]
        let matrix = S.matrix(scores, conflicts: [("AT", 1), ("AT", 2), ("AT", 3)])
        #expect(matrix.missingCells() == [])
        #expect(throws: RankingError.noCountingJurors([S.e("AT")])) { try rank(matrix) }
    }

    @Test("A score off the scale is refused with the juror, the entry and the scale named")
    func offScale() {
        var matrix = S.matrix(S.simple)
        matrix.set(S.d("7.5"), entry: S.e("LT"), juror: S.j(2), criterion: "innovation")
        #expect(
            throws: RankingError.invalidScores([
                "The score of juror 2 for Lithuania: 7.5 is not allowed for Innovation: scores go from 0 to 10 in steps of 1."
            ])
        ) { try rank(matrix) }
    }

    @Test(
        "Example 10: each method on one matrix",
        arguments: [
            (RankingMethod.weightedMean, ["1 Hungary 7.50 gold", "2 Austria 7.25 silver", "3 Finland 7.00 bronze", "4 Lithuania 5.25"]),
            (.median, ["1 Finland 8.00 gold", "2 Hungary 7.50 silver", "3 Austria 7.00 bronze", "4 Lithuania 4.00"]),
            (.normalized, ["1 Austria 5.71 gold", "2 Hungary 5.32 silver", "3 Finland 5.11 bronze", "4 Lithuania 3.86"]),
            (.borda, ["1 Austria 2.13 gold", "2 Hungary 1.75 silver", "3 Finland 1.50 bronze", "4 Lithuania 0.63"]),
        ])
    func methods(method: RankingMethod, expected: [String]) throws {
        let matrix = S.matrix(S.methods, jurors: [1, 2, 3, 4])
        let ranking = try rank(matrix, options: RankingOptions(method: method))
        #expect(S.lines(ranking, matrix) == expected)
        #expect(ranking.method == method)
    }

    @Test(
        "Normalized scores are kept to 6 decimals, exactly",
        arguments: [
            ("AT", "5.709591"), ("HU", "5.323781"), ("FI", "5.105993"), ("LT", "3.860635"),
        ])
    func normalizedDecimals(entry: String, score: String) throws {
        let matrix = S.matrix(S.methods, jurors: [1, 2, 3, 4])
        let ranking = try rank(matrix, options: RankingOptions(method: .normalized))
        #expect(ranking.entry(S.e(entry))?.score == S.d(score))
    }

    @Test("Borda with a conflict scales each juror's points to the same range")
    func bordaWithConflict() throws {
        // Juror 4 is in conflict with Lithuania, so ranks 3 entries: HU 8, AT 5, FI 4 get 2, 1, 0
        // points, scaled by (4 - 1) / (3 - 1) to 3, 1.5 and 0 (without the conflict: 3, 2, 1).
        var scores = S.methods
        scores["LT"]?[4] = nil
        let matrix = S.matrix(scores, jurors: [1, 2, 3, 4], conflicts: [("LT", 4)])
        let ranking = try rank(matrix, options: RankingOptions(method: .borda))
        #expect(
            S.lines(ranking, matrix) == [
                "1 Austria 2.00 gold", "2 Hungary 1.75 silver", "3 Finland 1.25 bronze", "4 Lithuania 0.83",
            ])
    }

    @Test("The median of an even number of totals is the mean of the middle two")
    func evenMedian() throws {
        let matrix = S.matrix(S.methods, jurors: [1, 2, 3, 4])
        let ranking = try rank(matrix, options: RankingOptions(method: .median))
        // Austria's totals 10, 9, 5, 5: the middle two are 9 and 5.
        #expect(ranking.entry(S.e("AT"))?.score == 7)
    }

    @Test("The same matrix, however its lists are ordered, gives the same ranking")
    func determinism() throws {
        let matrix = S.matrix(S.threeWayTie)
        var shuffled = matrix
        shuffled.entries.reverse()
        shuffled.jurors.reverse()
        for method in RankingMethod.allCases {
            let options = RankingOptions(method: method)
            #expect(try rank(matrix, options: options) == rank(shuffled, options: options))
        }
    }

    @Test("A scheme that breaks its rules cannot rank")
    func invalidScheme() {
        var matrix = S.matrix(S.simple)
        matrix.scheme.criteria[0].weight = 0
        #expect(
            throws: RankingError.invalidScheme([
                SchemeProblem(line: nil, field: "criteria.focus.weight", message: "must be more than 0; it is 0.")
            ])
        ) { try rank(matrix) }
    }

    @Test(
        "Numbers are printed with fixed decimals, half away from zero",
        arguments: [
            ("2.345", 2, "2.35"), ("-2.345", 2, "-2.35"), ("2.5", 0, "3"), ("2.25", 1, "2.3"), ("0.125", 2, "0.13"),
            ("7", 2, "7.00"), ("-0.004", 2, "0.00"), ("1234.5", 0, "1235"), ("8.5", 1, "8.5"), ("0", 3, "0.000"),
        ] as [(String, Int, String)])
    func fixedDecimals(value: String, places: Int, expected: String) {
        #expect(fixed(S.d(value), places: places) == expected)
    }

    @Test("A repeating score prints the same every time")
    func fixedRepeating() {
        #expect(fixed(Decimal(148) / 18, places: 2) == "8.22")
        #expect(fixed(Decimal(2) / 3, places: 4) == "0.6667")
    }
}
