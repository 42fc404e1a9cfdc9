import ECPACore
import Foundation
import LibPQ

/// What was stored when an edition was frozen.
public struct FrozenResults: Sendable, Equatable {
    public var method: String
    /// The ranking in its canonical text form (one line per place).
    public var rankingText: String
    public var scoresDigest: String
    public var ledgerHead: String
    /// SHA-256 over the ranking text, the score set digest and the ledger head.
    public var digest: String
    public var frozenAt: Date
    public var frozenBy: String
}

/// A cell whose stored value is not what the ledger's last event for it says.
public struct CellDifference: Sendable, Equatable {
    public var entry: EntryID
    public var juror: JurorID
    public var criterion: String
    public var ledgerValue: Decimal?
    public var tableValue: Decimal?
}

/// Overrides, the freeze and its digest, and the checks `results verify` runs.
public struct ResultsRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Sets (or replaces) a jury override for an entry.
    public func setOverride(_ override: JuryOverride, edition: EditionID) throws {
        try translating {
            try db.execute("""
                INSERT INTO ecpa.overrides (edition_id, entry_id, place, reason)
                VALUES (\(edition.rawValue), \(override.entry.rawValue), \(override.place), \(override.reason))
                ON CONFLICT (edition_id, entry_id) DO UPDATE SET place = EXCLUDED.place, reason = EXCLUDED.reason,
                    set_at = now(), set_by = current_user
                """)
        }
    }

    /// Removes an entry's override; returns whether there was one.
    public func clearOverride(entry: EntryID, edition: EditionID) throws -> Bool {
        try translating {
            try db.execute("DELETE FROM ecpa.overrides WHERE edition_id = \(edition.rawValue) AND entry_id = \(entry.rawValue)") == 1
        }
    }

    /// The overrides of an edition, by place.
    public func fetchOverrides(edition: EditionID) throws -> [JuryOverride] {
        try translating {
            try db.query("""
                SELECT entry_id, place, reason FROM ecpa.overrides WHERE edition_id = \(edition.rawValue) ORDER BY place
                """).map { row in
                JuryOverride(entry: EntryID(try row.decode("entry_id")), place: try row.decode("place"), reason: try row.decode("reason"))
            }
        }
    }

    /// The SHA-256 of the edition's canonical score set (cells and abstentions).
    public func scoreSetDigest(edition: EditionID) throws -> String {
        try translating {
            try db.query("SELECT ecpa.score_set_digest(\(edition.rawValue)) AS d").first?.decode("d") ?? ""
        }
    }

    /// The hash at the head of the score ledger.
    public func ledgerHead() throws -> String {
        try translating {
            try db.query("SELECT hash FROM ecpa.ledger_head").first?.decode("hash") ?? ""
        }
    }

    /// Waits for every score writer to finish and keeps new ones out until this transaction ends
    /// (they all queue on the ledger's head row), so a freeze sees the last score.
    public func lockLedger() throws {
        try translating {
            _ = try db.query("SELECT hash FROM ecpa.ledger_head FOR UPDATE")
        }
    }

    /// How many of an edition's ledger events come after the batch with this hash; nil when no
    /// batch has that hash (the chain lost it). The ledger is shared by all editions, so later
    /// editions' batches after a freeze are normal; this edition's are not.
    public func editionEventsAfter(head: String, edition: EditionID) throws -> Int? {
        try translating {
            let genesis = String(repeating: "0", count: 64)
            guard let row = try db.query("""
                SELECT (SELECT id FROM ecpa.score_batches WHERE hash = \(head)) AS batch
                """).first else { return nil }
            let batch: Int64? = try row.decode("batch")
            guard let after = batch ?? (head == genesis ? 0 : nil) else { return nil }
            return try db.query("""
                SELECT count(*) AS n FROM ecpa.score_events
                WHERE edition_id = \(edition.rawValue) AND batch_id > \(after)
                """).first?.decode("n") ?? 0
        }
    }

    /// The digest stored at the freeze: SHA-256 over ranking text, score digest and ledger head.
    public func digest(rankingText: String, scoresDigest: String, ledgerHead: String) throws -> String {
        try translating {
            try db.query("""
                SELECT encode(sha256(convert_to(\(rankingText) || E'\\n' || \(scoresDigest) || E'\\n' || \(ledgerHead), 'UTF8')), 'hex') AS d
                """).first?.decode("d") ?? ""
        }
    }

    /// Stores the results and moves the edition to frozen; from then on no score can change.
    public func freeze(edition: Edition, method: RankingMethod, rankingText: String) throws -> FrozenResults {
        let scores = try scoreSetDigest(edition: edition.id)
        let head = try ledgerHead()
        let digest = try digest(rankingText: rankingText, scoresDigest: scores, ledgerHead: head)
        try translating {
            try db.execute("""
                INSERT INTO ecpa.frozen_results (edition_id, method, ranking_text, scores_digest, ledger_head, digest)
                VALUES (\(edition.id.rawValue), \(method.rawValue), \(rankingText), \(scores), \(head), \(digest))
                """)
            try db.execute("UPDATE ecpa.editions SET phase = 'frozen' WHERE id = \(edition.id.rawValue)")
        }
        guard let frozen = try fetchFrozen(edition: edition.id) else {
            throw StoreError.database("The frozen results were not stored.")
        }
        return frozen
    }

    /// The results stored at the freeze, if the edition is frozen (and visible to this role).
    public func fetchFrozen(edition: EditionID) throws -> FrozenResults? {
        try translating {
            try db.query("""
                SELECT method, ranking_text, scores_digest, ledger_head, digest, frozen_at, frozen_by
                FROM ecpa.frozen_results WHERE edition_id = \(edition.rawValue)
                """).first.map { row in
                FrozenResults(
                    method: try row.decode("method"), rankingText: try row.decode("ranking_text"),
                    scoresDigest: try row.decode("scores_digest"), ledgerHead: try row.decode("ledger_head"),
                    digest: try row.decode("digest"), frozenAt: try row.decode("frozen_at"), frozenBy: try row.decode("frozen_by"))
            }
        }
    }

    /// Cells whose stored value differs from the ledger's last event for them.
    public func cellsDifferingFromLedger(edition: EditionID) throws -> [CellDifference] {
        try translating {
            try db.query("SELECT * FROM ecpa.cells_differing_from_ledger(\(edition.rawValue))").map { row in
                CellDifference(
                    entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), ledgerValue: try row.decode("ledger_value"),
                    tableValue: try row.decode("table_value"))
            }
        }
    }
}
