import ECPACore
import ECPAStore
import LibPQ

/// The freeze and the publication of an edition's results, as every front end runs them.
public enum ResultsLifecycle {
    /// What freezing an edition would store, ranked now without storing anything, so that a person
    /// can read it before the step that cannot be undone. Refuses what the freeze would refuse first:
    /// an edition frozen already, missing scores, and a shared medal place unless `keepShared`.
    public static func freezePreview(year: Int, db: Connection, keepShared: Bool) throws -> Results {
        let edition = try EditionRepository(db).requireEdition(year: year)
        guard edition.phase < .frozen else {
            throw Refusal(
                "freeze.already_frozen", .refused,
                "The \(year) edition is \(edition.phase.displayName) already; its results are stored and can no longer change (`ecpa results verify --edition \(year)` checks them)."
            )
        }
        let results = try Results.compute(edition: edition, db: db, method: nil, provisional: false)
        try refuseSharedMedals(results, keepShared: keepShared)
        return results
    }

    /// Freezes an edition: in one READ COMMITTED transaction (whatever the session's default, so
    /// that it sees every score committed before it), waits for the writers in flight and keeps new
    /// ones out, ranks the scores by the scheme's method, and stores the ranking with its digests;
    /// from then on no score can change. A medal place shared by several entries is refused unless
    /// `keepShared`; with `expecting` (the ranking a person was shown and agreed to), a ranking that
    /// has changed since is refused and nothing is frozen.
    public static func freeze(
        year: Int, db: Connection, keepShared: Bool = false, expecting: Ranking? = nil
    ) throws -> (results: Results, frozen: FrozenResults) {
        try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
            let edition = try EditionRepository(db).requireEdition(year: year)
            try ResultsRepository(db).lockForFreeze(edition: edition.id)
            let results = try Results.compute(edition: edition, db: db, method: nil, provisional: false)
            try refuseSharedMedals(results, keepShared: keepShared)
            if let expecting, expecting != results.ranking {
                throw Refusal(
                    "freeze.ranking_changed", .refused,
                    "The \(year) ranking changed while you were being asked (a score, an override or the ballot moved), so nothing was frozen. Run `ecpa edition freeze \(year)` again to see the ranking as it is now."
                )
            }
            let frozen = try ResultsRepository(db).freeze(edition: edition, ranking: results.ranking)
            return (results, frozen)
        }
    }

    /// A medal place that several entries share is the jury's to decide before the freeze (an
    /// override with its reasons, or the final ballot the edition declared); freezing it shared,
    /// each of them holding the medal, must be asked for.
    static func refuseSharedMedals(_ results: Results, keepShared: Bool) throws {
        let shared = results.ranking.sharedMedalPlaces
        guard !keepShared, let first = shared.first, let medal = first.first?.medal else { return }
        let year = results.scores.edition.year
        let names = first.map { place in
            let code = results.scores.entry(place.entry)?.country
            let country = code.flatMap { Country.named($0)?.name } ?? code?.rawValue ?? "?"
            return "\(country) (entry \(place.entry))"
        }
        let others = shared.count > 1 ? " (and \(shared.count - 1) more medal place\(shared.count == 2 ? "" : "s"))" : ""
        throw Refusal(
            "freeze.shared_medal", .refused,
            "\(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") share \(medal) at place \(first.first?.place ?? 0)\(others), so nothing was frozen. "
                + "The jury decides it first: an override with its reason (`ecpa results override --edition \(year) --entry ID --place N --reason \"...\"`, then the chair signs the decision record), "
                + "or freeze with --keep-shared to award \(medal) to each of them."
        )
    }

    /// Publishes a frozen edition's results to everyone, after verifying them as `results verify`
    /// does: results that do not verify are not published. `confirm` is called once they verify,
    /// before anything is written: it throws to publish nothing (a person answered no).
    public static func publish(year: Int, db: Connection, confirm: (Edition) throws -> Void = { _ in }) throws -> Edition {
        let current = try EditionRepository(db).requireEdition(year: year)
        if current.phase == .frozen {
            let check = try Verification.run(edition: current, db: db)
            guard check.ok else {
                throw Refusal(
                    "publish.does_not_verify", .refused,
                    "The \(year) results do not verify (\(check.problems) problem\(check.problems == 1 ? "" : "s")), so they were not published. `ecpa results verify --edition \(year)` lists them."
                )
            }
            try confirm(current)
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
