/// A length of time as people read it: `500 ms`, `10 s`, `6 min 3 s`, `2 h 5 min`, `3 d 4 h`.
public struct Elapsed: Equatable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public static func < (lhs: Elapsed, rhs: Elapsed) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// Whole seconds, rounded down.
    public var seconds: Int64 { milliseconds / 1000 }

    /// The two largest units that are not zero, rounded down to whole units.
    public var description: String {
        if milliseconds < 1000 { return "\(max(0, milliseconds)) ms" }
        let units: [(size: Int64, name: String)] = [(86_400, "d"), (3600, "h"), (60, "min"), (1, "s")]
        var rest = seconds
        var parts: [String] = []
        for unit in units {
            let count = rest / unit.size
            rest %= unit.size
            if count > 0 || !parts.isEmpty { parts.append("\(count) \(unit.name)") }
            if parts.count == 2 { break }
        }
        if parts.count == 2, parts[1].hasPrefix("0 ") { parts.removeLast() }
        return parts.joined(separator: " ")
    }
}
