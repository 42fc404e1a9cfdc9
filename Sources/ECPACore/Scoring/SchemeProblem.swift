import Foundation

/// One thing wrong with a scoring scheme or its file: the line, the field and a plain sentence.
/// Reading a scheme collects every problem rather than stopping at the first (DESIGN section 4).
public struct SchemeProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// The key as written in the file, e.g. "tie_breaks" or "criteria.focus.weight"; nil for a
    /// problem with the file's syntax that no field can be blamed for.
    public var field: String?
    /// What is wrong, as the rest of a sentence after the field name, e.g. "must be more than 0.".
    public var message: String

    /// Makes a problem.
    public init(line: Int?, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// E.g. "line 12, criteria.focus.weight: must be more than 0."
    public var description: String {
        let place = [line.map { "line \($0)" }, field].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }

    /// Orders problems by line; problems without a line come last, in their original order.
    public static func sortedByLine(_ problems: [SchemeProblem]) -> [SchemeProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }
}
