import Foundation

/// Rule (terminal safety): text people type holds no character a terminal or an editor acts on
/// instead of showing: control characters (the escape character, a lone carriage return that moves
/// back to the start of the line), bidirectional overrides, embeddings and isolates that reorder
/// what is shown, zero-width spaces, line and paragraph separators, byte order marks. Long answers
/// and comments may hold line breaks (LF, or CR LF) and tabs. PostgreSQL holds stored text to the
/// same rule (sql/0028, `ecpa.is_clean_text`); a test drives both from one table of cases.
public enum ControlCharacters {
    /// The first character the rule refuses in a text, or nil when there is none.
    public static func first(in text: String, multiline: Bool) -> Unicode.Scalar? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where refused(scalar) {
            if multiline {
                if scalar == "\t" || scalar == "\n" { continue }
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            }
            return scalar
        }
        return nil
    }

    /// Characters refused anywhere but as line breaks and tabs of long texts.
    static func refused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// How a character is named in a message, e.g. "U+001B".
    public static func name(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(format: "%04X", scalar.value)
    }

    /// The text with every refused character shown as its name in angle brackets (a CR LF of a
    /// long text becomes a line break), for printing text that may hold them (older rows) on a terminal.
    public static func escaped(_ text: String, multiline: Bool) -> String {
        guard first(in: text, multiline: multiline) != nil else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let allowed =
                multiline
                && (scalar == "\t" || scalar == "\n"
                    || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"))
            if refused(scalar) && !allowed {
                result.append(contentsOf: "<\(name(scalar))>".unicodeScalars)
            } else if !(multiline && scalar == "\r" && allowed) {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
