import ECPACore
import ECPAStore
import LibPQ

/// `results history`: juror severity across years. Every edition ecpa has run with scores
/// (scoring, frozen or published) is read in one consistent read and handed to `SeverityHistory`;
/// the archive's research notes hold no scores and are only counted, to say they are left out.
/// Secretariat only: it names how harsh or lenient each juror was.
public struct JurorHistory: Sendable {
    public let history: SeverityHistory

    /// Reads the history of everyone who sat on several juries, or of the juror with login `role`
    /// alone. Refuses anyone outside the secretariat (`results.history_secretariat_only`) and a
    /// `role` that held no voting seat in an edition with scores (`results.history_no_such_juror`).
    public static func load(role: String?, db: Connection) throws -> JurorHistory {
        try db.consistentRead { db in
            let identity = try PersonRepository(db).currentIdentity()
            guard identity.isSecretariat else {
                throw Refusal(
                    "results.history_secretariat_only", .permissionDenied,
                    "Only the secretariat may compare jurors across editions: it shows how harsh or lenient each juror was.")
            }
            let editions = try EditionRepository(db).fetchEditions()
            let scored = try editions.filter { $0.phase >= .scoring }.map { edition in
                let scores = try EditionScores.load(edition: edition, db: db)
                return SeverityHistory.ScoredEdition(edition: edition, jurors: scores.jurors, matrix: scores.matrix)
            }
            let archived = try ArchiveRepository(db).fetchArchive().filter { $0.origin == .notes }.map(\.year)
            let history = SeverityHistory(
                editions: scored, archivedYears: archived, unscoredYears: editions.filter { $0.phase < .scoring }.map(\.year), role: role)
            if let role, history.members.isEmpty {
                throw Refusal(
                    "results.history_no_such_juror", .notFound,
                    "\(role) held no voting seat on the jury of an edition with scores. `ecpa jury list --edition YEAR` shows each edition's jury.")
            }
            return JurorHistory(history: history)
        }
    }
}
