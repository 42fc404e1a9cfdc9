import Foundation
import ECPACore

/// Schemes and matrices shared by the scoring and ranking tests; the same examples are in docs/scoring.md.
enum Sample {
    static func d(_ text: String) -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            preconditionFailure("bad decimal \(text)")
        }
        return value
    }

    /// The shipped default's shape: five criteria scored 0 to 10, evaluation weighing 2.
    static let fiveCriteria = ScoringScheme(
        name: "ecpa-default",
        note: "An assumption.",
        method: .weightedMean,
        criteria: [
            Criterion(code: "focus", name: "Focus on everyday crime and fear of crime", description: "Focus."),
            Criterion(code: "evaluation", name: "Evaluated and effective", description: "Evaluated.", weight: 2),
            Criterion(code: "innovation", name: "Innovation", description: "New."),
            Criterion(code: "cooperation", name: "Cooperation between partners", description: "Partners."),
            Criterion(code: "transferability", name: "Transferable to other member states", description: "Transfer."),
        ]
    )

    /// A scheme file with one criterion whose weight is written as given.
    static func oneCriterion(weight: String) -> String {
        """
        name = "one"
        method = "weighted-mean"
        tie_breaks = ["shared-place"]
        [criteria.focus]
        weight = \(weight)
        min = 0
        max = 10
        step = 1
        name = "Focus"
        # end
        description = "d"

        """
    }
}

/// Worked-example matrices: entries are countries, jurors numbered 1, 2, 3...; each juror gives
/// five scores in the scheme's order (focus, evaluation x2, innovation, cooperation, transferability).
extension Sample {
    typealias Scores = [String: [Int64: [Decimal]]]

    static let countries: [(code: String, name: String)] = [
        ("FI", "Finland"), ("LT", "Lithuania"), ("HU", "Hungary"), ("AT", "Austria"),
        ("BE", "Belgium"), ("CZ", "Czechia"), ("DK", "Denmark"), ("EE", "Estonia"),
    ]

    static func e(_ code: String) -> EntryID {
        guard let index = countries.firstIndex(where: { $0.code == code }) else { preconditionFailure("no entry \(code)") }
        return EntryID(Int64(index + 1))
    }

    static func j(_ number: Int64) -> JurorID { JurorID(number) }

    /// A matrix over the countries named in `scores` (or `entries`), jurors 1...3 by default.
    static func matrix(
        _ scores: Scores, entries: [String]? = nil, jurors: [Int64] = [1, 2, 3],
        conflicts: [(String, Int64)] = [], abstentions: [(String, Int64)] = [],
        scheme: ScoringScheme = fiveCriteria
    ) -> ScoreMatrix {
        var values: [ScoreCell: Decimal] = [:]
        for (country, byJuror) in scores {
            for (juror, row) in byJuror {
                for (criterion, value) in zip(scheme.criteria, row) {
                    values[ScoreCell(entry: e(country), juror: j(juror), criterion: criterion.code)] = value
                }
            }
        }
        let codes = entries ?? Array(scores.keys)
        return ScoreMatrix(
            scheme: scheme,
            entries: codes.map(e),
            jurors: jurors.map(j),
            values: values,
            conflicts: Set(conflicts.map { EntryJurorPair(entry: e($0.0), juror: j($0.1)) }),
            abstentions: Set(abstentions.map { EntryJurorPair(entry: e($0.0), juror: j($0.1)) }),
            entryNames: Dictionary(uniqueKeysWithValues: countries.map { (e($0.code), $0.name) })
        )
    }

    /// Every criterion given the same score, so each juror's total is that score.
    static func uniform(_ totals: [String: [Int64: Decimal]]) -> Scores {
        totals.mapValues { $0.mapValues { Array(repeating: $0, count: 5) } }
    }

    /// The ranking as a person reads it: "1 Finland 9.00 gold", "3= Hungary 7.50 bronze".
    static func lines(_ ranking: Ranking, _ matrix: ScoreMatrix) -> [String] {
        ranking.places.map { line in
            var text = "\(line.place)\(line.sharedPlace ? "=" : "") \(matrix.name(of: line.entry)) \(fixed(line.score, places: 2))"
            if let medal = line.medal { text += " \(medal)" }
            if let override = line.overridden { text += " (jury: \(override.reason))" }
            return text
        }
    }

    // MARK: - The worked examples of docs/scoring.md

    /// Example 1: three jurors, four entries, every total a multiple of 0.5.
    static let simple: Scores = [
        "FI": [1: [9, 9, 9, 9, 9], 2: [8, 9, 8, 9, 8], 3: [10, 10, 9, 9, 9]],
        "LT": [1: [8, 8, 8, 8, 8], 2: [9, 8, 9, 9, 8], 3: [7, 8, 7, 7, 8]],
        "HU": [1: [8, 7, 8, 8, 7], 2: [7, 7, 7, 7, 7], 3: [9, 7, 9, 8, 8]],
        "AT": [1: [6, 6, 6, 6, 6], 2: [7, 6, 7, 6, 7], 3: [8, 6, 8, 7, 7]],
    ]

    /// Example 4: Belgium, Czechia and Denmark all at 7.00 behind Finland.
    static let threeWayTie: Scores = [
        "FI": simple["FI"] ?? [:],
        "BE": [1: [6, 8, 6, 6, 6], 2: [7, 8, 6, 7, 7], 3: [7, 8, 7, 7, 6]],
        "CZ": [1: [8, 7, 7, 7, 7], 2: [8, 7, 8, 7, 8], 3: [6, 7, 6, 6, 6]],
        "DK": [1: [7, 7, 6, 7, 6], 2: [7, 7, 7, 7, 8], 3: [8, 7, 7, 7, 7]],
    ]

    /// Examples 5 and 6: Hungary and Austria at 7.50, equal on evaluation and even head to head.
    static let evenPair: Scores = [
        "HU": [1: [9, 7, 8, 8, 7], 2: [7, 8, 7, 7, 7], 3: [8, 8, 7, 7, 7]],
        "AT": [1: [6, 8, 7, 7, 8], 2: [8, 7, 8, 8, 8], 3: [7, 8, 7, 7, 8]],
    ]

    /// Example 10: four jurors whose totals make every method give a different podium.
    static let methods = uniform([
        "FI": [1: 8, 2: 8, 3: 8, 4: 4],
        "LT": [1: 10, 2: 5, 3: 3, 4: 3],
        "HU": [1: 7, 2: 6, 3: 9, 4: 8],
        "AT": [1: 10, 2: 9, 3: 5, 4: 5],
    ])
}
