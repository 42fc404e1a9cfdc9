import Foundation

extension Int {
    /// The number with a comma between each group of three digits, as limits are written for
    /// people: 10,000 rather than 10000.
    public var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
