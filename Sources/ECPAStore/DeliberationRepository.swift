import ECPACore
import Foundation
import LibPQ

/// The deliberation: the entries under discussion and the jurors' revisions of their round-1
/// scores, each written by owner-run functions that check every rule (sql/0032).
public struct DeliberationRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Closes round 1 and begins the deliberation on these entries (secretariat).
    public func open(edition: EditionID, entries: [EntryID]) throws {
        try translating {
            let ids: [String] = entries.map { String($0.rawValue) }
            _ = try db.query("SELECT ecpa.open_deliberation(\(edition.rawValue), \(ids)::bigint[])")
        }
    }

    /// The entries under discussion, by id.
    public func entries(edition: EditionID) throws -> [EntryID] {
        try translating {
            try db.query("SELECT entry_id FROM ecpa.deliberation_entries WHERE edition_id = \(edition.rawValue) ORDER BY entry_id")
                .map { EntryID(try $0.decode("entry_id")) }
        }
    }

    /// Revises a round-1 score with a reason; `juror` when the secretariat acts on a juror's behalf.
    @discardableResult
    public func revise(entry: EntryID, criterion: String, value: Decimal, reason: String, juror: JurorID?) throws -> Int64 {
        try translating {
            try db.query(
                """
                SELECT ecpa.revise_score(\(entry.rawValue), \(criterion), \(value), \(reason), \(juror?.rawValue)) AS id
                """
            ).first?.decode("id") ?? 0
        }
    }

    /// The revisions the current role may read (a juror their own, the secretariat all), or a
    /// published edition's, in the order they were made.
    public func revisions(edition: EditionID, source: RecordSource = .live) throws -> [Revision] {
        try translating(permissionDenied: "Only the jurors and the secretariat read the deliberation's revisions, until the results are published.") {
            try db.query(
                """
                SELECT id, entry_id, juror_id, criterion_code, old_value, new_value, reason
                FROM \(source.relation("revisions", edition: edition)) WHERE edition_id = \(edition.rawValue) ORDER BY id
                """
            ).map { row in
                Revision(
                    id: try row.decode("id"), entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), oldValue: try row.decode("old_value"),
                    newValue: try row.decode("new_value"), reason: try row.decode("reason"))
            }
        }
    }

    /// The revisions the current role may read as events of the score history: action `revise`,
    /// the reason as the new comment, in the order made.
    public func history(edition: EditionID, entry: EntryID?, juror: JurorID?) throws -> [ScoreEvent] {
        try translating(permissionDenied: "Only the jurors and the secretariat read the deliberation's revisions, until the results are published.") {
            try db.query(
                """
                SELECT id, batch_id, at, actor, entry_id, juror_id, criterion_code, old_value, new_value, reason
                FROM ecpa.revisions
                WHERE edition_id = \(edition.rawValue)
                  AND (\(entry?.rawValue)::bigint IS NULL OR entry_id = \(entry?.rawValue))
                  AND (\(juror?.rawValue)::bigint IS NULL OR juror_id = \(juror?.rawValue))
                ORDER BY id
                """
            ).map { row in
                ScoreEvent(
                    id: try row.decode("id"), batch: try row.decode("batch_id"), at: try row.decode("at"), actor: try row.decode("actor"),
                    entry: EntryID(try row.decode("entry_id")), juror: JurorID(try row.decode("juror_id")),
                    criterion: try row.decode("criterion_code"), action: "revise", oldValue: try row.decode("old_value"),
                    newValue: try row.decode("new_value"), oldComment: nil, newComment: try row.decode("reason"))
            }
        }
    }

    /// The deliberation's ledger entries: the note that closed round 1 (`revision` nil) and each
    /// revision's batch, with its operation and whether it is sealed into the hash chain.
    public func ledgerEntries(edition: EditionID) throws -> [(revision: Int64?, operation: String, sealed: Bool)] {
        try translating {
            try db.query("SELECT revision_id, operation, sealed FROM ecpa.deliberation_in_ledger(\(edition.rawValue))").map {
                (try $0.decode("revision_id"), try $0.decode("operation"), try $0.decode("sealed"))
            }
        }
    }
}
