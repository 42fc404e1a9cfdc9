import ECPACore
import ECPAStore
import LibPQ

/// The entries the current login scores in an edition, for reading before and during scoring: the
/// eligible competing entries that are neither in conflict with them (PostgreSQL's `conflicts`
/// view decides) nor abstained on, in number order, with their answers. Needs no scheme, so a
/// juror can read before the secretariat sets one.
public enum EntriesToScore {
    /// nil when the current login is not a voting juror of the edition.
    public static func load(edition: Edition, db: Connection) throws -> [Entry]? {
        try db.consistentRead { db in
            let identity = try PersonRepository(db).currentIdentity()
            let jury = JuryRepository(db)
            // A login outside the jury may not read it: no seat, not an error.
            guard try jury.currentRoleSits(edition: edition.id) else { return nil }
            guard let seat = try jury.fetchJurors(edition: edition.id).first(where: { $0.voting && $0.roleName == identity.role }) else {
                return nil
            }
            let conflicts = Set(try jury.fetchConflicts(edition: edition.id).filter { $0.juror == seat.id }.map(\.entry))
            let abstained = Set(try ScoreRepository(db).fetchAbstentions(edition: edition.id).filter { $0.juror == seat.id }.map(\.entry))
            return try EntryRepository(db).fetchEntries(edition: edition.id)
                .filter { $0.kind == .competing && $0.state == .eligible && !conflicts.contains($0.id) && !abstained.contains($0.id) }
                .sorted { $0.id.rawValue < $1.id.rawValue }
        }
    }
}
