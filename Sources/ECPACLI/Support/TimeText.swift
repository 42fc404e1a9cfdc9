import ECPACore
import Foundation

/// Instants as the CLI shows them: always with their zone.
enum TimeText {
    static func display(_ date: Date, in zone: TimeZone) -> String {
        LocalTime.format(date, in: zone)
    }

    static func iso(_ date: Date, in zone: TimeZone) -> String {
        LocalTime.formatISO(date, in: zone)
    }

    /// The edition's time zone, or Brussels when the name is unknown to Foundation.
    static func zone(_ name: String) -> TimeZone {
        TimeZone(identifier: name) ?? TimeZone(identifier: Edition.defaultTimeZone) ?? TimeZone(secondsFromGMT: 0)!
    }
}
