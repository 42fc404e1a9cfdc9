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

    /// Makes a problem.
    public init(field: String?, line: Int?, message: String) {
        self.field = field
        self.line = line
        self.message = message
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
