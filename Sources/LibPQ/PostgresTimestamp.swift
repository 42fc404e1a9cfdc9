import Foundation

/// Converts between Date and timestamptz text with whole microseconds, as PostgreSQL stores them.
enum PostgresTimestamp {
    private static let microsPerSecond: Int64 = 1_000_000
    private static let microsPerDay: Int64 = 86_400 * 1_000_000
    /// Seconds from 1970 to 2001, Foundation's reference date.
    private static let referenceOffsetMicros: Int64 = 978_307_200 * 1_000_000

    static func format(_ date: Date) -> String {
        let scaled = (date.timeIntervalSinceReferenceDate * 1_000_000).rounded()
        // Int64 holds about ±292,000 years of microseconds; beyond that only the infinities fit.
        guard scaled.isFinite, abs(scaled) < 9.2e18 - 1e18 else {
            return scaled > 0 ? "infinity" : "-infinity"
        }
        let micros = Int64(scaled) + referenceOffsetMicros
        let days = floorDivide(micros, microsPerDay)
        var rest = micros - days * microsPerDay
        let (year, month, day) = civil(fromDays: days)
        let hour = rest / (3600 * microsPerSecond)
        rest -= hour * 3600 * microsPerSecond
        let minute = rest / (60 * microsPerSecond)
        rest -= minute * 60 * microsPerSecond
        let second = rest / microsPerSecond
        let fraction = rest - second * microsPerSecond
        let era = year > 0 ? "" : " BC"
        return "\(pad(year > 0 ? year : 1 - year, 4))-\(pad(month, 2))-\(pad(day, 2)) "
            + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(fraction, 6))+00\(era)"
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff](Z|±HH[:MM[:SS]])[ BC]`; nil for anything else, including infinity.
    static func parse(_ text: String) -> Date? {
        var cursor = Cursor(Array(text.utf8))
        guard let yearDigits = cursor.digits(minimum: 4, maximum: 6), cursor.take("-"),
            let month = cursor.number(width: 2), cursor.take("-"),
            let day = cursor.number(width: 2), cursor.take(" ") || cursor.take("T"),
            let hour = cursor.number(width: 2), cursor.take(":"),
            let minute = cursor.number(width: 2), cursor.take(":"),
            let second = cursor.number(width: 2)
        else { return nil }
        var fraction: Int64 = 0
        if cursor.take(".") {
            guard let digits = cursor.digitString(minimum: 1, maximum: 6) else { return nil }
            let padded = (digits + "000000").prefix(6)
            fraction = Int64(padded) ?? 0

        }
        var offsetSeconds: Int64 = 0
        if !cursor.take("Z") {
            let sign: Int64
            if cursor.take("+") { sign = 1 } else if cursor.take("-") { sign = -1 } else { return nil }
            guard let offsetHours = cursor.number(width: 2) else { return nil }
            var offsetMinutes: Int64 = 0
            var offsetSecondsPart: Int64 = 0
            if cursor.take(":") {
                guard let value = cursor.number(width: 2) else { return nil }
                offsetMinutes = value
                if cursor.take(":") {
                    guard let value = cursor.number(width: 2) else { return nil }
                    offsetSecondsPart = value
                }
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60 + offsetSecondsPart)
        }
        let beforeChrist = cursor.take(" BC")
        guard cursor.atEnd, (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let year = beforeChrist ? 1 - yearDigits : yearDigits
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let referenceSeconds = seconds - referenceOffsetMicros / microsPerSecond
        return Date(timeIntervalSinceReferenceDate: Double(referenceSeconds) + Double(fraction) / 1_000_000)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard index + expected.count <= bytes.count,
                bytes[index..<index + expected.count].elementsEqual(expected)
            else { return false }
            index += expected.count
            return true
        }

        mutating func digitString(minimum: Int, maximum: Int) -> String? {
            let start = index
            while index < bytes.count, index - start < maximum,
                bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
            {
                index += 1
            }
            guard index - start >= minimum else {
                index = start
                return nil
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func digits(minimum: Int, maximum: Int) -> Int64? {
            digitString(minimum: minimum, maximum: maximum).flatMap { Int64($0) }
        }

        mutating func number(width: Int) -> Int64? {
            digits(minimum: width, maximum: width)
        }
    }
}
