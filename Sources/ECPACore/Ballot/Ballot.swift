import Foundation

/// One voting juror's ballot in the final ballot (issue 11, item 4): the shortlisted entries they
/// rank, best first, as a strict order (no two entries share a rank). An entry the juror is in
/// conflict with is left out: it is unranked, not last, and counts for neither side in every pair
/// it is in. Every other shortlisted entry must be ranked.
public struct Ballot: Hashable, Sendable, Codable {
    /// The juror who cast the ballot.
    public var juror: JurorID
    /// The entries ranked, best first.
    public var ranking: [EntryID]

    /// Makes a ballot; check it with `problems(shortlist:conflicts:lines:)` before counting it.
    public init(juror: JurorID, ranking: [EntryID]) {
        self.juror = juror
        self.ranking = ranking
    }

    /// The entry's rank on this ballot, 1 for the best; nil when the juror left it unranked.
    public func rank(of entry: EntryID) -> Int? {
        ranking.firstIndex(of: entry).map { $0 + 1 }
    }

    /// Ballot rule (issue 11, item 4): every problem with the ballot against the shortlist and the
    /// entries the juror is in conflict with, in ranking order, then the missing entries in
    /// shortlist order; empty when it can be counted. `lines[i]`, when given, is the line of the
    /// file that ranked `ranking[i]`, and goes into that entry's problems.
    public func problems(shortlist: [EntryID], conflicts: Set<EntryID>, lines: [Int]? = nil) -> [BallotProblem] {
        let listed = Set(shortlist)
        var problems: [BallotProblem] = []
        var firstLine: [EntryID: Int?] = [:]
        for (index, entry) in ranking.enumerated() {
            let line = lines.flatMap { index < $0.count ? $0[index] : nil }
            if let first = firstLine[entry] {
                problems.append(BallotProblem(juror: juror, line: line, kind: .duplicate(entry, firstLine: first)))
                continue
            }
            firstLine[entry] = line
            if !listed.contains(entry) {
                problems.append(BallotProblem(juror: juror, line: line, kind: .notShortlisted(entry)))
            } else if conflicts.contains(entry) {
                problems.append(BallotProblem(juror: juror, line: line, kind: .conflicted(entry)))
            }
        }
        var seen: Set<EntryID> = []
        for entry in shortlist where firstLine[entry] == nil && !conflicts.contains(entry) && seen.insert(entry).inserted {
            problems.append(BallotProblem(juror: juror, line: nil, kind: .missing(entry)))
        }
        return problems
    }
}
