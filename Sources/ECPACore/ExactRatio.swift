import Foundation

/// A score kept as numerator / denominator so that equal scores compare equal exactly (ties are
/// decided on them), whatever the order of the divisions that a Decimal quotient would round.
struct ExactRatio: Hashable, Comparable, Sendable {
    var numerator: Decimal
    /// Always more than 0.
    var denominator: Decimal

    init(_ numerator: Decimal, over denominator: Decimal = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The quotient, rounded to Decimal's 38 digits.
    var value: Decimal { numerator / denominator }

    static func + (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        if lhs.denominator == rhs.denominator { return ExactRatio(lhs.numerator + rhs.numerator, over: lhs.denominator) }
        return ExactRatio(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
                          over: lhs.denominator * rhs.denominator)
    }

    /// Divides by a positive count.
    static func / (lhs: ExactRatio, rhs: Int) -> ExactRatio {
        ExactRatio(lhs.numerator, over: lhs.denominator * Decimal(rhs))
    }

    static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    func hash(into hasher: inout Hasher) {
        // Equal ratios may have different terms; hash only what they share.
        hasher.combine(0)
    }
}
