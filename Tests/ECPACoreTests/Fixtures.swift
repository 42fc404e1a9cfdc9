import Foundation
import ECPACore

/// Worked examples shared by the tests: the 2018 edition (Vienna, Community Policing) and its
/// gold-medal entry from Finland.
enum Fixtures {
    static let brussels = zone("Europe/Brussels")

    static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            preconditionFailure("the test machine lacks the time zone \(identifier)")
        }
        return zone
    }

    static func code(_ text: String) -> CountryCode {
        guard let code = CountryCode(text) else { preconditionFailure("bad code \(text)") }
        return code
    }

    static func day(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
        return date
    }

    /// An instant typed as a Brussels wall-clock time.
    static func brusselsTime(_ text: String) -> Date {
        do {
            return try LocalTime.parse(text, in: brussels)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    static let edition2018 = Edition(
        id: EditionID(2018),
        year: 2018,
        theme: "Community Policing",
        hostCountry: code("AT"),
        hostCity: "Vienna",
        conferenceStart: day("2018-12-04"),
        conferenceEnd: day("2018-12-06"),
        phase: .submissionsOpen,
        submissionsOpenAt: brusselsTime("2018-06-01 09:00"),
        submissionsCloseAt: brusselsTime("2018-09-30 23:59"),
        prizes: Prizes(gold: 10_000, silver: 5_000, bronze: 5_000)
    )

    /// A complete, valid competing entry.
    static let forssa = EntryForm(
        edition: 2018,
        country: code("FI"),
        kind: .competing,
        title: "The Forssa approach: mediation of polarisation and inter-group conflicts",
        contact: Contact(
            name: "Anna Virtanen", organisation: "Crime Prevention Council", email: "anna.virtanen@example.fi",
            phone: "+358 29 516 0000"),
        startDate: day("2016-01-01"),
        stillRunning: false,
        endDate: day("2018-06-30"),
        links: ["https://rikoksentorjunta.fi/forssa"],
        description: "Forssa saw street confrontations between groups in 2015. Mediators met both sides.",
        objectives: "Reduce confrontations and the fear of crime in the town centre.",
        targetGroup: "Young adults of both groups, about 200 people, and town residents.",
        evaluationMethod: "An independent researcher compared police reports and a resident survey before and after.",
        evaluationResults: "Confrontations stopped within a year; fear of crime fell by a third.",
        innovation: "Dialogue mediation between groups instead of policing them apart.",
        partners: "Police, the town of Forssa, youth services and a mediation NGO.",
        transferability: "Any town with inter-group tension and trained mediators can adopt it.",
        costsFunding: "EUR 40,000 over two years, funded by the Ministry of Justice."
    )

    /// `count` words of filler text.
    static func words(_ count: Int) -> String {
        Array(repeating: "word", count: count).joined(separator: " ")
    }
}
