import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Editions, phases, people and the audit log, as PostgreSQL enforces them.
@Suite struct EditionRulesTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    @Test func phasesMoveOneStepAtATime() throws {
        try fixture.edition(open: false)
        let editions = EditionRepository(fixture.admin)
        let error = #expect(throws: StoreError.self) { try editions.updatePhase(year: 2018, to: .scoring) }
        guard case .invalidTransition(let message, _) = error else {
            Issue.record("expected an invalid transition, got \(String(describing: error))")
            return
        }
        #expect(message == "The 2018 edition cannot move from draft to scoring.")
        let text = try #require(Schema.shippedSchemeText("ecpa-default"))
        let scheme = try #require(ScoringScheme.parse(text).scheme)
        try SchemeRepository(fixture.admin).setScheme(scheme, edition: EditionID(1), sourceText: "")
        for phase in [Phase.submissionsOpen, .submissionsClosed, .submissionsOpen, .submissionsClosed, .scoring] {
            #expect(try editions.updatePhase(year: 2018, to: phase).phase == phase)
        }
    }

    @Test func anEditionCannotOpenWithoutADeadline() throws {
        let editions = EditionRepository(fixture.admin)
        _ = try editions.insertEdition(NewEdition(year: 2030, theme: "Theme", hostCountry: CountryCode("DK")!, hostCity: "Copenhagen"))
        #expect(throws: StoreError.invalidData("An edition needs a submission deadline before it opens.", hint: nil)) {
            try editions.updatePhase(year: 2030, to: .submissionsOpen)
        }
    }

    @Test func editionRulesAreCheckedByTheDatabase() throws {
        let editions = EditionRepository(fixture.admin)
        try fixture.edition()
        #expect(throws: StoreError.conflict("There is already an edition for that year.", hint: nil)) {
            try editions.insertEdition(NewEdition(year: 2018, theme: "Again", hostCountry: CountryCode("AT")!, hostCity: "Vienna"))
        }
        #expect(throws: StoreError.invalidData("The time zone is not known; use an IANA name such as Europe/Brussels.", hint: nil)) {
            try editions.insertEdition(
                NewEdition(year: 2019, theme: "T", hostCountry: CountryCode("FI")!, hostCity: "Helsinki", timeZone: "Mars/Olympus"))
        }
        #expect(throws: StoreError.invalidData("The deadline must be after the opening of submissions.", hint: nil)) {
            try editions.insertEdition(
                NewEdition(
                    year: 2019, theme: "T", hostCountry: CountryCode("FI")!, hostCity: "Helsinki",
                    submissionsOpenAt: fixture.now, submissionsCloseAt: fixture.now.addingTimeInterval(-60)))
        }
    }

    @Test func representativesCannotManageEditions() throws {
        try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let error = #expect(throws: StoreError.self) { try EditionRepository(finland).updatePhase(year: 2018, to: .submissionsClosed) }
        guard case .permissionDenied = error else {
            Issue.record("expected permission denied, got \(String(describing: error))")
            return
        }
        #expect(try EditionRepository(finland).fetchEditions().map(\.year) == [2018])
    }

    @Test func peopleAreVisibleToTheSecretariatOnly() throws {
        let (role, finland) = try fixture.representative("FI")
        _ = try fixture.representative("SE")
        #expect(try PersonRepository(finland).fetchPeople().map(\.roleName) == [role])
        #expect(try PersonRepository(fixture.admin).fetchPeople().count == 2)
        let identity = try PersonRepository(finland).currentIdentity()
        #expect(identity == Identity(role: role, isSecretariat: false, country: CountryCode("FI")))
        #expect(throws: StoreError.self) {
            try PersonRepository(finland).createLoginRole(
                TestDatabase.uniqueName("intruder"), passwordVerifier: "SCRAM-SHA-256$x", kind: .secretariat)
        }
    }

    @Test func loginRolesTakeAVerifierNeverAClearPassword() throws {
        let error = #expect(throws: StoreError.self) {
            try PersonRepository(fixture.admin).createLoginRole(
                TestDatabase.uniqueName("clear"), passwordVerifier: "secret123", kind: .nationalRepresentative)
        }
        guard case .invalidData(let message, _) = error else {
            Issue.record("expected invalid data, got \(String(describing: error))")
            return
        }
        #expect(message.contains("verifier"))
    }

    @Test func theAuditLogRecordsWhoChangedWhatAndCannotBeForged() throws {
        let edition = try fixture.edition()
        let (role, finland) = try fixture.representative("FI")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .draft)
        _ = try EntryRepository(finland).updateEntry(id: entry.id, form: Fixture.form("FI", title: "Renamed"), state: .submitted)
        let rows = try fixture.admin.query(
            """
            SELECT actor, action, new_row ->> 'title' AS title FROM ecpa.audit_log
            WHERE table_name = 'entries' AND row_key = \(String(entry.id.rawValue)) ORDER BY id
            """)
        #expect(try rows.map { try $0.decode("actor", as: String.self) } == [role, role])
        #expect(try rows.map { try $0.decode("action", as: String.self) } == ["insert", "update"])
        #expect(try rows.last?.decode("title", as: String.self) == "Renamed")
        #expect(try fixture.count("SELECT count(*) FROM ecpa.audit_log WHERE table_name = 'editions'") == 2)

        #expect(throws: PQError.self) {
            try finland.execute("INSERT INTO ecpa.audit_log (table_name, row_key, action) VALUES ('entries', '1', 'delete')")
        }
        #expect(throws: PQError.self) { try finland.query("SELECT * FROM ecpa.audit_log") }
        #expect(throws: PQError.self) { try fixture.admin.execute("DELETE FROM ecpa.audit_log") }
    }
}
