import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

extension SharedRulesTests {
    /// The decision record's canonical text, which the chair's sign-off hashes into the ledger and
    /// `results verify` recomputes: DecisionRecord.canonicalText writes the bytes that
    /// ecpa.decision_record_text (sql/0034) writes, for texts with quotes, backslashes, line breaks,
    /// tabs, other scripts and emoji, a rapporteur who has not written yet, and views out of medal order.
    @Test func aDecisionRecordsCanonicalTextIsTheSameInSwiftAndInPostgreSQL() throws {
        try admin.executeScript(
            unsafeRaw: """
                INSERT INTO ecpa.editions (year, theme, host_country_code, submissions_open_at, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', now() - interval '10 days', now() + interval '1 day');
                INSERT INTO ecpa.jurors (edition_id, role_name, country_code, display_name)
                VALUES (1, 'juror_at', 'AT', 'A'), (1, 'juror_bg', 'BG', 'B'), (1, 'juror_fi', 'FI', 'C');
                INSERT INTO ecpa.medal_reasons (edition_id, medal, rapporteur_id, reasons, named_at, named_by, written_at) VALUES
                    (1, 'bronze', 3, NULL, now(), 'x', NULL),
                    (1, 'gold', 1, E'The jury found "Forssa" convincing:\\n\\tmediation, back\\\\slash/slash.\\r\\nŠiauliai, Πάτρα, 東京 🚓 👩\\u200D💻', now(), 'x', now());
                INSERT INTO ecpa.minority_views (edition_id, medal, juror_id, view_text, written_at, written_by) VALUES
                    (1, 'bronze', 2, 'Bronze: one view', now(), 'x'),
                    (1, 'gold', 3, E'I would have given gold to Lithuania.\\nSecond paragraph.', now(), 'x'),
                    (1, 'gold', 2, 'A later view on gold', now(), 'x');
                """)
        let record = try DecisionRecordRepository(admin).fetchRecord(edition: EditionID(1))
        let stored: String? = try admin.query("SELECT ecpa.decision_record_text(1) AS t").first?.decode("t")
        #expect(record.canonicalText == stored)
        let hash: String? = try admin.query("SELECT encode(sha256(convert_to(ecpa.decision_record_text(1), 'UTF8')), 'hex') AS h").first?.decode("h")
        #expect(record.hash == hash)
        #expect(record.canonicalText.hasPrefix("ecpa decision record of edition 1\n[\"gold\", \"reasons\", 1, \"The jury found \\\"Forssa\\\""))
        // An empty record is its first line.
        #expect(
            DecisionRecord(edition: EditionID(7), reasons: [], minorityViews: [], signoff: nil).canonicalText == "ecpa decision record of edition 7\n"
        )
    }
}
