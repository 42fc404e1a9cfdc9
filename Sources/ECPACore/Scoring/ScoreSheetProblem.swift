import Foundation

/// One thing wrong with a row (or the header) of a score sheet being imported: the line, the
/// column and a plain sentence. An import collects every problem and writes nothing while there
/// is one (DESIGN.md section 6: bad input never leaves a partial write).
public struct ScoreSheetProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based physical line of the file where the row starts (the header is line 1); nil
    /// for a problem with the whole file.
    public var line: Int?
    /// The column to look at, when one can be blamed.
    public var column: ScoreSheetColumn?
    /// What is wrong, as a sentence.
    public var message: String
    /// Which rule the row breaks; with `code`, what scripts can act on.
    public var rule: Rule

    /// The rules a score sheet is checked against. The import's SQL names each broken rule by its
    /// raw value (`ScoreSheetRepository`); an unknown name is an error, not a problem.
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        /// The file cannot be read as CSV (quotes, fields, encoding).
        case malformed
        /// The header line is not the sheet's.
        case header
        /// The row is for another edition.
        case edition
        /// The row names another juror.
        case juror
        /// The entry column is not an entry number.
        case entryNumber = "entry_number"
        /// No such entry in the edition.
        case entryUnknown = "entry_unknown"
        /// The country column does not match the entry.
        case country
        /// No such criterion in the scheme.
        case criterionUnknown = "criterion_unknown"
        /// The value is not a number (`ScoreValue`).
        case valueNumber = "value_number"
        /// The entry is not scored: withdrawn, ineligible or additional.
        case entryState = "entry_state"
        /// The juror's own country's entry.
        case conflictOwn = "conflict_own"
        /// An entry the juror declared a conflict with.
        case conflictDeclared = "conflict_declared"
        /// An entry the juror abstains from.
        case abstained
        /// The value is off the criterion's scale or step.
        case valueScale = "value_scale"
        /// A comment without a value.
        case commentAlone = "comment_alone"
        /// A comment over its length limit.
        case commentLength = "comment_length"
        /// A comment with a control character.
        case commentControl = "comment_control"
        /// The same entry and criterion twice in the sheet.
        case duplicate
    }

    /// The stable code, such as `sheet.value_scale`; the message may be reworded, the code is not.
    public var code: String { "sheet." + rule.rawValue }

    /// Makes a problem.
    public init(line: Int?, column: ScoreSheetColumn?, message: String, rule: Rule) {
        self.line = line
        self.column = column
        self.message = message
        self.rule = rule
    }

    /// E.g. "line 12, value: 11 is not on the scale of Innovation: 0 to 10 in steps of 1."
    public var description: String {
        let place = [line.map { "line \($0)" }, column?.rawValue].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }

    /// Orders problems by line, then by column in sheet order; problems without a line come first.
    public static func sorted(_ problems: [ScoreSheetProblem]) -> [ScoreSheetProblem] {
        let order = Dictionary(uniqueKeysWithValues: ScoreSheetColumn.allCases.enumerated().map { ($1, $0) })
        return problems.enumerated().sorted { a, b in
            let left = (a.element.line ?? 0, a.element.column.flatMap { order[$0] } ?? -1, a.offset)
            let right = (b.element.line ?? 0, b.element.column.flatMap { order[$0] } ?? -1, b.offset)
            return left < right
        }.map(\.element)
    }
}

extension ScoreSheetProblem {
    /// The sentences of the import's checks, one per rule, so the CLI, the docs and the tests agree.
    public enum Says {
        public static func wrongEdition(_ found: String, expected: Int) -> String {
            found.isEmpty
                ? "is empty; this sheet is for the \(expected) edition."
                : "the row is for edition \(quoted(found)), but this import is for the \(expected) edition."
        }

        public static func otherJuror(_ found: String, expected: String) -> String {
            found.isEmpty
                ? "is empty; every row must name the juror, \(expected)."
                : "the row names juror \(quoted(found)), but this sheet is \(expected)'s; a juror imports only their own scores."
        }

        public static func notAnEntryNumber(_ found: String) -> String {
            found.isEmpty ? "is empty; give the entry's number." : "\(quoted(found)) is not an entry number."
        }

        public static func unknownEntry(_ id: String, edition: Int) -> String {
            "there is no entry \(id) in the \(edition) edition."
        }

        public static func notScored(entry: String, title: String, state: String, kind: String) -> String {
            if kind != "competing" {
                return "entry \(entry) \(quoted(title)) is an additional entry (good practice, published but not scored)."
            }
            return "entry \(entry) \(quoted(title)) is \(state); only eligible competing entries are scored."
        }

        public static func conflict(juror: String, entry: String, title: String, reason: String) -> String {
            "\(juror) is in conflict with entry \(entry) \(quoted(title)) (\(reason)) and does not score it."
        }

        public static func abstained(juror: String, entry: String, title: String) -> String {
            "\(juror) abstained on entry \(entry) \(quoted(title)); withdraw the abstention first (ecpa score enter --entry \(entry) --withdraw-abstention)."
        }

        public static func countryMismatch(entry: String, actual: String, found: String) -> String {
            "entry \(entry) is from \(actual), but the row says \(quoted(found)); were the rows sorted by one column only?"
        }

        public static func unknownCriterion(_ found: String, known: [String]) -> String {
            let list = known.joined(separator: ", ")
            return found.isEmpty
                ? "is empty; give the criterion's code (\(list))."
                : "there is no criterion \(quoted(found)); the criteria are \(list)."
        }

        public static func duplicate(entry: String, criterion: String, firstLine: Int) -> String {
            "entry \(entry), \(criterion) is already on line \(firstLine); give each cell once."
        }

        public static func notANumber(_ found: String) -> String {
            "\(quoted(found)) is not a number; write the score in digits, such as 7."
        }

        public static func offScale(_ found: String, criterion: String, scale: String) -> String {
            "\(found) is not on the scale of \(criterion): scores go from \(scale)."
        }

        public static let commentWithoutValue =
            "a comment needs a value in the same row; fill in the value or clear the comment."

        public static func commentTooLong(_ count: Int) -> String {
            "has \(count.grouped) characters; the limit is \(FreeText.comment.limit.grouped). Shorten the comment."
        }

        public static let commentControlCharacter =
            "holds a control character (such as the escape character), which cannot be stored; only line breaks and tabs may stay. Retype the comment."

        static func quoted(_ text: String) -> String {
            let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
            return "\"" + short + "\""
        }
    }
}
