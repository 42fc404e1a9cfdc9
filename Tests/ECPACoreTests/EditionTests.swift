import Foundation
import Testing
import ECPACore

/// The submission window itself is PostgreSQL's rule (SubmissionWindowTests, in the store tests).
@Suite("Editions")
struct EditionTests {
    let edition = Fixtures.edition2018

    @Test("An edition without settings reads times in Brussels and has no prizes")
    func defaults() {
        let edition = Edition(
            id: EditionID(1), year: 2025, theme: "", hostCountry: Fixtures.code("DK"), hostCity: "Copenhagen",
            phase: .submissionsOpen)
        #expect(edition.timeZone == Edition.defaultTimeZone)
        #expect(edition.prizes.isEmpty)
    }

    @Test("An unknown zone name falls back to Brussels rather than failing")
    func unknownZone() {
        var edition = edition
        edition.timeZone = "Mars/Olympus"
        #expect(edition.zone.identifier == "Europe/Brussels")
    }
}
