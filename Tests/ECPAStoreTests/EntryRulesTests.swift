import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The entry rules of DESIGN.md sections 1-3, as PostgreSQL enforces them for a representative.
@Suite struct EntryRulesTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    @Test func representativeSubmitsTheirCountrysEntry() throws {
        let edition = try fixture.edition()
        let (role, finland) = try fixture.representative("FI")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI", title: "The Forssa approach"), edition: edition.id, state: .submitted)
        #expect(entry.state == .submitted)
        #expect(entry.createdBy == role)
        #expect(entry.submittedAt != nil)
        #expect(try fixture.count("SELECT count(*) FROM ecpa.entries") == 1)
    }

    @Test func secondCompetingEntryIsRefusedAndNamesTheFirst() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entries = EntryRepository(finland)
        let first = try entries.insertEntry(Fixture.form("FI", title: "The Forssa approach"), edition: edition.id, state: .submitted)
        let error = #expect(throws: StoreError.self) {
            try entries.insertEntry(Fixture.form("FI", title: "Another project"), edition: edition.id, state: .submitted)
        }
        guard case .conflict(let message, _) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(message.contains("entry \(first.id)"))
        #expect(message.contains("The Forssa approach"))
        #expect(try fixture.count("SELECT count(*) FROM ecpa.entries") == 1)
    }

    @Test func additionalEntriesDoNotCountAgainstTheCompetingOne() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entries = EntryRepository(finland)
        _ = try entries.insertEntry(Fixture.form("FI", title: "Competing"), edition: edition.id, state: .submitted)
        _ = try entries.insertEntry(Fixture.form("FI", title: "Good practice 1", kind: .additional), edition: edition.id, state: .submitted)
        _ = try entries.insertEntry(Fixture.form("FI", title: "Good practice 2", kind: .additional), edition: edition.id, state: .submitted)
        #expect(try entries.fetchEntries(edition: edition.id).count == 3)
    }

    @Test func withdrawingFreesTheCountrysPlace() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entries = EntryRepository(finland)
        let first = try entries.insertEntry(Fixture.form("FI", title: "First"), edition: edition.id, state: .submitted)
        let withdrawn = try entries.updateState(id: first.id, to: .withdrawn)
        #expect(withdrawn.withdrawnAt != nil)
        let second = try entries.insertEntry(Fixture.form("FI", title: "Second"), edition: edition.id, state: .submitted)
        #expect(second.state == .submitted)
        #expect(throws: StoreError.self) { try entries.updateState(id: first.id, to: .submitted) }
    }

    @Test func anotherCountrysEntryIsRefused() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let error = #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertEntry(Fixture.form("SE"), edition: edition.id, state: .submitted)
        }
        guard case .permissionDenied(let message, _) = error else {
            Issue.record("expected permission denied, got \(String(describing: error))")
            return
        }
        #expect(message.contains("You represent FI"))
        #expect(try fixture.count("SELECT count(*) FROM ecpa.entries") == 0)
    }

    @Test func representativesSeeOnlyTheirOwnCountry() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let (_, sweden) = try fixture.representative("SE")
        let swedish = try EntryRepository(sweden).insertEntry(Fixture.form("SE"), edition: edition.id, state: .submitted)
        _ = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .draft)
        #expect(try EntryRepository(finland).fetchEntries(edition: edition.id).map(\.country.rawValue) == ["FI"])
        #expect(try EntryRepository(finland).fetchEntry(id: swedish.id) == nil)
        #expect(try finland.execute("UPDATE ecpa.entries SET title = 'hijacked' WHERE id = \(swedish.id.rawValue)") == 0)
        #expect(try EntryRepository(fixture.admin).fetchEntries(edition: edition.id).count == 2)
    }

    @Test func submissionAfterTheDeadlineIsRefused() throws {
        let edition = try fixture.edition(deadlinePassed: true)
        let (_, finland) = try fixture.representative("FI")
        let error = #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .submitted)
        }
        guard case .closed(let message, _) = error else {
            Issue.record("expected closed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("deadline for the 2018 edition passed"))
        #expect(try fixture.count("SELECT count(*) FROM ecpa.entries") == 0)
    }

    @Test func draftEditionTakesNoEntries() throws {
        let edition = try fixture.edition(open: false)
        let (_, finland) = try fixture.representative("FI")
        #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .draft)
        }
    }

    @Test func lateAcceptanceLetsTheCountrySubmit() throws {
        let edition = try fixture.edition(deadlinePassed: true)
        let (_, finland) = try fixture.representative("FI")
        let (_, sweden) = try fixture.representative("SE")
        try EntryRepository(fixture.admin).insertLateAcceptance(
            edition: edition.id, country: CountryCode("FI")!, until: fixture.now.addingTimeInterval(3600),
            reason: "The national jury met late because of a strike.")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .submitted)
        #expect(entry.acceptedLate)
        #expect(throws: StoreError.self) {
            try EntryRepository(sweden).insertEntry(Fixture.form("SE"), edition: edition.id, state: .submitted)
        }
        #expect(throws: StoreError.self) {
            try EntryRepository(fixture.admin).insertLateAcceptance(
                edition: edition.id, country: CountryCode("SE")!, until: fixture.now.addingTimeInterval(3600), reason: "  ")
        }
        #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertLateAcceptance(
                edition: edition.id, country: CountryCode("FI")!, until: fixture.now.addingTimeInterval(3600), reason: "self-service")
        }
    }

    @Test func descriptionLongerThan600WordsIsRefused() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        var form = Fixture.form("FI")
        form.description = Array(repeating: "word", count: 601).joined(separator: " ")
        let error = #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertEntry(form, edition: edition.id, state: .draft)
        }
        #expect(
            error
                == .invalidData(
                    "The description has more than 600 words; Annex I allows at most 600.", hint: nil))
        form.description = Array(repeating: "word", count: 600).joined(separator: "\n")
        #expect(try EntryRepository(finland).insertEntry(form, edition: edition.id, state: .submitted).state == .submitted)
    }

    @Test func endDateIsRequiredWhenTheProjectHasEnded() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        var form = Fixture.form("FI")
        form.stillRunning = false
        let error = #expect(throws: StoreError.self) {
            try EntryRepository(finland).insertEntry(form, edition: edition.id, state: .draft)
        }
        #expect(error == .invalidData("The end date is required when the project is no longer running.", hint: nil))
        form.endDate = CalendarDate(iso: "2018-06-30")
        #expect(try EntryRepository(finland).insertEntry(form, edition: edition.id, state: .submitted).form.endDate == form.endDate)
    }

    @Test func incompleteEntryStaysADraft() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        var form = Fixture.form("FI")
        form.evaluationResults = nil
        let entries = EntryRepository(finland)
        let draft = try entries.insertEntry(form, edition: edition.id, state: .draft)
        #expect(throws: StoreError.self) { try entries.updateState(id: draft.id, to: .submitted) }
    }

    @Test func onlyTheSecretariatDecidesEligibility() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .submitted)
        let error = #expect(throws: StoreError.self) { try EntryRepository(finland).updateState(id: entry.id, to: .eligible) }
        guard case .permissionDenied = error else {
            Issue.record("expected permission denied, got \(String(describing: error))")
            return
        }
        #expect(throws: StoreError.self) { try EntryRepository(fixture.admin).updateState(id: entry.id, to: .ineligible) }
        let ineligible = try EntryRepository(fixture.admin).updateState(id: entry.id, to: .ineligible, reason: "Not within the theme.")
        #expect(ineligible.ineligibleReason == "Not within the theme.")
        let eligible = try EntryRepository(fixture.admin).updateState(id: entry.id, to: .eligible)
        #expect(eligible.ineligibleReason == nil)
        #expect(throws: StoreError.self) {
            try EntryRepository(finland).updateEntry(id: entry.id, form: Fixture.form("FI", title: "Changed after the check"), state: .submitted)
        }
    }

    @Test func entriesCannotChangeAfterTheCallCloses() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .submitted)
        _ = try EditionRepository(fixture.admin).updatePhase(year: edition.year, to: .submissionsClosed)
        let error = #expect(throws: StoreError.self) {
            try EntryRepository(finland).updateEntry(id: entry.id, form: Fixture.form("FI", title: "Too late"), state: .submitted)
        }
        guard case .closed = error else {
            Issue.record("expected closed, got \(String(describing: error))")
            return
        }
        #expect(throws: StoreError.self) { try EntryRepository(finland).updateState(id: entry.id, to: .withdrawn) }
        #expect(try EntryRepository(fixture.admin).updateState(id: entry.id, to: .eligible).state == .eligible)
    }

    @Test func aLateAcceptanceLiftsTheDeadlineButNotTheScoringPhase() throws {
        let edition = try fixture.edition()
        let (_, finland) = try fixture.representative("FI")
        let entry = try EntryRepository(finland).insertEntry(Fixture.form("FI"), edition: edition.id, state: .submitted)
        _ = try EntryRepository(fixture.admin).updateState(id: entry.id, to: .eligible)
        let text = try #require(Schema.shippedSchemeText("ecpa-default"))
        let scheme = try #require(ScoringScheme.parse(text).scheme)
        try SchemeRepository(fixture.admin).setScheme(scheme, edition: edition.id, sourceText: "")
        _ = try EditionRepository(fixture.admin).updatePhase(year: edition.year, to: .submissionsClosed)
        _ = try EditionRepository(fixture.admin).updateScoring(year: edition.year, open: true)
        try EntryRepository(fixture.admin).insertLateAcceptance(
            edition: edition.id, country: CountryCode("FI")!, until: fixture.now.addingTimeInterval(3600), reason: "A mistake.")
        let error = #expect(throws: StoreError.self) { try EntryRepository(finland).updateState(id: entry.id, to: .withdrawn) }
        guard case .closed = error else {
            Issue.record("expected closed, got \(String(describing: error))")
            return
        }
    }
}
