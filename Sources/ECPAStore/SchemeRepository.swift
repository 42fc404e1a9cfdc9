import ECPACore
import Foundation
import LibPQ

/// Each edition's scoring scheme: criteria, method and tie-break cascade.
public struct SchemeRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// Replaces an edition's scheme; PostgreSQL refuses once scoring has opened.
    public func setScheme(_ scheme: ScoringScheme, edition: EditionID, sourceText: String) throws {
        try translating {
            _ = try db.query("SELECT ecpa.clear_criteria(\(edition.rawValue))")
            try db.execute(
                """
                INSERT INTO ecpa.schemes (edition_id, name, note, method, tie_breaks, source_text,
                                          analysis_resamples, analysis_seed, analysis_interval_level,
                                          analysis_keep_chance, analysis_weight_radius, decision_deliberation,
                                          decision_ballot, decision_decided_by)
                VALUES (\(edition.rawValue), \(scheme.name), \(scheme.note), \(scheme.method.rawValue),
                        \(scheme.tieBreaks.map(\.rawValue)), \(sourceText),
                        \(scheme.analysis.resamples), \(scheme.analysis.seed), \(scheme.analysis.intervalLevel),
                        \(scheme.analysis.keepChance), \(scheme.analysis.weightRadius), \(scheme.decision.deliberation),
                        \(scheme.decision.ballot), \(scheme.decision.decidedBy.rawValue))
                ON CONFLICT (edition_id) DO UPDATE SET name = EXCLUDED.name, note = EXCLUDED.note,
                    method = EXCLUDED.method, tie_breaks = EXCLUDED.tie_breaks,
                    source_text = EXCLUDED.source_text, analysis_resamples = EXCLUDED.analysis_resamples,
                    analysis_seed = EXCLUDED.analysis_seed, analysis_interval_level = EXCLUDED.analysis_interval_level,
                    analysis_keep_chance = EXCLUDED.analysis_keep_chance,
                    analysis_weight_radius = EXCLUDED.analysis_weight_radius,
                    decision_deliberation = EXCLUDED.decision_deliberation, decision_ballot = EXCLUDED.decision_ballot,
                    decision_decided_by = EXCLUDED.decision_decided_by
                """)
            for (position, criterion) in scheme.criteria.enumerated() {
                try db.execute(
                    """
                    INSERT INTO ecpa.criteria (edition_id, code, position, name, description, weight,
                                               min_value, max_value, step)
                    VALUES (\(edition.rawValue), \(criterion.code), \(position + 1), \(criterion.name),
                            \(criterion.description), \(criterion.weight), \(criterion.min),
                            \(criterion.max), \(criterion.step))
                    """)
            }
        }
    }

    /// An edition's scheme, if one is set.
    public func fetchScheme(edition: EditionID) throws -> ScoringScheme? {
        try translating {
            guard
                let row = try db.query(
                    """
                    SELECT name, note, method, tie_breaks, analysis_resamples, analysis_seed, analysis_interval_level,
                           analysis_keep_chance, analysis_weight_radius, decision_deliberation, decision_ballot,
                           decision_decided_by
                    FROM ecpa.schemes WHERE edition_id = \(edition.rawValue)
                    """
                ).first
            else { return nil }
            let criteria = try db.query(
                """
                SELECT code, name, description, weight, min_value, max_value, step FROM ecpa.criteria
                WHERE edition_id = \(edition.rawValue) ORDER BY position
                """
            ).map { row in
                Criterion(
                    code: try row.decode("code"), name: try row.decode("name"),
                    description: try row.decode("description"), weight: try row.decode("weight"),
                    min: try row.decode("min_value"), max: try row.decode("max_value"), step: try row.decode("step"))
            }
            let tieBreaks: [String] = try row.decode("tie_breaks")
            return ScoringScheme(
                name: try row.decode("name"), note: try row.decode("note"),
                method: try row.enumValue("method"), criteria: criteria,
                tieBreaks: tieBreaks.compactMap(TieBreakRule.init(rawValue:)),
                analysis: AnalysisSettings(
                    resamples: Int(try row.decode("analysis_resamples") as Int32), seed: try row.decode("analysis_seed"),
                    intervalLevel: try row.decode("analysis_interval_level"), keepChance: try row.decode("analysis_keep_chance"),
                    weightRadius: try row.decode("analysis_weight_radius")),
                decision: DecisionSettings(
                    deliberation: try row.decode("decision_deliberation"), ballot: try row.decode("decision_ballot"),
                    decidedBy: try row.enumValue("decision_decided_by")))
        }
    }

    /// What the edition declared when its scoring opened; nil before (or when the role may not read it).
    public func fetchDeclaration(edition: EditionID) throws -> Declaration? {
        try translating {
            try db.query(
                """
                SELECT text, hash, declared_at, declared_by, recorded_late FROM ecpa.declarations
                WHERE edition_id = \(edition.rawValue)
                """
            ).first.map { row in
                Declaration(
                    text: try row.decode("text"), hash: try row.decode("hash"), declaredAt: try row.decode("declared_at"),
                    declaredBy: try row.decode("declared_by"), recordedLate: try row.decode("recorded_late"))
            }
        }
    }

    /// Where the declaration stands in the score ledger: the operation of its batch, whether the
    /// batch is sealed into the hash chain, and how many of the edition's score events came before it.
    public func declarationInLedger(edition: EditionID) throws -> (operation: String, sealed: Bool, eventsBefore: Int)? {
        try translating {
            try db.query("SELECT operation, sealed, events_before FROM ecpa.declaration_in_ledger(\(edition.rawValue))").first.map {
                (try $0.decode("operation"), try $0.decode("sealed"), Int(try $0.decode("events_before") as Int64))
            }
        }
    }

    /// An edition's scheme, or an error saying how to set one.
    public func requireScheme(edition: Edition) throws -> ScoringScheme {
        guard let scheme = try fetchScheme(edition: edition.id) else {
            throw StoreError.notFound(
                "The \(edition.year) edition has no scoring scheme yet. Set one with `ecpa scheme set --edition \(edition.year)`.")
        }
        return scheme
    }
}
