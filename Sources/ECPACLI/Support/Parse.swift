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

    /// A country as entry files take it too: its code ("fi"), the EU's "EL" for Greece, or its English name.
    static func country(_ text: String, flag: String) throws -> CountryCode {
        guard let country = Country.lookup(text) else {
            throw CLIError(
                "\(flag) \"\(text)\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).",
                status: .usage)
        }
        return country.code
    }

    /// A free text typed on the command line, held to its field's limits before anything is sent;
    /// `wanted` says what to give, e.g. "the person's full name".
    static func text(_ text: String, flag: String, field: FreeText, wanted: String) throws -> String {
        if let problem = field.problem(with: text) {
            throw CLIError(problem.sentence(naming: flag, wanted: wanted), status: .usage)
        }
        return text
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

    /// Euros as the edition stores them: whole euros, or euros and cents after one decimal point
    /// (up to 9,999,999,999.99); "1.2.3", "1,5" or "10 000" are refused rather than read in part.
    static func amount(_ text: String, flag: String) throws -> Decimal {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, let euros = parts.first, (1...10).contains(euros.count), digits(euros),
            parts.count == 1 || (1...2).contains(parts[1].count) && digits(parts[1]),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
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
