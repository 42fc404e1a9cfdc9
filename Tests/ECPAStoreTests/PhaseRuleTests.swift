import ECPACore
import ECPAStore
import ECPATestSupport
import LibPQ
import Testing

/// The edition's lifecycle is one rule, PostgreSQL's (`editions_guard_phase`): an edition moves
/// forward one step at a time, and the only step back is reopening closed submissions.
@Suite struct PhaseRuleTests {
    /// The only moves.
    static let allowed: Set<[Phase]> = [
        [.draft, .submissionsOpen],
        [.submissionsOpen, .submissionsClosed],
        [.submissionsClosed, .scoring],
        [.scoring, .frozen],
        [.frozen, .published],
        [.submissionsClosed, .submissionsOpen],
    ]

    @Test func anEditionMovesOneStepForwardOrReopensItsCall() throws {
        let database = try TestDatabase.make(migrations: try Schema.migrations())
        let admin = try database.connect()
        var year = 2000
        for from in Phase.allCases {
            for to in Phase.allCases where to != from {
                year += 1
                // An edition already in `from`, put there behind the guards' backs, with what the
                // other rules ask before a move (a scheme before scoring, results before the freeze).
                try admin.executeScript(
                    unsafeRaw: """
                        SET session_replication_role = replica;
                        INSERT INTO ecpa.editions (year, theme, host_country_code, phase, submissions_open_at, submissions_close_at)
                        VALUES (\(year), 'Phases', 'AT', '\(from.rawValue)', now() - interval '10 days', now() + interval '10 days');
                        INSERT INTO ecpa.schemes (edition_id, name, source_text) SELECT id, 'Phases', '' FROM ecpa.editions WHERE year = \(year);
                        INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step)
                        SELECT id, 'focus', 1, 'Focus', 1, 0, 10, 1 FROM ecpa.editions WHERE year = \(year);
                        INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, digest)
                        SELECT id, 'weighted-mean', 'x', 'x', 'x' FROM ecpa.editions WHERE year = \(year);
                        RESET session_replication_role;
                        """)
                var refusal: String?
                do {
                    try admin.transaction { try $0.execute("UPDATE ecpa.editions SET phase = \(to.rawValue) WHERE year = \(year)") }
                } catch let error as PQError {
                    refusal = error.sqlState
                }
                #expect((refusal != "EC003") == Self.allowed.contains([from, to]), "\(from) -> \(to): \(refusal ?? "accepted")")
            }
        }
    }
}
