import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// A database frozen before the ranking became rows (migration 0021) keeps its results: the rows
/// give back the stored text byte for byte, so the digest published then still verifies.
@Suite struct FrozenRankingUpgradeTests {
    @Test func aRankingFrozenAsTextBecomesRowsThatGiveBackTheSameTextAndDigest() throws {
        let all = try Schema.migrations()
        let database = try TestDatabase.make(migrations: all.filter { $0.version <= 14 })
        let admin = try database.connect()
        // An edition frozen the way ecpa froze until then: the ranking as text, the digest over it.
        try admin.executeScript(
            unsafeRaw: """
                INSERT INTO ecpa.editions (year, theme, host_country_code, submissions_open_at, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', now() - interval '10 days', now() + interval '1 day');
                UPDATE ecpa.editions SET phase = 'submissions_open';
                INSERT INTO ecpa.entries (edition_id, country_code, kind, state, title)
                VALUES (1, 'FI', 'competing', 'draft', 'The Forssa approach'), (1, 'LT', 'competing', 'draft', 'Siauliai'),
                       (1, 'HU', 'competing', 'draft', 'My neighbour is the policeman!');
                UPDATE ecpa.editions SET phase = 'submissions_closed';
                INSERT INTO ecpa.schemes (edition_id, name, source_text) VALUES (1, 'test', '');
                INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step)
                VALUES (1, 'focus', 1, 'Focus', 1, 0, 10, 1);
                UPDATE ecpa.editions SET phase = 'scoring';
                """)
        // As ecpa wrote it until then: an override reason verbatim, so it may hold a pipe and span
        // lines (typed with a line break, or pasted with CR LF).
        let reason = "The jury | after a long debate.\nSecond line, with 2|gold in it.\r\nThird line."
        let text =
            "method weighted-mean\n"
            + "1|gold|entry 2|LT|8.500000|jurors 2|-|override: \(reason)\n"
            + "2|silver|entry 1|FI|8.750000|jurors 2|-|-\n"
            + "3|bronze|entry 3|HU|-0.250000|jurors 3|shared|-\n"
        let digest: String =
            try admin.query(
                """
                SELECT encode(sha256(convert_to(\(text) || E'\\n' || 'scores' || E'\\n' || repeat('0', 64), 'UTF8')), 'hex') AS d
                """
            ).first?.decode("d") ?? ""
        try admin.execute(
            """
            INSERT INTO ecpa.frozen_results (edition_id, method, ranking_text, scores_digest, ledger_head, digest)
            VALUES (1, 'weighted-mean', \(text), 'scores', repeat('0', 64), \(digest))
            """)
        try admin.execute("UPDATE ecpa.editions SET phase = 'frozen'")

        try Migrator(migrations: all).migrate(on: admin)

        let places = try admin.query(
            """
            SELECT entry_id, place, medal, score::text AS score, juror_count, shared_place, override_reason
            FROM ecpa.frozen_places ORDER BY place
            """)
        #expect(places.count == 3)
        #expect(try places.map { try $0.decode("entry_id", as: Int64.self) } == [2, 1, 3])
        #expect(try places.first?.decode("override_reason", as: String?.self) == reason)
        #expect(try places.last?.decode("score", as: String.self) == "-0.250000")
        #expect(try places.last?.decode("shared_place", as: Bool.self) == true)
        let rebuilt: String? = try admin.query("SELECT ecpa.frozen_ranking_text(1, 'weighted-mean') AS t").first?.decode("t")
        #expect(rebuilt == text)
        let recomputed: String? = try admin.query("SELECT ecpa.frozen_digest(1) AS d").first?.decode("d")
        #expect(recomputed == digest)
        let podium: Int64 = try admin.query("SELECT count(*) AS n FROM ecpa.frozen_places WHERE medal IS NOT NULL").first?.decode("n") ?? 0
        #expect(podium == 3)
    }

    @Test func aRankingTextThatCannotBecomeRowsStopsTheMigration() throws {
        let all = try Schema.migrations()
        let database = try TestDatabase.make(migrations: all.filter { $0.version <= 20 })
        let admin = try database.connect()
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                INSERT INTO ecpa.editions (year, theme, host_country_code, phase, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', 'frozen', now());
                INSERT INTO ecpa.frozen_results (edition_id, method, ranking_text, scores_digest, ledger_head, digest)
                VALUES (1, 'weighted-mean', E'method weighted-mean\\n1|gold|entry 1|FI|a line ecpa never wrote\\n', 'x', 'x', 'x');
                RESET session_replication_role;
                """)
        #expect(throws: PQError.self) { try Migrator(migrations: all).migrate(on: admin) }
        let applied: Int64 = try admin.query("SELECT max(version) AS v FROM ecpa_meta.schema_migrations").first?.decode("v") ?? 0
        #expect(applied == 20)
    }
}
