import Foundation
import Testing
import ECPACore

@Suite("Scoring schemes")
struct ScoringSchemeTests {
    /// The shipped default, read from config/ as the binary embeds it.
    static func shippedText() throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("config/schemes/ecpa-default.toml"), encoding: .utf8)
    }

    @Test("The shipped default has the five binding criteria, evaluation weighing twice, scored 0 to 10")
    func shippedDefault() throws {
        let (scheme, problems) = ScoringScheme.parse(try Self.shippedText())
        #expect(problems == [])
        let parsed = try #require(scheme)
        #expect(parsed.name == "ecpa-default")
        #expect(parsed.method == .weightedMean)
        #expect(parsed.tieBreaks == [.highestWeightedCriterion, .headToHead, .sharedPlace])
        #expect(parsed.criteria.map(\.code) == ["focus", "evaluation", "innovation", "cooperation", "transferability"])
        #expect(parsed.criteria.map(\.weight) == [1, 2, 1, 1, 1])
        #expect(parsed.criteria.allSatisfy { $0.scaleDescription == "0 to 10 in steps of 1" })
        #expect(parsed.criteria.allSatisfy { !$0.description.isEmpty })
        #expect(parsed.criterion("evaluation")?.name == "Evaluated and effective")
        // The file says, in data that survives storage, that its values are an assumption.
        #expect(parsed.note?.contains("not public") == true)
        // The note reaches public pages, so it names no command; the file's own comments say how to replace it.
        #expect(parsed.note?.contains("ecpa ") == false)
        #expect(try Self.shippedText().contains("ecpa scheme set --edition YEAR --file FILE"))
    }

    @Test(
        "A scheme written out reads back equal",
        arguments: [
            Sample.fiveCriteria,
            ScoringScheme(
                name: "half-points",
                note: "Line one.\nLine two with \"quotes\" and a back\\slash.",
                method: .borda,
                criteria: [
                    Criterion(
                        code: "impact", name: "Impact \"measured\"", description: "", weight: Sample.d("1.5"),
                        min: Sample.d("-2"), max: Sample.d("2"), step: Sample.d("0.5")),
                    Criterion(
                        code: "cost-2", name: "Cost", description: String(repeating: "Long text. ", count: 12),
                        weight: Sample.d("0.25"), min: 1, max: 5, step: 1),
                ],
                tieBreaks: [.headToHead, .sharedPlace]
            ),
        ])
    func roundTrip(scheme: ScoringScheme) {
        let (read, problems) = ScoringScheme.parse(scheme.tomlText)
        #expect(problems == [])
        #expect(read == scheme)
    }

    @Test(
        "Decimal numbers are read exactly, never through binary floating point",
        arguments: [
            ("0.1", "0.1"), ("0.3", "0.3"), ("1_000.25", "1000.25"), ("2.5e-1", "0.25"), ("1e2", "100"),
            ("+1.50", "1.5"), ("3", "3"), ("0.000001", "0.000001"),
        ])
    func exactDecimals(written: String, expected: String) throws {
        let text = Sample.oneCriterion(weight: written)
        let scheme = try #require(ScoringScheme.parse(text).scheme)
        #expect(scheme.criteria[0].weight == Sample.d(expected))
    }

    @Test("0.1 + 0.2 is exactly 0.3 once read from a file")
    func noBinaryRounding() throws {
        let a = try #require(ScoringScheme.parse(Sample.oneCriterion(weight: "0.1")).scheme).criteria[0].weight
        let b = try #require(ScoringScheme.parse(Sample.oneCriterion(weight: "0.2")).scheme).criteria[0].weight
        #expect(a + b == Sample.d("0.3"))
    }

    @Test(
        "Numbers TOML does not allow are refused with the field named",
        arguments: [
            "01.5", "1.", ".5", "1..2", "inf", "nan", "1,5", "1.5.2", "1__0",
        ])
    func badNumbers(written: String) {
        let (scheme, problems) = ScoringScheme.parse(Sample.oneCriterion(weight: written))
        #expect(scheme == nil)
        #expect(problems.map(\.description) == ["line 5, criteria.focus.weight: must be a number such as 1 or 0.5."])
    }

    @Test("A file with many mistakes reports every one, each with its line")
    func everyProblem() {
        let text = """
            name = ""
            method = "weighted-average"
            tie_breaks = ["head-to-head", "head-to-head"]

            [criteria.Focus]
            name = "Focus"
            weight = 0
            min = 10
            max = 0
            step = 1

            [criteria.innovation]
            name = "Innovation"
            weight = 1
            min = 0
            max = 10
            step = 3

            [criteria.cooperation]
            weight = "2"
            min = 0
            max = 10
            step = 1
            colour = "blue"

            [scoring]
            scale = 10
            """
        let (scheme, problems) = ScoringScheme.parse(text)
        #expect(scheme == nil)
        #expect(
            problems.map(\.description) == [
                "line 1, name: must not be blank, e.g. name = \"ecpa-2025\".",
                "line 2, method: must be one of \"weighted-mean\", \"normalized\", \"median\", \"borda\", in double quotes.",
                "line 3, tie_breaks: lists \"head-to-head\" more than once.",
                "line 3, tie_breaks: must end with \"shared-place\": a tie that no rule settles is a shared place for the jury to decide.",
                "line 5, criteria.Focus: \"Focus\" is not a usable criterion code: use lower-case letters, digits and hyphens, starting with a letter, e.g. [criteria.focus].",
                "line 7, criteria.Focus.weight: must be more than 0; it is 0.",
                "line 9, criteria.Focus.max: must be more than min; the scale runs from 10 to 0.",
                "line 17, criteria.innovation.step: 3 does not divide the scale from 0 to 10 into whole steps.",
                "line 19, criteria.cooperation.name: is required: the criterion's name as jurors see it.",
                "line 20, criteria.cooperation.weight: must be a number without quotes, e.g. weight = 2.",
                "line 24, criteria.cooperation.colour: is not a field of a criterion; a criterion has name, description, weight, min, max and step.",
                "line 26: there is no [scoring] section; a scheme has name, note, method and tie_breaks at the top, one [criteria.CODE] section per criterion and optional [analysis] and [decision] sections.",
            ])
    }

    @Test(
        "Structural mistakes are named with their line and field",
        arguments: [
            (
                "name = \"x\"\nmethod = \"median\"\ntie_breaks = [\"shared-place\"]\n",
                ["criteria: a scheme needs at least one criterion, such as a [criteria.focus] section with its name, weight and scale."]
            ),
            (
                Sample.oneCriterion(weight: "1") + "[criteria.focus]\n",
                ["line 12: the [criteria.focus] section appears twice; the first is on line 4."]
            ),
            (
                "name = \"x\"\nname = \"y\"\n",
                [
                    "line 2, name: is given twice; the first is on line 1.",
                    "method: is required: one of \"weighted-mean\", \"normalized\", \"median\", \"borda\".",
                    "tie_breaks: is required, e.g. tie_breaks = [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"].",
                    "criteria: a scheme needs at least one criterion, such as a [criteria.focus] section with its name, weight and scale.",
                ]
            ),
            (
                Sample.oneCriterion(weight: "1").replacingOccurrences(of: "[\"shared-place\"]", with: "[\"coin-toss\", \"shared-place\"]"),
                [
                    "line 3, tie_breaks: has \"coin-toss\", which is not a tie-break rule; the rules are \"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"."
                ]
            ),
            (
                Sample.oneCriterion(weight: "1").replacingOccurrences(of: "[\"shared-place\"]", with: "[]"),
                [
                    "line 3, tie_breaks: must list the tie-break rules in order, ending with \"shared-place\", e.g. [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"]."
                ]
            ),
            (
                Sample.oneCriterion(weight: "1").replacingOccurrences(of: "step = 1", with: "step = 0"),
                ["line 8, criteria.focus.step: must be more than 0; it is 0."]
            ),
            (
                Sample.oneCriterion(weight: "1").replacingOccurrences(of: "step = 1", with: "step = 0.3"),
                ["line 8, criteria.focus.step: 0.3 does not divide the scale from 0 to 10 into whole steps."]
            ),
            (
                Sample.oneCriterion(weight: "1").replacingOccurrences(of: "max = 10\n", with: ""),
                ["line 4, criteria.focus.max: is required: a number, e.g. max = 10."]
            ),
            (
                "[[criteria]]\n",
                [
                    "line 1: arrays of tables ([[...]]) are not supported; write one [criteria.CODE] section per criterion.",
                    "name: is required, e.g. name = \"ecpa-2025\".",
                    "method: is required: one of \"weighted-mean\", \"normalized\", \"median\", \"borda\".",
                    "tie_breaks: is required, e.g. tie_breaks = [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"].",
                    "criteria: a scheme needs at least one criterion, such as a [criteria.focus] section with its name, weight and scale.",
                ]
            ),
            (
                Sample.oneCriterion(weight: "1") + "criteria.extra = 1\n",
                [
                    "line 12, criteria.focus.criteria.extra: is not a field of a criterion; a criterion has name, description, weight, min, max and step."
                ]
            ),
        ])
    func structuralMistakes(text: String, expected: [String]) {
        let (scheme, problems) = ScoringScheme.parse(text)
        #expect(scheme == nil)
        #expect(problems.map(\.description) == expected)
    }

    @Test("A scheme built in code is checked by the same rules")
    func problemsInCode() {
        var scheme = Sample.fiveCriteria
        #expect(scheme.problems == [])
        scheme.criteria[1].code = scheme.criteria[0].code
        scheme.criteria[2].weight = -1
        scheme.tieBreaks = [.sharedPlace, .headToHead]
        #expect(
            scheme.problems.map(\.description) == [
                "criteria.focus: is given twice; the first is criterion 1.",
                "criteria.innovation.weight: must be more than 0; it is -1.",
                "tie_breaks: must end with \"shared-place\": a tie that no rule settles is a shared place for the jury to decide.",
            ])
    }

    @Test(
        "A score off the scale or off the step grid is explained in one sentence",
        arguments: [
            (Sample.d("7"), nil),
            (Sample.d("0"), nil),
            (Sample.d("10"), nil),
            (Sample.d("7.5"), "7.5 is not allowed for Innovation: scores go from 0 to 10 in steps of 1."),
            (Sample.d("11"), "11 is not allowed for Innovation: scores go from 0 to 10 in steps of 1."),
            (Sample.d("-1"), "-1 is not allowed for Innovation: scores go from 0 to 10 in steps of 1."),
        ] as [(Decimal, String?)])
    func scoreOnTheScale(value: Decimal, expected: String?) {
        let innovation = Criterion(code: "innovation", name: "Innovation")
        #expect(innovation.problem(with: value) == expected)
    }

    @Test("A half-point scale from 1 counts its steps from 1")
    func halfPoints() {
        let criterion = Criterion(code: "impact", name: "Impact", min: 1, max: 3, step: Sample.d("0.5"))
        #expect(criterion.scaleDescription == "1 to 3 in steps of 0.5")
        #expect(criterion.allowedValues == [1, Sample.d("1.5"), 2, Sample.d("2.5"), 3])
        #expect(criterion.problem(with: Sample.d("2.5")) == nil)
        #expect(criterion.problem(with: Sample.d("2.25")) == "2.25 is not allowed for Impact: scores go from 1 to 3 in steps of 0.5.")
    }

    @Test("A juror's total runs between the weighted means of the criteria's bounds")
    func totalRange() {
        let scheme = ScoringScheme(
            name: "mixed",
            criteria: [
                Criterion(code: "a", name: "A", weight: 1, min: 0, max: 10),
                Criterion(code: "b", name: "B", weight: 3, min: 1, max: 5),
            ])
        #expect(scheme.totalWeight == 4)
        #expect(scheme.totalMin == Sample.d("0.75"))
        #expect(scheme.totalMax == Sample.d("6.25"))
    }

    static let oneCriterion = """
        name = "analysed"
        method = "weighted-mean"
        tie_breaks = ["shared-place"]

        [criteria.focus]
        name = "Focus"
        weight = 1
        min = 0
        max = 10
        step = 1

        """

    @Test("The [analysis] section sets how the podium is weighed; without it the defaults are declared")
    func analysisSection() throws {
        let without = try #require(ScoringScheme.parse(Self.oneCriterion).scheme)
        #expect(without.analysis == .default)
        #expect(without.analysis.resamples == 1_000 && without.analysis.seed == 1)
        let text =
            Self.oneCriterion
            + "[analysis]\nresamples = 500\nseed = 2018\ninterval_level = 0.95\nkeep_chance = 1\nweight_radius = 0.05\n"
        let (scheme, problems) = ScoringScheme.parse(text)
        #expect(problems == [])
        let analysis = try #require(scheme?.analysis)
        #expect(analysis.resamples == 500)
        #expect(analysis.seed == 2018)
        #expect(analysis.intervalLevel == Sample.d("0.95"))
        #expect(analysis.keepChance == 1)
        #expect(analysis.weightRadius == Sample.d("0.05"))
        #expect(analysis.thresholds == ContestThresholds(keepChance: 1, weightRadius: 0.05))
        // Written out, the settings read back the same.
        #expect(ScoringScheme.parse(try #require(scheme).tomlText).scheme == scheme)
    }

    @Test("Every unusable analysis setting is named with its line")
    func analysisProblems() {
        let text =
            Self.oneCriterion
                + """
                [analysis]
                resamples = 0
                seed = -1
                interval_level = 1
                keep_chance = 1.5
                weight_radius = 0.0000001
                colour = 2

                """
        let problems = ScoringScheme.parse(text).problems.map(\.description)
        #expect(
            problems == [
                "line 12, analysis.resamples: must be a whole number from 1 to 100,000.",
                "line 13, analysis.seed: must be a whole number from 0 to 9223372036854775807.",
                "line 14, analysis.interval_level: must be a share above 0 and below 1 with at most 6 decimals, e.g. interval_level = 0.9.",
                "line 15, analysis.keep_chance: must be a share above 0 and at most 1 with at most 6 decimals, e.g. keep_chance = 0.8.",
                "line 16, analysis.weight_radius: must be a share above 0 and below 1 with at most 6 decimals, e.g. weight_radius = 0.1.",
                "line 17, analysis.colour: is not an analysis setting; [analysis] has resamples, seed, interval_level, keep_chance and weight_radius.",
            ])
        // A scheme built in code meets the same rules.
        var scheme = Sample.fiveCriteria
        scheme.analysis.resamples = 200_000
        #expect(scheme.problems.map(\.description) == ["analysis.resamples: must be a whole number from 1 to 100,000."])
    }
}
