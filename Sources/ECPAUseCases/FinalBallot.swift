import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// The final ballot as every front end runs it (issue "what the jury decides", item 4): the
/// secretariat opens it on a shortlist and closes it; each voting juror casts their own ballot.
/// PostgreSQL enforces every rule (sql/0033); the checks here come first only to say every
/// problem at once, with its line.
public enum FinalBallot {
    /// What a juror votes on: the shortlist in its order and the entries on it they are in
    /// conflict with (left unranked).
    public struct Paper: Sendable {
        public var edition: Edition
        public var juror: Juror
        public var shortlist: [Entry]
        public var conflicts: Set<EntryID>

        /// The entries the juror ranks, in the shortlist's order.
        public var toRank: [Entry] { shortlist.filter { !conflicts.contains($0.id) } }
    }

    /// Opens the ballot: on the entries named, else the first `top` of the ranking, else the
    /// entries in contention for a contested medal; the shortlist is put in the ranking's order.
    /// PostgreSQL is asked first whether a ballot may open at all, so that a refusal names the
    /// rule (the phase, the declaration, the deliberation) before any shortlist is computed.
    public static func open(edition: Edition, entries: [EntryID], top: Int?, db: Connection) throws -> [EntryID] {
        var shortlist = entries
        if shortlist.isEmpty {
            do {
                try db.transaction(isolation: .readCommitted) { try BallotRepository($0).open(edition: edition.id, shortlist: []) }
            } catch StoreError.invalidData {
                // Only the shortlist is wanting: compute it.
            }
            let explanation = try Explanation.load(edition: edition, db: db)
            let places = explanation.results.ranking.places.map(\.entry)
            if let top {
                shortlist = Array(places.prefix(top))
            } else {
                let contested = Set(explanation.contestedEntries)
                shortlist = places.filter(contested.contains)
            }
            guard shortlist.count >= 2 else {
                throw Refusal(
                    "ballot.no_shortlist", .refused,
                    top == nil
                        ? "Fewer than two entries of the \(edition.year) edition are in contention for a contested medal (`ecpa results explain` says why), so there is no ballot to hold by default. Name the entries with --entry, or take the first few with --top."
                        : "A ballot needs at least two entries; give --top 2 or more.")
            }
        }
        try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
            try BallotRepository(db).open(edition: edition.id, shortlist: shortlist)
        }
        return shortlist
    }

    /// The calling juror's ballot paper.
    public static func paper(edition: Edition, juror: Juror, db: Connection) throws -> Paper {
        try db.consistentRead { db in
            let ids = try BallotRepository(db).shortlist(edition: edition.id)
            guard !ids.isEmpty else {
                throw Refusal(
                    "ballot.not_open", .refused,
                    "The \(edition.year) edition has no final ballot open; the secretariat opens it with `ecpa ballot open \(edition.year)`.")
            }
            let entries = Dictionary(
                uniqueKeysWithValues: try EntryRepository(db).fetchEntries(edition: edition.id, answers: false).map { ($0.id, $0) })
            let conflicts = try JuryRepository(db).fetchConflicts(edition: edition.id).filter { $0.juror == juror.id }.map(\.entry)
            return Paper(edition: edition, juror: juror, shortlist: ids.compactMap { entries[$0] }, conflicts: Set(conflicts))
        }
    }

    /// Casts a ballot after checking it against the paper: every problem is listed and nothing is
    /// cast while there is one.
    @discardableResult
    public static func cast(_ ranking: [EntryID], on paper: Paper, db: Connection) throws -> Int64 {
        let ballot = Ballot(juror: paper.juror.id, ranking: ranking)
        let problems = ballot.problems(shortlist: paper.shortlist.map(\.id), conflicts: paper.conflicts)
        guard problems.isEmpty else { throw BallotCountError(problems: problems) }
        return try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
            try BallotRepository(db).cast(edition: paper.edition.id, ranking: ranking)
        }
    }

    /// Closes the ballot and seals its ballots (secretariat); returns the ballot set's SHA-256.
    public static func close(edition: Edition, withoutMissing: Bool, db: Connection) throws -> String {
        try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
            try BallotRepository(db).close(edition: edition.id, withoutMissing: withoutMissing)
        }
    }

    /// The closed ballot's record and its count, for the secretariat once closed and everyone once
    /// published.
    public static func record(edition: Edition, db: Connection) throws -> (scores: EditionScores, record: BallotRecord) {
        let scores = try db.consistentRead { db in
            try EditionScores.load(edition: edition, db: db, source: edition.phase == .published ? .published : .live)
        }
        guard let record = scores.ballot else {
            throw Refusal(
                "ballot.sealed", .refused,
                edition.stage < .ballotClosed
                    ? "The \(edition.year) final ballot has not closed: its ballots are sealed until then, from everyone, the secretariat included."
                    : "The \(edition.year) ballots are sealed until the results are published; the secretariat reads them once the ballot has closed."
            )
        }
        return (scores, record)
    }
}
