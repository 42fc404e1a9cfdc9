import Foundation
import Testing
import ECPACore

@Suite("Local times in an edition's zone")
struct LocalTimeTests {
    let brussels = Fixtures.brussels

    @Test(
        "Accepted spellings of a Brussels wall-clock time all name the same instant",
        arguments: [
            "2024-09-30T23:59", "2024-09-30 23:59", "2024-09-30 23:59:00", "2024-09-30t23:59", "  2024-09-30 23:59  ",
        ])
    func spellings(text: String) throws {
        let instant = try LocalTime.parse(text, in: brussels)
        #expect(instant == Date(timeIntervalSince1970: 1_727_733_540))  // 2024-09-30 21:59 UTC
        #expect(LocalTime.formatISO(instant, in: brussels) == "2024-09-30T23:59:00+02:00")
    }

    @Test(
        "An explicit offset wins over the zone",
        arguments: [
            "2024-09-30T23:59+02:00", "2024-09-30T23:59+0200", "2024-09-30 23:59 +02:00", "2024-09-30T21:59Z",
            "2024-09-30T21:59:00z", "2024-09-30T16:59-05:00",
        ])
    func explicitOffsets(text: String) throws {
        let tokyo = Fixtures.zone("Asia/Tokyo")
        #expect(try LocalTime.parse(text, in: tokyo) == Date(timeIntervalSince1970: 1_727_733_540))
    }

    @Test("Winter and summer times in Brussels get their own offsets")
    func winterAndSummer() throws {
        let december = try LocalTime.parse("2024-12-03 09:00", in: brussels)
        #expect(LocalTime.formatISO(december, in: brussels) == "2024-12-03T09:00:00+01:00")
        #expect(LocalTime.format(december, in: brussels) == "2024-12-03 09:00 CET")
        let september = try LocalTime.parse("2024-09-30 23:59", in: brussels)
        #expect(LocalTime.format(september, in: brussels) == "2024-09-30 23:59 CEST")
    }

    /// When summer time ends (2024-10-27, 03:00 CEST -> 02:00 CET) 02:00-02:59 happens twice:
    /// we read it as the first occurrence, still in summer time, the earlier of the two deadlines.
    @Test("A time repeated when summer time ends means its first occurrence")
    func ambiguousAutumnHour() throws {
        let first = try LocalTime.parse("2024-10-27 02:30", in: brussels)
        #expect(LocalTime.formatISO(first, in: brussels) == "2024-10-27T02:30:00+02:00")
        #expect(first == Date(timeIntervalSince1970: 1_729_989_000))  // 00:30 UTC
        let second = try LocalTime.parse("2024-10-27T02:30+01:00", in: brussels)
        #expect(second.timeIntervalSince(first) == 3600)
        #expect(LocalTime.format(second, in: brussels) == "2024-10-27 02:30 CET")
        #expect(
            LocalTime.formatISO(try LocalTime.parse("2024-10-27 03:00", in: brussels), in: brussels)
                == "2024-10-27T03:00:00+01:00")
    }

    @Test(
        "A time in the hour skipped when summer time starts is an error naming it",
        arguments: [
            "2024-03-31 02:00", "2024-03-31 02:30", "2024-03-31T02:59:59",
        ])
    func springGap(text: String) {
        #expect(throws: LocalTimeError.nonexistentLocalTime(text, zone: "Europe/Brussels")) {
            try LocalTime.parse(text, in: brussels)
        }
        let message = LocalTimeError.nonexistentLocalTime(text, zone: "Europe/Brussels").description
        #expect(message.hasPrefix("\(text) does not exist in Europe/Brussels"))
    }

    @Test("Either side of the spring gap is fine")
    func aroundSpringGap() throws {
        #expect(
            LocalTime.formatISO(try LocalTime.parse("2024-03-31 01:59", in: brussels), in: brussels)
                == "2024-03-31T01:59:00+01:00")
        #expect(
            LocalTime.formatISO(try LocalTime.parse("2024-03-31 03:00", in: brussels), in: brussels)
                == "2024-03-31T03:00:00+02:00")
        #expect(
            try LocalTime.parse("2024-03-31T02:30+01:00", in: brussels)
                == LocalTime.parse("2024-03-31 03:30", in: brussels))
    }

    @Test(
        "Mistakes are reported in plain sentences",
        arguments: [
            ("30/09/2024 23:59", LocalTimeError.unreadable("30/09/2024 23:59")),
            ("2024-09-30", .unreadable("2024-09-30")),
            ("2024-09-30 23h59", .unreadable("2024-09-30 23h59")),
            ("2024-09-30 23:59 CEST", .unreadable("2024-09-30 23:59 CEST")),
            ("2024-09-30T23:59+2", .unreadable("2024-09-30T23:59+2")),
            ("2023-02-29 10:00", .invalidDate("2023-02-29 10:00")),
            ("2024-09-30 24:00", .invalidTime("2024-09-30 24:00")),
            ("2024-09-30 23:60", .invalidTime("2024-09-30 23:60")),
            ("2024-09-30T23:59+15:00", .invalidOffset("2024-09-30T23:59+15:00")),
            ("2024-09-30T23:59+02:75", .invalidOffset("2024-09-30T23:59+02:75")),
        ])
    func mistakes(text: String, error: LocalTimeError) {
        #expect(throws: error) { try LocalTime.parse(text, in: brussels) }
        #expect(error.description.contains(text))
        #expect(error.description.hasSuffix("."))
    }

    @Test("Seconds show only when they are not zero; fractions are dropped")
    func seconds() {
        let base = Date(timeIntervalSince1970: 1_727_733_540)
        #expect(LocalTime.format(base.addingTimeInterval(59.9), in: brussels) == "2024-09-30 23:59:59 CEST")
        #expect(LocalTime.formatISO(base.addingTimeInterval(0.5), in: brussels) == "2024-09-30T23:59:00+02:00")
    }

    @Test(
        "Zone abbreviations are the same on every platform",
        arguments: [
            ("Europe/Helsinki", "2024-10-01 00:59 EEST"),
            ("Europe/Lisbon", "2024-09-30 22:59 WEST"),
            ("Europe/London", "2024-09-30 22:59 BST"),
            ("Europe/Dublin", "2024-09-30 22:59 IST"),
            ("UTC", "2024-09-30 21:59 UTC"),
            ("GMT", "2024-09-30 21:59 UTC"),
            ("America/New_York", "2024-09-30 17:59 UTC-4"),
            ("Asia/Kolkata", "2024-10-01 03:29 UTC+5:30"),
        ])
    func abbreviations(zone: String, shown: String) {
        let instant = Date(timeIntervalSince1970: 1_727_733_540)
        #expect(LocalTime.format(instant, in: Fixtures.zone(zone)) == shown)
    }

    @Test(
        "What formatISO prints, parse reads back to the same instant",
        arguments: [
            "2024-01-15 08:00", "2024-07-01 12:34:56", "2024-10-27 02:30", "1999-12-31 23:59",
        ])
    func roundTrip(text: String) throws {
        let instant = try LocalTime.parse(text, in: brussels)
        let helsinki = Fixtures.zone("Europe/Helsinki")
        #expect(try LocalTime.parse(LocalTime.formatISO(instant, in: helsinki), in: brussels) == instant)
    }
}
