import Foundation

/// JSON string escaping (RFC 8259) as PostgreSQL's jsonb prints it: the short escapes for quote,
/// backslash, backspace, form feed, line feed, carriage return and tab, `\u00XX` for the other
/// control characters, everything else as it is. The CLI's JSON output and the freeze's canonical
/// score set text (FrozenSeal, which must match PostgreSQL byte for byte) both use it.
public enum JSONText {
    /// The string literal exactly as jsonb writes it (the freeze's canonical text relies on this).
    public static func string(_ text: String) -> String {
        string(text, escapingInvisible: false)
    }

    /// The string literal; with `escapingInvisible`, also every other character a terminal acts on
    /// instead of showing (what `ControlCharacters` refuses: DEL and C1 controls, bidirectional
    /// controls, zero-width spaces, line and paragraph separators, byte order marks) as `\uXXXX`,
    /// so JSON printed on a terminal cannot reorder or hide what it shows. A JSON reader gets the
    /// same text either way.
    public static func string(_ text: String, escapingInvisible: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            case _ where escapingInvisible && ControlCharacters.refused(scalar): out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
