import Foundation

extension Ballot {
    /// Reads a ballot file (for scripts; issue 11, item 4): plain text, one entry number per line,
    /// best first. Anything after a `#` is a comment and blank lines are ignored, so a line may read
    /// `12  # Finland`. A line may start with its place, `1.` or `1)`, which must then be the
    /// line's place by order (the order of the lines is what counts; two entries cannot share a
    /// place). Entries the juror is in conflict with are left out. Collects every problem, each with
    /// its line, and checks the ballot against the shortlist; the ballot is nil unless there are none.
    public static func parse(
        _ text: String, juror: JurorID, shortlist: [EntryID], conflicts: Set<EntryID>
    ) -> (ballot: Ballot?, problems: [BallotProblem]) {
        var ranking: [EntryID] = []
        var lines: [Int] = []
        var syntax: [BallotProblem] = []
        var place = 0
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: Self.endsLine).enumerated() {
            var content = Substring(raw)
            if index == 0, content.first == "\u{FEFF}" { content = content.dropFirst() }
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            content = content.trimmingBallotSpace()
            guard !content.isEmpty else { continue }
            place += 1
            let line = index + 1
            switch readLine(content) {
            case .entry(let label, let entry):
                if let label, label != place {
                    syntax.append(BallotProblem(juror: juror, line: line, kind: .misnumbered(label: label, place: place)))
                }
                ranking.append(entry)
                lines.append(line)
            case .unreadable:
                syntax.append(BallotProblem(juror: juror, line: line, kind: .notAnEntryNumber(String(content))))
            }
        }
        let ballot = Ballot(juror: juror, ranking: ranking)
        let problems = BallotProblem.sorted(syntax + ballot.problems(shortlist: shortlist, conflicts: conflicts, lines: lines))
        return (problems.isEmpty ? ballot : nil, problems)
    }

    /// CR LF and a lone CR end a line as LF does (as in scheme and entry files).
    private static func endsLine(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// What one non-blank line holds.
    private enum Line {
        case entry(label: Int?, EntryID)
        case unreadable
    }

    /// `12`, `1. 12` or `1) 12` (spaces optional after the label); anything else is unreadable.
    private static func readLine(_ content: Substring) -> Line {
        var rest = content
        var label: Int?
        if let mark = rest.firstIndex(where: { $0 == "." || $0 == ")" }) {
            guard let number = digits(rest[..<mark]) else { return .unreadable }
            label = Int(exactly: number)
            rest = rest[rest.index(after: mark)...].trimmingBallotSpace()
        }
        guard let id = digits(rest) else { return .unreadable }
        return .entry(label: label, EntryID(id))
    }

    /// The number written in ASCII digits only; nil for anything else or a number past Int64.
    private static func digits(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else { return nil }
        return Int64(text)
    }
}

extension Substring {
    /// Without white space at either end (a no-break space pasted from a word processor included).
    fileprivate func trimmingBallotSpace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return self[first...last]
    }
}
