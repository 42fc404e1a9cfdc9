import ECPACore
import ECPAStore
import LibPQ

/// The freeze and the publication of an edition's results, as every front end runs them.
public enum ResultsLifecycle {
    /// Freezes an edition: in one READ COMMITTED transaction (whatever the session's default, so
    /// that it sees every score committed before it), waits for the writers in flight and keeps new
    /// ones out, ranks the scores by the scheme's method, and stores the ranking with its digests;
    /// from then on no score can change.
    public static func freeze(year: Int, db: Connection) throws -> (results: Results, frozen: FrozenResults) {
        try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
            let edition = try EditionRepository(db).requireEdition(year: year)
            try ResultsRepository(db).lockForFreeze(edition: edition.id)
            let results = try Results.compute(edition: edition, db: db, method: nil, provisional: false)
            let frozen = try ResultsRepository(db).freeze(edition: edition, ranking: results.ranking)
            return (results, frozen)
        }
    }

    /// Publishes a frozen edition's results to everyone, after verifying them as `results verify`
    /// does: results that do not verify are not published.
    public static func publish(year: Int, db: Connection) throws -> Edition {
        let current = try EditionRepository(db).requireEdition(year: year)
        if current.phase == .frozen {
            let check = try Verification.run(edition: current, db: db)
            guard check.ok else {
                throw Refusal(
                    "publish.does_not_verify", .refused,
                    "The \(year) results do not verify (\(check.problems) problem\(check.problems == 1 ? "" : "s")), so they were not published. `ecpa results verify --edition \(year)` lists them."
                )
            }
        } else if current.phase != .published {
            throw Refusal(
                "publish.not_frozen", .refused,
                "The \(year) edition is in the \(current.phase.displayName) phase; freeze it first (`ecpa edition freeze \(year)`), then publish.")
        }
        return try db.transaction(isolation: .readCommitted, retry: .concurrentChange) {
            try EditionRepository($0).updatePhase(year: year, to: .published)
        }
    }
}
