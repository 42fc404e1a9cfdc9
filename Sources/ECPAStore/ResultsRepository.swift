import ECPACore
import Foundation
import LibPQ

/// Overrides, the freeze and its digest, and the checks `results verify` runs. The writes go
/// through owner-run functions (sql/0021): nobody writes these tables directly.
public struct ResultsRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Sets (or replaces) a jury override for an entry.
    public func setOverride(_ override: JuryOverride, edition: EditionID) throws {
        try translating {
            _ = try db.query(
                """
                SELECT ecpa.set_override(\(edition.rawValue), \(override.entry.rawValue), \(override.place)::integer, \(override.reason))
                """)
        }
    }

    /// Removes an entry's override; returns whether there was one.
    public func clearOverride(entry: EntryID, edition: EditionID) throws -> Bool {
        try translating {
            try db.query("SELECT ecpa.clear_override(\(edition.rawValue), \(entry.rawValue)) AS cleared")
                .first?.decode("cleared") ?? false
        }
    }

    /// The overrides of an edition, by place: as stored (the secretariat and jurors), or as
    /// published (everyone, once the edition is published).
    public func fetchOverrides(edition: EditionID, source: RecordSource = .live) throws -> [JuryOverride] {
        try translating {
            try db.query(
                """
                SELECT entry_id, place, reason FROM \(source.relation("overrides", edition: edition))
                WHERE edition_id = \(edition.rawValue) ORDER BY place
                """
            ).map { row in
                JuryOverride(entry: EntryID(try row.decode("entry_id")), place: try row.decode("place"), reason: try row.decode("reason"))
            }
        }
    }

    /// The edition's scores and abstentions as the score set digest lists them, each value as
    /// PostgreSQL prints it; FrozenSeal hashes them.
    public func fetchScoreSet(edition: EditionID, source: RecordSource = .live) throws
        -> (scores: [FrozenSeal.ScoreLine], abstentions: [EntryJurorPair])
    {
        try translating {
            let scores = try db.query(
                """
                SELECT entry_id, juror_id, criterion_code, value::text AS value
                FROM \(source.relation("scores", edition: edition)) WHERE edition_id = \(edition.rawValue)
                """
            ).map { row in
                FrozenSeal.ScoreLine(
                    entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), value: try row.decode("value"))
            }
            let abstentions = try db.query(
                """
                SELECT entry_id, juror_id FROM \(source.relation("abstentions", edition: edition))
                WHERE edition_id = \(edition.rawValue)
                """
            ).map { row in
                EntryJurorPair(entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")))
            }
            return (scores, abstentions)
        }
    }

    /// The deliberation's revisions as the score set lists them (values as PostgreSQL prints them).
    public func fetchRevisionLines(edition: EditionID, source: RecordSource = .live) throws -> [FrozenSeal.RevisionLine] {
        try translating {
            try db.query(
                """
                SELECT id, entry_id, juror_id, criterion_code, old_value::text AS old_value, new_value::text AS new_value, reason
                FROM \(source.relation("revisions", edition: edition)) WHERE edition_id = \(edition.rawValue) ORDER BY id
                """
            ).map { row in
                FrozenSeal.RevisionLine(
                    id: try row.decode("id"), entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), oldValue: try row.decode("old_value"),
                    newValue: try row.decode("new_value"), reason: try row.decode("reason"))
            }
        }
    }

    /// Locks the edition's row for the freeze: waits for every writer of the edition still in
    /// flight and keeps new ones out until this transaction ends, so the ranking computed next
    /// sees the last score.
    public func lockForFreeze(edition: EditionID) throws {
        try translating {
            _ = try db.query("SELECT id FROM ecpa.editions WHERE id = \(edition.rawValue) FOR NO KEY UPDATE")
        }
    }

    /// How many of an edition's ledger events come after the sealed batch with this hash; nil when
    /// no batch has that hash (the chain lost it). The ledger is shared by all editions, so later
    /// editions' batches after a freeze are normal; this edition's are not.
    public func editionEventsAfter(head: String, edition: EditionID) throws -> Int? {
        try translating {
            let count: Int64? = try db.query(
                """
                SELECT ecpa.edition_events_after(\(edition.rawValue), \(head)) AS n
                """
            ).first?.decode("n")
            return count.map { Int($0) }
        }
    }

    /// Stores the ranking and moves the edition to frozen; from then on no score can change.
    /// PostgreSQL checks that every eligible competing entry is placed once with the overrides on
    /// record, seals the ledger and computes the digests.
    public func freeze(edition: Edition, ranking: Ranking) throws -> FrozenResults {
        let places = ranking.places.map(FrozenPlace.init)
        try translating {
            _ = try db.query(
                """
                SELECT ecpa.freeze_edition(\(edition.id.rawValue), \(ranking.method.rawValue), (
                    SELECT coalesce(jsonb_agg(jsonb_build_object(
                               'place', t.place, 'entry', t.entry, 'medal', nullif(t.medal, ''), 'score', t.score,
                               'jurors', t.jurors, 'shared', t.shared, 'override_reason', nullif(t.reason, ''))
                               ORDER BY t.n), '[]'::jsonb)
                    FROM unnest(\(places.map { String($0.place) })::integer[], \(places.map { String($0.entry.rawValue) })::bigint[],
                                \(places.map { $0.medal?.rawValue ?? "" })::text[], \(places.map { Self.text($0.score) })::numeric[],
                                \(places.map { String($0.jurorCount) })::integer[], \(places.map { String($0.sharedPlace) })::boolean[],
                                \(places.map { $0.overrideReason ?? "" })::text[])
                         WITH ORDINALITY AS t(place, entry, medal, score, jurors, shared, reason, n)))
                """)
        }
        guard let frozen = try fetchFrozen(edition: edition.id) else {
            throw StoreError.database("The frozen results were not stored.")
        }
        return frozen
    }

    /// The results stored at the freeze, if the edition is frozen (and visible to this role).
    public func fetchFrozen(edition: EditionID) throws -> FrozenResults? {
        try translating {
            guard
                let row = try db.query(
                    """
                    SELECT method, scores_digest, ledger_head, declaration_hash, digest, frozen_at, frozen_by
                    FROM ecpa.frozen_results WHERE edition_id = \(edition.rawValue)
                    """
                ).first
            else { return nil }
            let places = try db.query(
                """
                SELECT entry_id, place, medal, score::text AS score, juror_count, shared_place, override_reason
                FROM ecpa.frozen_places WHERE edition_id = \(edition.rawValue) ORDER BY place, entry_id
                """
            ).map { row in
                FrozenPlace(
                    entry: EntryID(try row.decode("entry_id")), place: try row.decode("place"),
                    medal: try row.decode("medal", as: String?.self).flatMap(Medal.init(rawValue:)),
                    score: try row.decode("score"), jurorCount: try row.decode("juror_count"),
                    sharedPlace: try row.decode("shared_place"), overrideReason: try row.decode("override_reason"))
            }
            return FrozenResults(
                method: try row.decode("method"), places: places,
                scoresDigest: try row.decode("scores_digest"), ledgerHead: try row.decode("ledger_head"),
                declarationHash: try row.decode("declaration_hash"), digest: try row.decode("digest"), frozenAt: try row.decode("frozen_at"),
                frozenBy: try row.decode("frozen_by"))
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

    static func text(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}
