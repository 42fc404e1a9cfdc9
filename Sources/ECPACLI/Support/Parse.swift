import ArgumentParser
import ECPACore
import Foundation

/// Parsing of command-line values into domain values, with messages that name the flag.
enum Parse {
    /// Runs parsing inside `validate()`, so a bad value is a usage error (exit 64) like any other.
    static func usage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CLIError {
            throw ValidationError(error.message)
        }
    }

    static func country(_ text: String, flag: String) throws -> CountryCode {
        guard let code = CountryCode(text), Country.named(code) != nil else {
            throw CLIError(
                "\(flag) \"\(text)\" is not a country code we know; use an ISO code such as FI, SE or GR.",
                status: .usage)
        }
        return code
    }

    static func date(_ text: String, flag: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw CLIError("\(flag) \"\(text)\" is not a date; write it as YYYY-MM-DD.", status: .usage)
        }
        return date
    }

    static func time(_ text: String, flag: String, zone: TimeZone) throws -> Date {
        do {
            return try LocalTime.parse(text, in: zone)
        } catch {
            throw CLIError(
                "\(flag) \"\(text)\": \(error) Write it as YYYY-MM-DD HH:MM (read in \(zone.identifier)) or with an offset such as 2024-09-30T23:59+02:00.",
                status: .usage)
        }
    }

    static func amount(_ text: String, flag: String) throws -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
              text.allSatisfy({ $0.isNumber || $0 == "." })
        else {
            throw CLIError("\(flag) \"\(text)\" is not an amount in euros such as 10000 or 7500.50.", status: .usage)
        }
        return value
    }

    static func zone(_ text: String, flag: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: text) else {
            throw CLIError("\(flag) \"\(text)\" is not a time zone; use an IANA name such as Europe/Brussels.", status: .usage)
        }
        return zone
    }
}
