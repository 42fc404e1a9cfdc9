import ECPACore
import Foundation
import LibPQ

/// The final ballot: its shortlist, the ballots and who has voted, each written or read through
/// owner-run functions that check every rule (sql/0033). Nobody reads the ballots table itself.
public struct BallotRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Opens the ballot on a shortlist, in the order given (secretariat).
    public func open(edition: EditionID, shortlist: [EntryID]) throws {
        try translating {
            let ids: [String] = shortlist.map { String($0.rawValue) }
            _ = try db.query("SELECT ecpa.open_ballot(\(edition.rawValue), \(ids)::bigint[])")
        }
    }

    /// The shortlist in its order (the secretariat, the edition's jurors, everyone once published).
    public func shortlist(edition: EditionID) throws -> [EntryID] {
        try translating {
            try db.query("SELECT entry_id FROM ecpa.ballot_shortlist(\(edition.rawValue)) ORDER BY position")
                .map { EntryID(try $0.decode("entry_id")) }
        }
    }

    /// Casts the calling juror's ballot; returns its id.
    @discardableResult
    public func cast(edition: EditionID, ranking: [EntryID]) throws -> Int64 {
        try translating {
            let ids: [String] = ranking.map { String($0.rawValue) }
            return try db.query("SELECT ecpa.cast_ballot(\(edition.rawValue), \(ids)::bigint[]) AS id").first?.decode("id") ?? 0
        }
    }

    /// The calling juror's latest ballot, if they have cast one.
    public func mine(edition: EditionID) throws -> (ranking: [EntryID], castAt: Date)? {
        try translating {
            guard let row = try db.query("SELECT ranking, cast_at FROM ecpa.my_ballot(\(edition.rawValue))").first else { return nil }
            return (try Self.entries(row), try row.decode("cast_at"))
        }
    }

    /// Each voting juror and when their latest ballot was cast, nil before they vote (secretariat).
    public func turnout(edition: EditionID) throws -> [(juror: JurorID, castAt: Date?)] {
        try translating(permissionDenied: "Only the secretariat sees who has voted.") {
            try db.query("SELECT juror_id, cast_at FROM ecpa.ballot_turnout(\(edition.rawValue))").map {
                (JurorID(try $0.decode("juror_id")), try $0.decode("cast_at"))
            }
        }
    }

    /// Closes the ballot and seals its ballots; returns the ballot set's SHA-256 (secretariat).
    @discardableResult
    public func close(edition: EditionID, withoutMissing: Bool) throws -> String {
        try translating {
            try db.query("SELECT ecpa.close_ballot(\(edition.rawValue), \(withoutMissing)) AS digest").first?.decode("digest") ?? ""
        }
    }

    /// Every ballot cast, by id, with the ballot's salt, once the ballot's close is committed (the
    /// secretariat) or the results are published (everyone); none before.
    public func closedBallots(edition: EditionID) throws -> (salt: String, ballots: [StoredBallot]) {
        try translating {
            let rows = try db.query("SELECT id, juror_id, ranking, salt FROM ecpa.closed_ballots(\(edition.rawValue))")
            let ballots = try rows.map { row in
                StoredBallot(
                    id: try row.decode("id"), ballot: Ballot(juror: JurorID(try row.decode("juror_id")), ranking: try Self.entries(row)))
            }
            return (try rows.first?.decode("salt") ?? "", ballots)
        }
    }

    /// A ballot's `ranking` column (bigint[], read as text elements).
    private static func entries(_ row: Row) throws -> [EntryID] {
        let texts: [String] = try row.decode("ranking")
        return try texts.map { text in
            guard let id = Int64(text) else { throw StoreError.database("A ballot holds \"\(text)\", which is not an entry number.") }
            return EntryID(id)
        }
    }

    /// The ballot's ledger notes, in order, with whether each is sealed into the hash chain.
    public func ledgerEntries(edition: EditionID) throws -> [(operation: String, sealed: Bool)] {
        try translating {
            try db.query("SELECT operation, sealed FROM ecpa.ballot_in_ledger(\(edition.rawValue))").map {
                (try $0.decode("operation"), try $0.decode("sealed"))
            }
        }
    }
}

/// A closed final ballot as read: the shortlist, every ballot cast, and the count of each juror's
/// latest ballot; nil count when the ballots cannot be counted (the problems say why).
public struct BallotRecord: Sendable {
    /// The ballot's salt, in every hash of its ballots.
    public var salt: String
    public var shortlist: [EntryID]
    public var cast: [StoredBallot]
    public var count: BallotCount?
    public var problems: [BallotProblem]

    /// Counts the latest ballot of each juror, with their conflicts and the scheme's cascade (the
    /// steps a ballot can apply: head-to-head and shared-place, in the declared order).
    public init(
        salt: String, shortlist: [EntryID], cast: [StoredBallot], conflicts: [JurorID: Set<EntryID>], tieBreaks: [TieBreakRule]
    ) {
        self.salt = salt
        self.shortlist = shortlist
        self.cast = cast
        do {
            count = try BallotCount(
                shortlist: shortlist, ballots: Self.latest(cast).map(\.ballot), conflicts: conflicts,
                tieBreaks: tieBreaks.compactMap { BallotTieBreak(rawValue: $0.rawValue) })
            problems = []
        } catch {
            count = nil
            problems = error.problems
        }
    }

    /// Ballot rule: a juror may cast again until the ballot closes; their latest ballot counts.
    public static func latest(_ cast: [StoredBallot]) -> [StoredBallot] {
        var latest: [JurorID: StoredBallot] = [:]
        for stored in cast where (latest[stored.ballot.juror]?.id ?? .min) < stored.id { latest[stored.ballot.juror] = stored }
        return latest.values.sorted { $0.ballot.juror < $1.ballot.juror }
    }

    /// The ballots that count.
    public var counted: [StoredBallot] { Self.latest(cast) }
}
