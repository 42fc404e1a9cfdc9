/// A share as people read it: whole percentages when exact, one decimal otherwise, and never 0% or
/// 100% for a share that is neither ("under 0.1%", "over 99.9%"), so that a chance printed beside
/// a threshold never seems to meet it when it does not.
public func percent(_ share: Double) -> String {
    let value = share * 100
    if value == value.rounded() { return "\(Int(value))%" }
    let text = fixed(value, places: 1)
    if text == "0.0" { return "under 0.1%" }
    if text == "100.0" { return "over 99.9%" }
    return text + "%"
}

/// A rank as people read it: whole, or with one decimal for a shared place's mean (2.5).
public func rankText(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : fixed(value, places: 1)
}
