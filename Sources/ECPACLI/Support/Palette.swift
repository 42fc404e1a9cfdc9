import ECPACore

/// The colours ecpa uses on a terminal: medals, refusals and warnings. Whether there are any is
/// decided once, by `Palette.decide`; a disabled palette returns every text unchanged.
public struct Palette: Sendable, Equatable {
    /// Whether texts are coloured.
    public let enabled: Bool

    /// No colour: piped output, `NO_COLOR`, or a terminal that cannot show it.
    public static let none = Palette(enabled: false)

    /// The one rule for colour (no-color.org): only on a terminal, never when `NO_COLOR` is set to
    /// any non-empty value, never on a `dumb` terminal.
    public static func decide(isTerminal: Bool, variables: [String: String]) -> Palette {
        let noColour = !(variables["NO_COLOR"] ?? "").isEmpty
        return Palette(enabled: isTerminal && !noColour && variables["TERM"] != "dumb")
    }

    /// A medal's name or place in its medal's colour (256-colour gold, silver, bronze, bold).
    func medal(_ medal: Medal, _ text: String) -> String {
        switch medal {
        case .gold: paint(text, Self.gold)
        case .silver: paint(text, Self.silver)
        case .bronze: paint(text, Self.bronze)
        }
    }

    /// A refusal or usage error, in red.
    func refusal(_ text: String) -> String { paint(text, Self.red) }

    /// A warning, in yellow.
    func warning(_ text: String) -> String { paint(text, Self.yellow) }

    private func paint(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? code + text + Self.reset : text
    }

    /// Text for a terminal: every character a terminal acts on shown by name
    /// (`ControlCharacters.escaped`), except this palette's own colour codes.
    func escaped(_ text: String, multiline: Bool) -> String {
        guard enabled, text.contains("\u{1B}") else { return ControlCharacters.escaped(text, multiline: multiline) }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            let from = rest[start.lowerBound...]
            if let code = Self.codes.first(where: { from.hasPrefix($0) }) {
                result += ControlCharacters.escaped(String(rest[..<start.lowerBound]), multiline: multiline) + code
                rest = from.dropFirst(code.count)
            } else {
                result += ControlCharacters.escaped(String(rest[..<start.upperBound]), multiline: multiline)
                rest = rest[start.upperBound...]
            }
        }
        return result + ControlCharacters.escaped(String(rest), multiline: multiline)
    }

    private static let gold = "\u{1B}[1;38;5;178m"
    private static let silver = "\u{1B}[1;38;5;247m"
    private static let bronze = "\u{1B}[1;38;5;130m"
    private static let red = "\u{1B}[31m"
    private static let yellow = "\u{1B}[33m"
    private static let reset = "\u{1B}[0m"
    private static let codes = [gold, silver, bronze, red, yellow, reset]
}
