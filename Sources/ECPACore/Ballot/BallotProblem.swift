import Foundation

/// One thing wrong with a ballot, its file or a set of ballots to count: the facts (the juror, the
/// line, the entry) and a plain sentence rendered from them. Reading and counting collect every
/// problem and count nothing while there is one.
public struct BallotProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The juror whose ballot it is, when known.
    public var juror: JurorID?
    /// The 1-based line of the ballot file, when the problem is on one.
    public var line: Int?
    /// What is wrong, with the facts it names.
    public var kind: Kind

    /// What can be wrong with a ballot.
    public enum Kind: Hashable, Sendable, Codable {
        /// A line of the file that is not an entry number (what it holds, comment removed).
        case notAnEntryNumber(String)
        /// A line numbered as a place other than its own: `label` where the line's place is `place`.
        case misnumbered(label: Int, place: Int)
        /// An entry that is not on the ballot's shortlist.
        case notShortlisted(EntryID)
        /// An entry ranked a second time; `firstLine` is the line of the first, when read from a file.
        case duplicate(EntryID, firstLine: Int?)
        /// An entry the juror is in conflict with, ranked all the same.
        case conflicted(EntryID)
        /// A shortlisted entry the juror is not in conflict with, left unranked.
        case missing(EntryID)
        /// A second ballot from the same juror in one count.
        case secondBallot
        /// An entry on the shortlist twice.
        case shortlistRepeats(EntryID)
    }

    /// The rules a ballot is checked against; the raw value is the stable part of `code`.
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        /// A line is not an entry number.
        case entryNumber = "entry_number"
        /// A line's place number is not its place.
        case position
        /// An entry not on the shortlist.
        case notShortlisted = "not_shortlisted"
        /// An entry ranked twice.
        case duplicate
        /// A conflicted entry ranked.
        case conflict
        /// A shortlisted entry left unranked without a conflict.
        case missing
        /// A juror with two ballots in one count.
        case secondBallot = "second_ballot"
        /// The shortlist itself repeats an entry.
        case shortlist
    }

    /// Makes a problem.
    public init(juror: JurorID? = nil, line: Int? = nil, kind: Kind) {
        self.juror = juror
        self.line = line
        self.kind = kind
    }

    /// The rule broken.
    public var rule: Rule {
        switch kind {
        case .notAnEntryNumber: .entryNumber
        case .misnumbered: .position
        case .notShortlisted: .notShortlisted
        case .duplicate: .duplicate
        case .conflicted: .conflict
        case .missing: .missing
        case .secondBallot: .secondBallot
        case .shortlistRepeats: .shortlist
        }
    }

    /// The stable code, such as `ballot.missing`; the sentence may be reworded, the code is not.
    public var code: String { "ballot." + rule.rawValue }

    /// The entry the problem is about, when there is one.
    public var entry: EntryID? {
        switch kind {
        case .notShortlisted(let entry), .duplicate(let entry, _), .conflicted(let entry), .missing(let entry),
            .shortlistRepeats(let entry):
            entry
        case .notAnEntryNumber, .misnumbered, .secondBallot:
            nil
        }
    }

    /// The sentence, naming entries as "entry 12".
    public var message: String { message(naming: { "entry \($0)" }) }

    /// The sentence, naming each entry with `name` (the CLI adds the country).
    public func message(naming name: (EntryID) -> String) -> String {
        switch kind {
        case .notAnEntryNumber(let found):
            let what = found.count > 40 ? String(found.prefix(39)) + "…" : found
            return "\"\(what)\" is not an entry number; write one entry number per line, best first, such as 12 or 1. 12, "
                + "and put anything else after a #."
        case .misnumbered(let label, let place):
            return "the line is numbered \(label), but it is place \(place) by the order of the lines, which is what counts; "
                + "number the lines 1, 2, 3 in order or leave the numbers out (two entries cannot share a place)."
        case .notShortlisted(let entry):
            return "\(name(entry)) is not on this ballot's shortlist; rank only the shortlisted entries."
        case .duplicate(let entry, let firstLine):
            let first = firstLine.map { " on line \($0)" } ?? ""
            return "\(name(entry)) is already ranked\(first); rank each entry once."
        case .conflicted(let entry):
            return "\(name(entry)) is an entry the juror is in conflict with; leave it out (it then counts for neither side, not as last)."
        case .missing(let entry):
            return "\(name(entry)) is on the shortlist but not ranked; rank every shortlisted entry except those in conflict."
        case .secondBallot:
            return "this is a second ballot from the same juror; each juror casts one."
        case .shortlistRepeats(let entry):
            return "\(name(entry)) is on the shortlist twice."
        }
    }

    /// E.g. "juror 4, line 3: entry 12 is already ranked on line 1; rank each entry once."
    public var description: String {
        let place = [juror.map { "juror \($0)" }, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }

    /// Orders problems by juror, then by line; problems without a line come after those with one,
    /// each keeping its original order.
    public static func sorted(_ problems: [BallotProblem]) -> [BallotProblem] {
        problems.enumerated().sorted { a, b in
            let left = (a.element.juror?.rawValue ?? 0, a.element.line ?? .max, a.offset)
            let right = (b.element.juror?.rawValue ?? 0, b.element.line ?? .max, b.offset)
            return left < right
        }.map(\.element)
    }
}
