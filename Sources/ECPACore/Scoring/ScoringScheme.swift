import Foundation

/// An edition's scoring scheme: its criteria, how totals become a ranking, the tie-break cascade
/// and the analysis settings, fixed once scoring opens (DESIGN section 4). The shipped default is an assumption,
/// since the official Annex II scale and weights are not public.
public struct ScoringScheme: Hashable, Sendable, Codable {
    /// A short name, e.g. "ecpa-default".
    public var name: String
    /// A remark shown with the scheme, e.g. where its values come from.
    public var note: String?
    /// The ranking method the edition uses.
    public var method: RankingMethod
    /// The criteria in the order jurors see them.
    public var criteria: [Criterion]
    /// The tie-break cascade, applied in order; it ends with `shared-place`.
    public var tieBreaks: [TieBreakRule]
    /// How the podium's certainty is weighed; sealed with the rest when scoring opens.
    public var analysis: AnalysisSettings
    /// Whether a deliberation follows scoring and which result decides the medals.
    public var decision: DecisionSettings

    /// Makes a scheme; `problems` says whether it is usable.
    public init(
        name: String, note: String? = nil, method: RankingMethod = .weightedMean, criteria: [Criterion],
        tieBreaks: [TieBreakRule] = ScoringScheme.defaultTieBreaks, analysis: AnalysisSettings = .default,
        decision: DecisionSettings = .default
    ) {
        self.name = name
        self.note = note
        self.method = method
        self.criteria = criteria
        self.tieBreaks = tieBreaks
        self.analysis = analysis
        self.decision = decision
    }

    /// The default cascade (DESIGN section 4): criterion, then head-to-head, then shared place.
    public static let defaultTieBreaks: [TieBreakRule] = [.highestWeightedCriterion, .headToHead, .sharedPlace]

    /// The criterion with this code.
    public func criterion(_ code: String) -> Criterion? {
        criteria.first { $0.code == code }
    }

    /// The sum of the weights: the denominator of every juror's weighted mean.
    public var totalWeight: Decimal {
        criteria.reduce(Decimal(0)) { $0 + $1.weight }
    }

    /// The lowest possible juror total: the weighted mean of the criteria's minimums.
    public var totalMin: Decimal {
        weightedMean(\.min)
    }

    /// The highest possible juror total: the weighted mean of the criteria's maximums.
    public var totalMax: Decimal {
        weightedMean(\.max)
    }

    private func weightedMean(_ bound: KeyPath<Criterion, Decimal>) -> Decimal {
        let weight = totalWeight
        guard weight > 0 else { return 0 }
        return criteria.reduce(Decimal(0)) { $0 + $1.weight * $1[keyPath: bound] } / weight
    }

    /// The total weight in millionths, as the ranking divides by it; nil when a weight does not fit.
    var weightUnits: Int128? {
        var total: Int128 = 0
        for criterion in criteria {
            guard let weight = Millionths.of(criterion.weight) else { return nil }
            total += Int128(weight)
        }
        return total
    }
}
