import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Rows written before ecpa refused control characters (migration 0028) are cleaned by it, so
/// every text rule holds for them too and they can still be changed afterwards.
@Suite struct OlderTextUpgradeTests {
    @Test func rowsWrittenBeforeAreCleanedLoggedAndStillChangeable() throws {
        let all = try Schema.migrations()
        let database = try TestDatabase.make(migrations: all.filter { $0.version <= 27 })
        let admin = try database.connect()
        // As an older ecpa let them in: a tab in a title (TOML's \t), an escape code in a juror's
        // comment on a frozen edition, a lone carriage return in an override reason.
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                INSERT INTO ecpa.editions (id, year, theme, host_country_code, phase, submissions_open_at, submissions_close_at)
                OVERRIDING SYSTEM VALUE
                VALUES (1, 2018, 'Community Policing', 'AT', 'frozen', now() - interval '20 days', now() - interval '10 days'),
                       (2, 2019, 'Youth', 'RO', 'submissions_open', now() - interval '1 day', now() + interval '10 days');
                INSERT INTO ecpa.entries (id, edition_id, country_code, kind, state, title)
                OVERRIDING SYSTEM VALUE
                VALUES (1, 1, 'FI', 'competing', 'draft', 'The Forssa approach'),
                       (2, 2, 'LT', 'competing', 'draft', E'Safe\\tstreets');
                INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value, comment)
                VALUES (1, 1, 1, 'focus', 8, E'Convincing\\u001b[2J');
                INSERT INTO ecpa.overrides (edition_id, entry_id, place, reason)
                VALUES (1, 1, 1, E'Decided by the jury.\\rTHE SECRETARIAT APPROVED THIS');
                RESET session_replication_role;
                """)

        try Migrator(migrations: all).migrate(on: admin)

        let title: String? = try admin.query("SELECT title FROM ecpa.entries WHERE id = 2").first?.decode("title")
        #expect(title == "Safe streets")
        let comment: String? = try admin.query("SELECT comment FROM ecpa.scores").first?.decode("comment")
        #expect(comment == "Convincing[2J")
        let reason: String? = try admin.query("SELECT reason FROM ecpa.overrides").first?.decode("reason")
        #expect(reason == "Decided by the jury.\nTHE SECRETARIAT APPROVED THIS")
        // Each cleaned row is in the audit log, before and after, by the schema's owner.
        let logged = try admin.query(
            """
            SELECT table_name, row_key, old_row ->> 'title' AS old_title, actor FROM ecpa.audit_log
            WHERE actor = 'ecpa_owner' ORDER BY table_name
            """)
        #expect(try logged.map { try $0.decode("table_name", as: String.self) } == ["entries", "overrides", "scores"])
        #expect(try logged.first?.decode("old_title", as: String?.self) == "Safe\tstreets")
        #expect(try logged.last?.decode("row_key", as: String.self) == "1/1/focus")
        // Every text constraint holds for every row, so none is left NOT VALID.
        let unchecked: Int64 =
            try admin.query(
                """
                SELECT count(*) AS n FROM pg_constraint WHERE connamespace = 'ecpa'::regnamespace AND NOT convalidated
                """
            ).first?.decode("n") ?? -1
        #expect(unchecked == 0)
        // The cleaned entry can be changed again; the frozen edition's triggers are back on.
        try admin.execute("UPDATE ecpa.entries SET contact_phone = '+370 5 000 0000' WHERE id = 2")
        #expect(throws: PQError.self) { try admin.execute("UPDATE ecpa.scores SET comment = 'Changed' WHERE entry_id = 1") }
    }
}
