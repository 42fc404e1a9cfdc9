import Foundation

/// One thing wrong with an entry form or its file: the field, the line and a plain sentence.
/// Validation collects every problem rather than stopping at the first.
public struct EntryProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The field's key as written in the file, e.g. "end_date" or "contact.email"; nil for a
    /// problem with the file's syntax that no field can be blamed for.
    public var field: String?
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// What is wrong, as the rest of a sentence after the field name, e.g. "is required.".
    public var message: String
    /// What kind of problem it is, for scripts and for code that must not read the message.
    public var kind: Kind

    /// The kinds of problem an entry can have; with the field they make the stable code.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A required answer is missing.
        case required
        /// An answer is longer than its limit (characters, words or links).
        case tooLong = "too_long"
        /// A control character where text belongs.
        case controlCharacter = "control_character"
        /// The file cannot be read as an entry file: its syntax, an unknown key, a wrong type.
        case unreadable
        /// Any other answer that breaks a rule: a date, an address, a country, a year.
        case invalid
    }

    /// Makes a problem.
    public init(field: String?, line: Int?, message: String, kind: Kind = .invalid) {
        self.field = field
        self.line = line
        self.message = message
        self.kind = kind
    }

    /// The stable code scripts can act on: `entry.` then the field and the kind, such as
    /// `entry.description.too_long` or `entry.contact.email.required`; `entry.file.unreadable` when
    /// no field is to blame. The message may be reworded; the code is not.
    public var code: String {
        "entry.\(field ?? "file").\(kind.rawValue)"
    }

    /// E.g. "line 12, end_date: must be a date such as 2019-06-30."
    public var description: String {
        let place = [line.map { "line \($0)" }, field].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }

    /// Orders problems by line; problems without a line come last, in their original order.
    public static func sortedByLine(_ problems: [EntryProblem]) -> [EntryProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }
}
