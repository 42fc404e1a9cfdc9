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
