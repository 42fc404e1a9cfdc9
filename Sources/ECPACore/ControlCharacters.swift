import Foundation

/// Rule (terminal safety): text people type holds no control characters, such as the escape
/// character a terminal would act on when the text is printed; long answers and comments may hold
/// line breaks and tabs. PostgreSQL holds stored text to the same rule (sql/0028,
/// `ecpa.is_clean_text`); a test drives both from one table of cases.
public enum ControlCharacters {
    /// The first control character in a text (C0 and C1 controls and DEL), or nil when there is
    /// none; with `multiline`, tab, line feed and carriage return are allowed.
    public static func first(in text: String, multiline: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            let value = scalar.value
            guard value < 0x20 || (0x7F...0x9F).contains(value) else { return false }
            return !(multiline && (value == 0x09 || value == 0x0A || value == 0x0D))
        }
    }

    /// How a control character is named in a message, e.g. "U+001B".
    public static func name(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(format: "%04X", scalar.value)
    }

    /// The text with every control character shown as its name in angle brackets, for printing
    /// text that may hold them (older rows) on a terminal.
    public static func escaped(_ text: String, multiline: Bool) -> String {
        guard first(in: text, multiline: multiline) != nil else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if first(in: String(scalar), multiline: multiline) != nil {
                result += "<\(name(scalar))>"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
