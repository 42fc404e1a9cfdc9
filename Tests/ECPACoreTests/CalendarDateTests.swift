import Foundation
import Testing
import ECPACore

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(
        "Real dates are read and written back as YYYY-MM-DD",
        arguments: [
            "2018-12-04", "2024-02-29", "2000-02-29", "1997-01-01", "2019-06-30", "0001-01-01", "9999-12-31",
        ])
    func readsRealDates(iso: String) throws {
        let date = try #require(CalendarDate(iso: iso))
        #expect(date.iso == iso)
    }

    @Test(
        "Days that do not exist and other shapes are refused",
        arguments: [
            "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01",
            "24-01-01", "2024/01/01", "2024-01-01 ", "2024-01-011", "", "0000-01-01", "２０２４-01-01",
        ])
    func refusesNonDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(
        "Leap years follow the Gregorian rule",
        arguments: [
            (2024, true), (2023, false), (2000, true), (1900, false), (2100, false), (1996, true),
        ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CalendarDate.isLeapYear(year) == leap)
        #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test("Dates order chronologically")
    func ordering() {
        #expect(Fixtures.day("2018-12-31") < Fixtures.day("2019-01-01"))
        #expect(Fixtures.day("2019-02-01") > Fixtures.day("2019-01-31"))
        #expect(Fixtures.day("2019-01-01") == CalendarDate(year: 2019, month: 1, day: 1))
    }

    @Test("JSON holds the date as a YYYY-MM-DD string")
    func json() throws {
        let data = try JSONEncoder().encode([Fixtures.day("2018-12-04")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2018-12-04\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [Fixtures.day("2018-12-04")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2018-02-30\"]".utf8)) }
    }
}
