import Foundation

/// One criterion of a scoring scheme with its weight and scale (DESIGN section 4: the award's
/// five binding criteria by default, each scored by every voting juror).
public struct Criterion: Hashable, Sendable, Codable {
    /// Short lower-case code, unique in the scheme, e.g. "evaluation".
    public var code: String
    /// The name jurors see, e.g. "Evaluated and effective".
    public var name: String
    /// What the criterion asks of an entry, in plain words.
    public var description: String
    /// How much the criterion counts in a juror's total; more than 0.
    public var weight: Decimal
    /// The lowest score allowed.
    public var min: Decimal
    /// The highest score allowed.
    public var max: Decimal
    /// The distance between allowed scores, counted from `min`.
    public var step: Decimal

    /// Makes a criterion; `ScoringScheme.problems` says whether it is usable.
    public init(
        code: String, name: String, description: String = "", weight: Decimal = 1,
        min: Decimal = 0, max: Decimal = 10, step: Decimal = 1
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.weight = weight
        self.min = min
        self.max = max
        self.step = step
    }

    /// The scale in words, e.g. "0 to 10 in steps of 1".
    public var scaleDescription: String {
        "\(min) to \(max) in steps of \(step)"
    }

    /// Scoring rule: a score lies on the scale (`min...max`) and on the step grid counted from
    /// `min`; nil when the value is allowed, else a plain sentence saying what is.
    public func problem(with value: Decimal) -> String? {
        allows(value) ? nil : "\(value) is not allowed for \(name): scores go from \(scaleDescription)."
    }

    /// Whether a juror may give this score (see `problem(with:)`).
    public func allows(_ value: Decimal) -> Bool {
        guard let scale = Scale(self), let units = Millionths.of(value) else { return false }
        return scale.contains(units)
    }

    /// The scale in millionths, where the scoring rule is checked: nil when the criterion's own
    /// numbers do not fit (`ScoringScheme.problems` refuses such a scheme).
    struct Scale {
        let min: Int64
        let max: Int64
        let step: Int64

        init?(_ criterion: Criterion) {
            guard let min = Millionths.of(criterion.min), let max = Millionths.of(criterion.max),
                let step = Millionths.of(criterion.step), step > 0
            else { return nil }
            (self.min, self.max, self.step) = (min, max, step)
        }

        /// Scoring rule: within `min...max` and a whole number of steps above `min`.
        func contains(_ units: Int64) -> Bool {
            units >= min && units <= max && (units - min) % step == 0
        }
    }

    /// Every allowed score from `min` to `max`, or nil when there would be more than 1,000 (or the
    /// scale is unusable); for prompts and score sheets.
    public var allowedValues: [Decimal]? {
        guard step > 0, min < max else { return nil }
        var values: [Decimal] = []
        var value = min
        while value <= max {
            values.append(value)
            if values.count > 1_000 { return nil }
            value += step
        }
        return values
    }
}
