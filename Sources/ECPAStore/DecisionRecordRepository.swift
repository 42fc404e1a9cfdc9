import ECPACore
import Foundation
import LibPQ

/// The decision record: each medal's rapporteur and reasons, the minority views and the chair's
/// sign-off, each written by owner-run functions that check every rule (sql/0034).
public struct DecisionRecordRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// The chair names the rapporteur of a medal.
    public func nameRapporteur(edition: EditionID, medal: Medal, juror: JurorID) throws {
        try translating {
            _ = try db.query("SELECT ecpa.name_rapporteur(\(edition.rawValue), \(medal.rawValue), \(juror.rawValue))")
        }
    }

    /// A medal's rapporteur writes the jury's reasons.
    public func writeReasons(edition: EditionID, medal: Medal, text: String) throws {
        try translating {
            _ = try db.query("SELECT ecpa.write_reasons(\(edition.rawValue), \(medal.rawValue), \(text))")
        }
    }

    /// A juror adds (or rewrites) their minority view on a medal.
    public func addMinorityView(edition: EditionID, medal: Medal, text: String) throws {
        try translating {
            _ = try db.query("SELECT ecpa.add_minority_view(\(edition.rawValue), \(medal.rawValue), \(text))")
        }
    }

    /// The chair signs the record off; returns the SHA-256 the server sealed into the ledger.
    public func sign(edition: EditionID) throws -> String {
        try translating {
            try db.query("SELECT ecpa.sign_record(\(edition.rawValue)) AS hash").first?.decode("hash") ?? ""
        }
    }

    /// Whether the current role may read an edition's record before publication: the secretariat,
    /// and the edition's own jurors (a juror of another edition would read an empty record). Asked
    /// in two steps, the second only of those with a right to the tables, so that nothing is
    /// refused inside the caller's transaction.
    public func mayReadLive(edition: EditionID) throws -> Bool {
        try translating {
            guard try db.query("SELECT has_table_privilege('ecpa.medal_reasons', 'SELECT') AS may").first?.decode("may") ?? false else {
                return false
            }
            return try db.query("SELECT ecpa.is_secretariat() OR ecpa.my_juror_id(\(edition.rawValue)) IS NOT NULL AS may")
                .first?.decode("may") ?? false
        }
    }

    /// The record as the current role may read it (`.live`), or as published (`.published`).
    public func fetchRecord(edition: EditionID, source: RecordSource = .live) throws -> DecisionRecord {
        try translating(
            permissionDenied: "Only the secretariat and the edition's jurors read the decision record, until the results are published."
        ) {
            let reasons = try db.query(
                """
                SELECT medal, rapporteur_id, reasons FROM \(source.relation("medal_reasons", edition: edition))
                WHERE edition_id = \(edition.rawValue)
                """
            ).compactMap { row -> MedalReasons? in
                guard let medal = Medal(rawValue: try row.decode("medal")) else { return nil }
                return MedalReasons(medal: medal, rapporteur: JurorID(try row.decode("rapporteur_id")), reasons: try row.decode("reasons"))
            }
            let views = try db.query(
                """
                SELECT id, medal, juror_id, view_text FROM \(source.relation("minority_views", edition: edition))
                WHERE edition_id = \(edition.rawValue) ORDER BY id
                """
            ).compactMap { row -> MinorityView? in
                guard let medal = Medal(rawValue: try row.decode("medal")) else { return nil }
                return MinorityView(
                    id: try row.decode("id"), medal: medal, juror: JurorID(try row.decode("juror_id")), text: try row.decode("view_text"))
            }
            let signoff = try db.query(
                """
                SELECT chair_id, signed_at, record_hash FROM \(source.relation("decision_signoffs", edition: edition))
                WHERE edition_id = \(edition.rawValue)
                """
            ).first.map { row in
                DecisionSignoff(
                    chair: JurorID(try row.decode("chair_id")), signedAt: try row.decode("signed_at"), recordHash: try row.decode("record_hash"))
            }
            return DecisionRecord(edition: edition, reasons: reasons, minorityViews: views, signoff: signoff)
        }
    }

    /// The score ledger's notes that sign this edition's record, with whether each is sealed.
    public func ledgerNotes(edition: EditionID) throws -> [(operation: String, sealed: Bool)] {
        try translating {
            try db.query("SELECT operation, sealed FROM ecpa.decision_record_in_ledger(\(edition.rawValue)) ORDER BY batch_id").map {
                (try $0.decode("operation"), try $0.decode("sealed"))
            }
        }
    }
}
