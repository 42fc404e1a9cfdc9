import ECPACore
import Foundation

/// The one JSON writer of every `--format json` output (docs/cli.md, JSON output). The layout is
/// for people who look at it; scripts read it by key:
/// - a document that is an object has one key a line; one that is an array, one item a line;
/// - a key of such an object whose value is an array of objects or arrays has one item a line;
/// - everything else is written on one line, `{"key": value, ...}` and `[a, b]`.
/// Strings are escaped as jsonb escapes them, and every character a terminal would act on instead
/// of showing as `\uXXXX` (`JSONText`); the document ends with a line break.
enum JSONWriter {
    static func document(_ value: JSONValue) -> String {
        switch value {
        case .object(let members) where !members.isEmpty:
            return "{\n" + members.map { "  " + key($0.key) + ": " + member($0.value) }.joined(separator: ",\n") + "\n}\n"
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { "  " + line($0) }.joined(separator: ",\n") + "\n]\n"
        default:
            return line(value) + "\n"
        }
    }

    /// The value of a key of the document's object.
    static func member(_ value: JSONValue) -> String {
        guard case .array(let items) = value, items.contains(where: \.isContainer) else { return line(value) }
        return "[\n" + items.map { "    " + line($0) }.joined(separator: ",\n") + "\n  ]"
    }

    /// A value on one line.
    static func line(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text): return string(text)
        case .array(let items): return "[" + items.map(line).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { key($0.key) + ": " + line($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func key(_ text: String) -> String { string(text) }

    static func string(_ text: String) -> String { JSONText.string(text, escapingInvisible: true) }
}
