import ECPACore
import ECPAStore
import ECPATestSupport
import ECPAUseCases
import Foundation
import LibPQ
import Testing

/// An edition frozen before ecpa declared schemes (migration 0030) is declared by the upgrade,
/// "recorded late", and still verifies: its declaration's ledger batch joins the chain at the next
/// seal, and its digest, which never covered a declaration, is unchanged.
@Suite struct DeclarationUpgradeTests {
    @Test func anEditionFrozenBeforeDeclarationsStillVerifiesAfterTheUpgrade() throws {
        let all = try Schema.migrations()
        let database = try TestDatabase.make(migrations: all.filter { $0.version <= 29 })
        let admin = try database.connect()
        try admin.executeScript(
            unsafeRaw: """
                INSERT INTO ecpa.editions (year, theme, host_country_code, submissions_open_at, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', now() - interval '10 days', now() + interval '1 day');
                UPDATE ecpa.editions SET phase = 'submissions_open';
                UPDATE ecpa.editions SET phase = 'submissions_closed';
                INSERT INTO ecpa.schemes (edition_id, name, source_text) VALUES (1, 'before declarations', '');
                INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step)
                VALUES (1, 'focus', 1, 'Focus', 1, 0, 10, 1);
                UPDATE ecpa.editions SET phase = 'scoring';
                SELECT ecpa.freeze_edition(1, 'weighted-mean', '[]'::jsonb);
                """)
        let digestBefore: String? = try admin.query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest")

        try Migrator(migrations: all).migrate(on: admin)

        let declaration = try #require(try SchemeRepository(admin).fetchDeclaration(edition: EditionID(1)))
        #expect(declaration.recordedLate && declaration.hashMatchesText)
        #expect(declaration.scheme?.name == "before declarations")
        let edition = try EditionRepository(admin).requireEdition(year: 2018)
        let report = try Verification.run(edition: edition, db: admin, publishedDigest: digestBefore)
        #expect(report.ok, "\(report.checks.filter { !$0.passed })")
        #expect(
            report.checks.contains { $0.code == "declaration.ledger" && $0.sentence.contains("recorded when ecpa was upgraded, after the freeze") })
    }
}
