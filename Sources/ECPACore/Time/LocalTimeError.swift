import Foundation

/// Why a typed date and time could not be turned into an instant.
public enum LocalTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text does not have the shape of a date and time.
    case unreadable(String)
    /// The date part names a day that does not exist, such as 2023-02-29.
    case invalidDate(String)
    /// The time of day is out of range, such as 24:00 or 12:60.
    case invalidTime(String)
    /// The explicit offset is out of range, such as +25:00.
    case invalidOffset(String)
    /// The local time falls in the hour skipped when summer time starts.
    case nonexistentLocalTime(String, zone: String)

    /// A plain sentence saying what is wrong and what to write instead.
    public var description: String {
        switch self {
        case .unreadable(let text):
            "\"\(text)\" is not a date and time such as 2024-09-30 23:59 or 2024-09-30T23:59+02:00."
        case .invalidDate(let text):
            "\"\(text)\" names a day that does not exist."
        case .invalidTime(let text):
            "\"\(text)\" has no such time of day: hours go from 00 to 23, minutes and seconds from 00 to 59."
        case .invalidOffset(let text):
            "\"\(text)\" has an offset from UTC that does not exist: offsets go from -14:00 to +14:00."
        case .nonexistentLocalTime(let text, let zone):
            "\(text) does not exist in \(zone): the clocks jump over it when summer time starts. "
                + "Give a time outside that hour, or an explicit offset such as +01:00."
        }
    }
}
