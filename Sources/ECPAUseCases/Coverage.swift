import ECPACore
import ECPAStore
import LibPQ

/// `score status`: which cells of an edition are scored, partly scored, missing, in conflict or
/// abstained, as the current role may see them, and each juror's progress.
public struct Coverage: Sendable {
    public let scores: EditionScores
    /// The jurors shown: all voting jurors for the secretariat, a juror's own column otherwise.
    public let jurors: [Juror]

    /// Reads an edition's coverage in one consistent read: the secretariat's and the jurors' while
    /// the edition is judged; everyone's, through the published records, once it is published.
    public static func load(edition: Edition, db: Connection) throws -> Coverage {
        try db.consistentRead { db in
            let identity = try PersonRepository(db).currentIdentity()
            let source = try RecordSource.forCurrentRole(edition: edition, db: db)
            if source == .live, !identity.isSecretariat, try !JuryRepository(db).currentRoleSits(edition: edition.id) {
                throw Refusal(
                    "coverage.not_published", .permissionDenied,
                    "Which scores are in is for the secretariat and the \(edition.year) jurors until the results are published; the edition is in the \(edition.phase.displayName) phase."
                )
            }
            let scores = try EditionScores.load(edition: edition, db: db, source: source)
            // A juror sees only their own scores, so only their own column would be true; the
            // published records show every seat.
            let jurors =
                identity.isSecretariat || source == .published ? scores.jurors : scores.jurors.filter { $0.roleName == identity.role }
            return Coverage(scores: scores, jurors: jurors)
        }
    }

    /// How far a juror has got.
    public struct Progress: Sendable, Equatable {
        public var scored = 0, partial = 0, missing = 0, conflicts = 0, abstained = 0
        public var required: Int { scored + partial + missing }
    }

    public func progress(_ juror: Juror) -> Progress {
        var progress = Progress()
        for entry in scores.entries {
            switch scores.matrix.coverage(entry: entry.id, juror: juror.id) {
            case .scored: progress.scored += 1
            case .partial: progress.partial += 1
            case .missing: progress.missing += 1
            case .conflict: progress.conflicts += 1
            case .abstained: progress.abstained += 1
            }
        }
        return progress
    }

    /// Whether every juror shown has scored every entry they must.
    public var isComplete: Bool {
        jurors.allSatisfy {
            let p = progress($0); return p.partial == 0 && p.missing == 0
        }
    }
}
