import ECPACore
import Foundation
import LibPQ

/// One event of the score ledger: a cell written, changed or deleted, or an abstention.
public struct ScoreEvent: Sendable, Equatable {
    public var id: Int64
    public var batch: Int64
    public var at: Date
    public var actor: String
    public var entry: EntryID
    public var juror: JurorID
    public var criterion: String?
    public var action: String
    public var oldValue: Decimal?
    public var newValue: Decimal?
    public var oldComment: String?
    public var newComment: String?
}

/// A juror's declared non-vote on an entry.
public struct Abstention: Sendable, Equatable {
    public var entry: EntryID
    public var juror: JurorID
    public var comment: String?
}

/// A link of the ledger chain that does not verify.
public struct LedgerProblem: Sendable, Equatable {
    public var batch: Int64?
    public var problem: String
}

/// Scores, abstentions and their ledger. Row-level security decides whose scores a role sees.
public struct ScoreRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Row-level security lets a juror write only their own cells (the secretariat writes any).
    static let ownScoresOnly = "You can write only your own scores."

    /// Writes a juror's values for an entry in one statement (one ledger batch); unchanged cells are left alone.
    public func recordScores(edition: EditionID, _ scores: [Score]) throws {
        guard !scores.isEmpty else { return }
        try translating(permissionDenied: Self.ownScoresOnly) {
            try db.execute(
                """
                INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value, comment)
                SELECT \(edition.rawValue), t.entry_id, t.juror_id, t.criterion_code, t.value, nullif(t.comment, '')
                FROM unnest(\(scores.map { String($0.entry.rawValue) })::bigint[],
                            \(scores.map { String($0.juror.rawValue) })::bigint[],
                            \(scores.map(\.criterion))::text[],
                            \(scores.map { NSDecimalNumber(decimal: $0.value).stringValue })::numeric[],
                            \(scores.map { $0.comment ?? "" })::text[])
                     AS t(entry_id, juror_id, criterion_code, value, comment)
                ON CONFLICT (entry_id, juror_id, criterion_code) DO UPDATE
                    SET value = EXCLUDED.value, comment = EXCLUDED.comment
                    WHERE (scores.value, scores.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.comment)
                """)
        }
    }

    /// Records that a juror abstains on an entry, deleting any scores they gave it.
    public func abstain(edition: EditionID, entry: EntryID, juror: JurorID, comment: String?) throws {
        try translating(permissionDenied: Self.ownScoresOnly) {
            _ = try db.query(
                """
                SELECT ecpa.abstain(\(edition.rawValue), \(entry.rawValue), \(juror.rawValue), \(comment))
                """)
        }
    }

    /// Withdraws an abstention so the juror can score the entry; returns whether there was one.
    @discardableResult
    public func withdrawAbstention(entry: EntryID, juror: JurorID) throws -> Bool {
        try translating(permissionDenied: Self.ownScoresOnly) {
            try db.query(
                """
                SELECT ecpa.withdraw_abstention(\(entry.rawValue), \(juror.rawValue)) AS withdrawn
                """
            ).first?.decode("withdrawn") ?? false
        }
    }

    /// The scores of an edition the current role may see, optionally one juror's (from
    /// `.published`: every score of a published edition, without comments).
    public func fetchScores(edition: EditionID, juror: JurorID? = nil, source: RecordSource = .live) throws -> [Score] {
        try translating {
            try db.query(
                """
                SELECT s.entry_id, s.juror_id, s.criterion_code, s.value, s.comment
                FROM \(source.relation("scores", edition: edition)) s JOIN ecpa.criteria c ON c.edition_id = s.edition_id AND c.code = s.criterion_code
                WHERE s.edition_id = \(edition.rawValue)
                  AND (\(juror?.rawValue)::bigint IS NULL OR s.juror_id = \(juror?.rawValue))
                ORDER BY s.entry_id, s.juror_id, c.position
                """
            ).map { row in
                Score(
                    entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), value: try row.decode("value"),
                    comment: try row.decode("comment"))
            }
        }
    }

    /// Streams the scores of an edition the current role may see (as `fetchScores`, without
    /// comments) into a matrix over the edition's scheme: one row at a time through COPY, each
    /// criterion by its place in the scheme and each value as PostgreSQL writes it, so that a
    /// million scores never sit in memory as rows or `Decimal`s.
    public func loadScores(edition: EditionID, into matrix: inout ScoreMatrix, source: RecordSource = .live) throws {
        let id = String(edition.rawValue)
        _ = try translating {
            try db.copyOut(
                """
                COPY (SELECT s.entry_id, s.juror_id, c.number, s.value
                      FROM \(source.relation("scores", edition: edition)) s
                      JOIN (SELECT code, row_number() OVER (ORDER BY position) AS number
                            FROM ecpa.criteria WHERE edition_id = \(unsafeRaw: id)) c ON c.code = s.criterion_code
                      WHERE s.edition_id = \(unsafeRaw: id)) TO STDOUT
                """
            ) { line in
                try ScoreRepository.read(line, into: &matrix)
            }
        }
    }

    /// One line of the COPY above: entry, juror, criterion number (from 1) and value, separated by tabs.
    static func read(_ line: UnsafeRawBufferPointer, into matrix: inout ScoreMatrix) throws {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(4)
        var start = 0
        for index in 0..<line.count where line[index] == UInt8(ascii: "\t") || line[index] == UInt8(ascii: "\n") {
            fields.append(start..<index)
            start = index + 1
        }
        if start < line.count { fields.append(start..<line.count) }
        guard fields.count == 4, let entry = whole(line, fields[0]), let juror = whole(line, fields[1]),
            let number = whole(line, fields[2]), number >= 1
        else {
            throw StoreError.database(
                "A score row read from the server was not entry, juror, criterion and value: "
                    + String(decoding: line, as: UTF8.self))
        }
        matrix.set(
            numericText: UnsafeRawBufferPointer(rebasing: line[fields[3]]), entry: EntryID(entry), juror: JurorID(juror),
            criterionAt: Int(number - 1))
    }

    /// A whole number of ASCII digits.
    private static func whole(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value: Int64 = 0
        for index in range {
            let byte = line[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The abstentions of an edition the current role may see (from `.published`: all, without comments).
    public func fetchAbstentions(edition: EditionID, source: RecordSource = .live) throws -> [Abstention] {
        try translating {
            try db.query(
                """
                SELECT entry_id, juror_id, comment FROM \(source.relation("abstentions", edition: edition)) WHERE edition_id = \(edition.rawValue)
                ORDER BY entry_id, juror_id
                """
            ).map { row in
                Abstention(
                    entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    comment: try row.decode("comment"))
            }
        }
    }

    /// The ledger's events for an edition, optionally narrowed to an entry or a juror, oldest first.
    public func fetchHistory(edition: EditionID, entry: EntryID? = nil, juror: JurorID? = nil) throws -> [ScoreEvent] {
        try translating {
            try db.query(
                """
                SELECT e.id, e.batch_id, e.at, e.actor, e.entry_id, e.juror_id, e.criterion_code, e.action,
                       e.old_value, e.new_value, e.old_comment, e.new_comment
                FROM ecpa.score_events e
                WHERE e.edition_id = \(edition.rawValue)
                  AND (\(entry?.rawValue)::bigint IS NULL OR e.entry_id = \(entry?.rawValue))
                  AND (\(juror?.rawValue)::bigint IS NULL OR e.juror_id = \(juror?.rawValue))
                ORDER BY e.id
                """
            ).map { row in
                ScoreEvent(
                    id: try row.decode("id"), batch: try row.decode("batch_id"), at: try row.decode("at"),
                    actor: try row.decode("actor"), entry: EntryID(try row.decode("entry_id")),
                    juror: JurorID(try row.decode("juror_id")), criterion: try row.decode("criterion_code"),
                    action: try row.decode("action"), oldValue: try row.decode("old_value"),
                    newValue: try row.decode("new_value"), oldComment: try row.decode("old_comment"),
                    newComment: try row.decode("new_comment"))
            }
        }
    }

    /// Recomputes the ledger's hash chain; empty when every link verifies.
    public func verifyLedger() throws -> [LedgerProblem] {
        try translating {
            try db.query("SELECT batch_id, problem FROM ecpa.verify_score_ledger()").map { row in
                LedgerProblem(batch: try row.decode("batch_id"), problem: try row.decode("problem"))
            }
        }
    }
}
