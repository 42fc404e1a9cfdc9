import Foundation

/// Reading and showing instants as wall-clock times of an edition's time zone (DESIGN section 3:
/// deadlines are instants; each edition shows and reads them in its own zone).
///
/// Independent of the machine's locale and calendar settings: Gregorian calendar, fixed formats.
public enum LocalTime {
    /// Reads "2024-09-30T23:59", "2024-09-30 23:59" (optionally with ":SS"), with or without an
    /// offset ("Z", "+02:00", "+0200", optionally after a space).
    ///
    /// With an offset the zone is ignored. Without one the text is a wall-clock time in `zone`:
    /// a time in the hour skipped when summer time starts is an error; a time in the hour repeated
    /// when it ends (2024-10-27 02:30 in Brussels) means its first occurrence, still in summer time.
    public static func parse(_ text: String, in zone: TimeZone) throws(LocalTimeError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = Parts(trimmed) else { throw .unreadable(trimmed) }
        guard let date = CalendarDate(year: parts.year, month: parts.month, day: parts.day) else {
            throw .invalidDate(trimmed)
        }
        guard parts.hour < 24, parts.minute < 60, parts.second < 60 else { throw .invalidTime(trimmed) }
        let wall = date.daysSinceEpoch * 86_400 + parts.hour * 3600 + parts.minute * 60 + parts.second
        if let offset = parts.offsetSeconds {
            guard abs(offset) <= 14 * 3600, parts.offsetMinutes < 60 else { throw .invalidOffset(trimmed) }
            return Date(timeIntervalSince1970: TimeInterval(wall - offset))
        }
        guard let instant = resolve(wall: wall, in: zone) else {
            throw .nonexistentLocalTime(trimmed, zone: zone.identifier)
        }
        return Date(timeIntervalSince1970: TimeInterval(instant))
    }

    /// Shows an instant as "2024-09-30 23:59 CEST" (seconds appear only when not zero).
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        let (seconds, offset) = secondsAndOffset(date, in: zone)
        let wall = Wall(seconds + offset)
        let clock = wall.second == 0 ? wall.hourMinute : wall.hourMinute + ":" + CalendarDate.padded(wall.second, 2)
        return wall.day + " " + clock + " "
            + TimeZoneAbbreviation.abbreviation(identifier: zone.identifier, offsetSeconds: offset)
    }

    /// Shows an instant as "2024-09-30T23:59:00+02:00" (RFC 3339, always with the offset).
    public static func formatISO(_ date: Date, in zone: TimeZone) -> String {
        let (seconds, offset) = secondsAndOffset(date, in: zone)
        let wall = Wall(seconds + offset)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return wall.day + "T" + wall.hourMinute + ":" + CalendarDate.padded(wall.second, 2)
            + sign + CalendarDate.padded(minutes / 60, 2) + ":" + CalendarDate.padded(minutes % 60, 2)
    }

    /// The instant whose wall-clock time in `zone` is `wall` (seconds as if UTC), the earliest when
    /// the wall time happens twice, nil when it never happens.
    static func resolve(wall: Int, in zone: TimeZone) -> Int? {
        let nearby = [-86_400, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall + $0))) }
        let candidates = Set(nearby).map { wall - $0 }.filter { instant in
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) == wall - instant
        }
        return candidates.min()
    }

    /// Whole seconds since 1970 (rounded down, clamped to years 1-9999) and the zone's offset then.
    private static func secondsAndOffset(_ date: Date, in zone: TimeZone) -> (Int, Int) {
        let raw = date.timeIntervalSince1970
        let limit = 253_402_300_799.0
        let clamped = raw.isNaN ? 0 : min(max(raw, -62_135_596_800), limit)
        let seconds = Int(clamped.rounded(.down))
        return (seconds, zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// A wall-clock reading split into its printed parts.
    private struct Wall {
        let day: String
        let hourMinute: String
        let second: Int

        init(_ wallSeconds: Int) {
            let days = Int((Double(wallSeconds) / 86_400).rounded(.down))
            let secondOfDay = wallSeconds - days * 86_400
            let (year, month, dayOfMonth) = CalendarDate.civil(fromDays: days)
            day = CalendarDate.padded(year, 4) + "-" + CalendarDate.padded(month, 2) + "-" + CalendarDate.padded(dayOfMonth, 2)
            hourMinute = CalendarDate.padded(secondOfDay / 3600, 2) + ":" + CalendarDate.padded(secondOfDay % 3600 / 60, 2)
            second = secondOfDay % 60
        }
    }

    /// The numbers of a "YYYY-MM-DD[T ]HH:MM[:SS][ ][Z|+HH:MM|+HHMM]" text, unchecked for range.
    private struct Parts {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var offsetSeconds: Int?
        var offsetMinutes = 0

        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            func digits(_ count: Int) -> Int? {
                guard bytes.count >= count, let value = CalendarDate.number(bytes.prefix(count)) else { return nil }
                bytes = bytes.dropFirst(count)
                return value
            }
            func take(_ characters: String) -> Bool {
                guard let first = bytes.first, characters.utf8.contains(first) else { return false }
                bytes = bytes.dropFirst()
                return true
            }
            guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2),
                take("Tt "), let hour = digits(2), take(":"), let minute = digits(2)
            else { return nil }
            (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
            if take(":") {
                guard let second = digits(2) else { return nil }
                self.second = second
            }
            if bytes.isEmpty { return }
            _ = take(" ")
            if take("Zz") {
                offsetSeconds = 0
            } else if let sign = bytes.first, take("+-") {
                guard let hours = digits(2) else { return nil }
                _ = take(":")
                guard let minutes = digits(2) else { return nil }
                offsetMinutes = minutes
                offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
            guard bytes.isEmpty else { return nil }
        }
    }
}
