import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The submission window is one rule, PostgreSQL's `ecpa.submission_refusal`: entries are accepted
/// only in the submissions-open phase, from the opening and strictly before the deadline, times
/// read and shown in the edition's own zone.
@Suite struct SubmissionWindowTests {
    let database: TestDatabase
    let admin: Connection

    init() throws {
        database = try TestDatabase.make(migrations: try Schema.migrations())
        admin = try database.connect()
        try admin.executeScript(
            unsafeRaw: """
                INSERT INTO ecpa.editions (year, theme, host_country_code, submissions_open_at, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', '2018-06-01 09:00 Europe/Brussels', '2018-09-30 23:59 Europe/Brussels'),
                       (2025, 'Open-ended', 'DK', NULL, NULL);
                """)
    }

    /// The refusal for an edition, in a phase and zone, at a time given in Brussels time.
    func refusal(year: Int = 2018, phase: String = "submissions_open", zone: String = "Europe/Brussels", at brussels: String) throws -> String? {
        try admin.query(
            """
            SELECT ecpa.submission_refusal(e, \(brussels)::text::timestamp AT TIME ZONE 'Europe/Brussels') AS r
            FROM (SELECT jsonb_populate_record(ed, jsonb_build_object('phase', \(phase)::text, 'time_zone', \(zone)::text)) AS e
                  FROM ecpa.editions ed WHERE ed.year = \(year)::integer) x
            """
        ).first?.decode("r")
    }

    @Test(arguments: [
        ("2018-05-31 23:59", false),
        ("2018-06-01 09:00", true),
        ("2018-09-30 23:58:59", true),
        ("2018-09-30 23:59", false),
        ("2018-10-01 10:00", false),
    ])
    func submissionsAreAcceptedFromTheOpeningAndStrictlyBeforeTheDeadline(brussels: String, accepted: Bool) throws {
        #expect((try refusal(at: brussels) == nil) == accepted)
    }

    @Test func aLateOrEarlyEntryIsToldTheTimeInTheEditionsZone() throws {
        #expect(try refusal(at: "2018-10-01 10:00") == "the deadline for the 2018 edition passed at 2018-09-30 23:59 (Europe/Brussels)")
        #expect(try refusal(at: "2018-05-01 10:00") == "submissions for the 2018 edition open at 2018-06-01 09:00 (Europe/Brussels)")
        #expect(
            try refusal(zone: "Europe/Helsinki", at: "2018-10-01 10:00")
                == "the deadline for the 2018 edition passed at 2018-10-01 00:59 (Europe/Helsinki)")
    }

    @Test(arguments: [
        ("draft", "submissions for the 2018 edition are not open yet"),
        ("submissions_closed", "submissions for the 2018 edition are closed (phase: submissions closed)"),
        ("scoring", "submissions for the 2018 edition are closed (phase: scoring)"),
        ("published", "submissions for the 2018 edition are closed (phase: published)"),
    ])
    func outsideTheOpenPhaseNothingIsAcceptedWhateverTheClock(phase: String, message: String) throws {
        #expect(try refusal(phase: phase, at: "2018-09-01 10:00") == message)
    }

    @Test func withoutAPlannedOpeningOrDeadlineThePhaseAloneDecides() throws {
        #expect(try refusal(year: 2025, at: "2025-01-01 00:00") == nil)
        #expect(try refusal(year: 2025, phase: "draft", at: "2025-01-01 00:00") != nil)
    }
}
