import Foundation

/// A number printed with exactly `places` decimals, for reports that must be reproducible byte for
/// byte (DESIGN section 4). Rounds half away from zero, as people round on paper: 2.345 -> "2.35",
/// -2.345 -> "-2.35", 2.5 with 0 places -> "3"; never "-0.00".
public func fixed(_ value: Decimal, places: Int) -> String {
    let places = max(0, places)
    var source = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &source, places, .plain)
    if rounded.isNaN { return "NaN" }
    let negative = rounded < 0
    let magnitude = negative ? -rounded : rounded
    let written = "\(magnitude)"
    let parts = written.split(separator: ".", maxSplits: 1)
    let whole = parts.first.map(String.init) ?? "0"
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    fraction += String(repeating: "0", count: max(0, places - fraction.count))
    let body = places == 0 ? whole : whole + "." + fraction
    return negative && rounded != 0 ? "-" + body : body
}

/// A statistic printed with exactly `places` decimals (half away from zero), e.g. Kendall's W.
public func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
    return fixed(
        Decimal(string: String(format: "%.15f", value), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value),
        places: places)
}
