import Foundation

/// A score kept as numerator / denominator so that equal scores compare equal exactly (ties are
/// decided on them), whatever the order of the divisions that a decimal quotient would round.
/// Both terms are whole numbers; comparisons multiply at double width, so they never overflow.
struct ExactRatio: Hashable, Comparable, Sendable {
    var numerator: Int128
    /// Always more than 0.
    var denominator: Int128

    init(_ numerator: Int128, over denominator: Int128 = 1) {
        precondition(denominator > 0, "a ratio needs a positive denominator")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// A number of millionths as a ratio.
    init(millionths: Int64) {
        self.init(Int128(millionths), over: Int128(Millionths.perUnit))
    }

    /// The quotient, rounded to Decimal's 38 digits.
    var value: Decimal {
        ExactRatio.decimal(numerator) / ExactRatio.decimal(denominator)
    }

    private static func decimal(_ whole: Int128) -> Decimal {
        if let small = Int64(exactly: whole) { return Decimal(small) }
        return Decimal(string: String(whole)) ?? 0
    }

    /// The quotient as the nearest Double (exact terms below 2^53 give the correctly rounded quotient).
    var double: Double { Double(numerator) / Double(denominator) }

    /// Adds exactly, over the least common denominator; nil when a term would not fit in 128 bits.
    static func adding(_ lhs: ExactRatio, _ rhs: ExactRatio) -> ExactRatio? {
        if lhs.denominator == rhs.denominator {
            let (sum, overflow) = lhs.numerator.addingReportingOverflow(rhs.numerator)
            return overflow ? nil : ExactRatio(sum, over: lhs.denominator)
        }
        let common = gcd(lhs.denominator, rhs.denominator)
        let left = rhs.denominator / common, right = lhs.denominator / common
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: left)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: right)
        let (denominator, o3) = lhs.denominator.multipliedReportingOverflow(by: left)
        guard !o1, !o2, !o3 else { return nil }
        let (sum, o4) = a.addingReportingOverflow(b)
        return o4 ? nil : ExactRatio(sum, over: denominator).reduced
    }

    /// Divides by a positive count; nil when the denominator would not fit in 128 bits.
    static func dividing(_ lhs: ExactRatio, by count: Int) -> ExactRatio? {
        let (denominator, overflow) = lhs.denominator.multipliedReportingOverflow(by: Int128(count))
        return overflow ? nil : ExactRatio(lhs.numerator, over: denominator)
    }

    /// The same ratio in lowest terms.
    var reduced: ExactRatio {
        let common = ExactRatio.gcd(numerator, denominator)
        return common > 1 ? ExactRatio(numerator / common, over: denominator / common) : self
    }

    /// The nearest ratio with `places` decimals: for a score whose exact terms would not fit.
    init(approximately value: Double, places: Int) {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        self.init(Int128((value * Double(scale)).rounded()), over: scale)
    }

    static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator == rhs.numerator }
        return crossProducts(lhs, rhs) == 0
    }

    static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        return crossProducts(lhs, rhs) < 0
    }

    /// The sign of lhs.numerator x rhs.denominator - rhs.numerator x lhs.denominator, at full width.
    private static func crossProducts(_ lhs: ExactRatio, _ rhs: ExactRatio) -> Int {
        let a = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let b = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        if a.high != b.high { return a.high < b.high ? -1 : 1 }
        if a.low != b.low { return a.low < b.low ? -1 : 1 }
        return 0
    }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (a, b) = (a.magnitude, b.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        return Int128(a)
    }

    func hash(into hasher: inout Hasher) {
        // Equal ratios may have different terms; hash only what they share.
        hasher.combine(0)
    }
}
