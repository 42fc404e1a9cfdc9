import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

// MARK: - The declaration sealed when scoring opens

extension HostileLoginTests {
    /// The statements someone would try on the 2018 edition's declaration and declared settings,
    /// each with the SQLSTATE that must refuse it for the secretariat (everyone else lacks the right).
    static let declarationAttacks: [(name: String, sql: String, secretariat: String)] = [
        ("change-declared-seed", "UPDATE ecpa.schemes SET analysis_seed = 43 WHERE edition_id = 1", "EC001"),
        ("change-declared-threshold", "UPDATE ecpa.schemes SET analysis_keep_chance = 0.01 WHERE edition_id = 1", "EC001"),
        ("change-declared-weight", "UPDATE ecpa.criteria SET weight = 5 WHERE edition_id = 1 AND code = 'focus'", "EC001"),
        ("clear-declared-criteria", "SELECT ecpa.clear_criteria(1)", "EC001"),
        ("rewrite-declaration", "UPDATE ecpa.declarations SET text = 'name = \"forged\"', hash = repeat('0', 64)", "42501"),
        ("delete-declaration", "DELETE FROM ecpa.declarations", "42501"),
        ("truncate-declarations", "TRUNCATE ecpa.declarations", "42501"),
        ("declare-again", "SELECT ecpa.write_declaration(1, false)", "42501"),
        ("build-declaration-text", "SELECT ecpa.declaration_text(1)", "42501"),
        ("call-declaring-trigger", "SELECT ecpa.declare_on_scoring()", "42501"),
        ("lock-declaration-row", "SELECT hash FROM ecpa.declarations FOR UPDATE", "42501"),
    ]

    @Test func nobodyChangesADeclarationOrASettingItSealed() throws {
        let people: [(String, HostileWorld.Login)] = [
            ("secretariat", world.secretariat), ("representative", world.representatives["FI"]!), ("juror", world.jurors["AT"]!),
            ("reader", world.reader),
        ]
        let declared: String = try world.admin.query("SELECT hash FROM ecpa.declarations WHERE edition_id = 1").first?.decode("hash") ?? ""
        for (kind, login) in people {
            let connection = try world.connect(login)
            for attack in Self.declarationAttacks {
                let before = try world.fingerprint()
                let error = HostileWorld.refusal(connection, "BEGIN; \(attack.sql); COMMIT")
                HostileWorld.rollback(connection)
                let expected = kind == "secretariat" ? attack.secretariat : "42501"
                let unchanged = try world.fingerprint() == before
                held(
                    "declaration-\(attack.name)-\(kind)", error?.sqlState == expected && unchanged,
                    "\(String(describing: error))")
            }
        }
        let after: String = try world.admin.query("SELECT hash FROM ecpa.declarations WHERE edition_id = 1").first?.decode("hash") ?? ""
        #expect(!declared.isEmpty && after == declared)
    }

    /// A transaction opened before scoring opened cannot change the scheme after it, whatever its
    /// isolation: under READ COMMITTED the guard reads the phase now, under the others the
    /// edition's row has changed since the snapshot.
    @Test(arguments: ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
    func aSchemeChangeFromBeforeScoringOpenedIsRefused(_ level: String) throws {
        let slug = level.lowercased().replacingOccurrences(of: " ", with: "-")
        let writes = [
            ("seed", "UPDATE ecpa.schemes SET analysis_seed = 7 WHERE edition_id = {edition}"),
            ("weight", "UPDATE ecpa.criteria SET weight = 7 WHERE edition_id = {edition} AND code = 'focus'"),
        ]
        for (offset, (what, template)) in writes.enumerated() {
            let year = 2030 + offset
            _ = try world.closedEdition(year: year)
            let edition: Int64 = try world.admin.query("SELECT id FROM ecpa.editions WHERE year = \(year)").first?.decode("id") ?? -1
            let connection = try world.connect(world.secretariat)
            try connection.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.schemes")
            try cli.expectSuccess(["edition", "scoring", "open", String(year)])
            let before = try world.fingerprint()
            let error = HostileWorld.refusal(connection, template.replacingOccurrences(of: "{edition}", with: String(edition)))
            HostileWorld.rollback(connection)
            let expected = level == "READ COMMITTED" ? "EC001" : "40001"
            let unchanged = try world.fingerprint() == before
            held(
                "stale-snapshot-scheme-\(what)-across-scoring-open-\(slug)", error?.sqlState == expected && unchanged,
                "\(String(describing: error))")
            // What was declared is what the scheme still says.
            let declaration = try SchemeRepository(world.admin).fetchDeclaration(edition: EditionID(edition))
            #expect(declaration?.scheme == (try SchemeRepository(world.admin).fetchScheme(edition: EditionID(edition))))
        }
    }
}
