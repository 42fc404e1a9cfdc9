import Foundation
import Testing
import ECPACore

@Suite("Editions and their submission window")
struct EditionTests {
    let edition = Fixtures.edition2018

    @Test("Submissions are accepted only after the opening and strictly before the deadline", arguments: [
        ("2018-05-31 23:59", false),
        ("2018-06-01 09:00", true),
        ("2018-09-30 23:58:59", true),
        ("2018-09-30 23:59", false),
        ("2018-10-01 10:00", false),
    ])
    func window(localTime: String, accepted: Bool) {
        #expect(edition.acceptsSubmissions(at: Fixtures.brusselsTime(localTime)) == accepted)
    }

    @Test("A late entry is told when submissions closed, in the edition's zone")
    func lateRefusal() {
        #expect(edition.submissionRefusal(at: Fixtures.brusselsTime("2018-10-01 10:00"))
            == "Submissions for the 2018 edition closed at 2018-09-30 23:59 CEST (Europe/Brussels).")
        #expect(edition.submissionRefusal(at: Fixtures.brusselsTime("2018-09-01 10:00")) == nil)
    }

    @Test("An early entry is told when submissions open")
    func earlyRefusal() {
        #expect(edition.submissionRefusal(at: Fixtures.brusselsTime("2018-05-01 10:00"))
            == "Submissions for the 2018 edition open at 2018-06-01 09:00 CEST (Europe/Brussels).")
    }

    @Test("Outside the submissions-open phase nothing is accepted, whatever the clock says", arguments: [
        (Phase.draft, "Submissions for the 2018 edition are not open yet; they are planned to open at 2018-06-01 09:00 CEST (Europe/Brussels)."),
        (.submissionsClosed, "Submissions for the 2018 edition are closed."),
        (.scoring, "Submissions for the 2018 edition are closed; the edition is now in its scoring phase."),
        (.published, "Submissions for the 2018 edition are closed; the edition is now in its published phase."),
    ])
    func phaseRefusals(phase: Phase, message: String) {
        var edition = edition
        edition.phase = phase
        let midWindow = Fixtures.brusselsTime("2018-09-01 10:00")
        #expect(!edition.acceptsSubmissions(at: midWindow))
        #expect(edition.submissionRefusal(at: midWindow) == message)
    }

    @Test("The deadline is shown in the edition's own zone")
    func ownZone() {
        var edition = edition
        edition.timeZone = "Europe/Helsinki"
        #expect(edition.submissionRefusal(at: Fixtures.brusselsTime("2018-10-01 10:00"))
            == "Submissions for the 2018 edition closed at 2018-10-01 00:59 EEST (Europe/Helsinki).")
    }

    @Test("Without a planned opening or deadline, the phase alone decides")
    func openEnded() {
        let edition = Edition(id: EditionID(1), year: 2025, theme: "", hostCountry: Fixtures.code("DK"), hostCity: "Copenhagen",
                              phase: .submissionsOpen)
        #expect(edition.timeZone == "Europe/Brussels")
        #expect(edition.acceptsSubmissions(at: Fixtures.brusselsTime("2025-01-01 00:00")))
        #expect(edition.prizes.isEmpty)
    }

    @Test("An unknown zone name falls back to Brussels rather than failing")
    func unknownZone() {
        var edition = edition
        edition.timeZone = "Mars/Olympus"
        #expect(edition.zone.identifier == "Europe/Brussels")
    }
}
