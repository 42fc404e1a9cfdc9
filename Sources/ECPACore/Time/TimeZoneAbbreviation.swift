import Foundation

/// The usual abbreviation of a European zone's offset ("CEST"), from a fixed table so output is the
/// same on every platform (Foundation on Linux only offers "GMT+2").
enum TimeZoneAbbreviation {
    static func abbreviation(identifier: String, offsetSeconds: Int) -> String {
        let hours = offsetSeconds / 3600
        let exact = offsetSeconds % 3600 == 0
        if exact, let family = family(of: identifier) {
            switch (family, hours) {
            case (.utc, 0): return "UTC"
            case (.western, 0): return "WET"
            case (.western, 1): return "WEST"
            case (.central, 1): return "CET"
            case (.central, 2): return "CEST"
            case (.eastern, 2): return "EET"
            case (.eastern, 3): return "EEST"
            case (.british, 0), (.irish, 0): return "GMT"
            case (.british, 1): return "BST"
            case (.irish, 1): return "IST"
            default: break
            }
        }
        return numeric(offsetSeconds)
    }

    /// "UTC", "UTC+2", "UTC-3:30".
    static func numeric(_ offsetSeconds: Int) -> String {
        if offsetSeconds == 0 { return "UTC" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds) / 60
        let minutes = magnitude % 60
        return "UTC" + sign + String(magnitude / 60) + (minutes == 0 ? "" : ":" + CalendarDate.padded(minutes, 2))
    }

    private enum Family { case utc, western, central, eastern, british, irish }

    private static func family(of identifier: String) -> Family? {
        if utc.contains(identifier) { return .utc }
        if ["Europe/London", "Europe/Jersey", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Belfast", "GB"]
            .contains(identifier)
        {
            return .british
        }
        if ["Europe/Dublin", "Eire"].contains(identifier) { return .irish }
        if western.contains(identifier) { return .western }
        if central.contains(identifier) { return .central }
        if eastern.contains(identifier) { return .eastern }
        return nil
    }

    // Foundation on Linux reports the zone "UTC" as "GMT", so both spellings read as UTC.
    private static let utc: Set<String> = [
        "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu",
        "GMT", "Etc/GMT", "Etc/GMT0", "GMT0", "Greenwich", "Etc/Greenwich",
    ]

    private static let western: Set<String> = [
        "Europe/Lisbon", "Portugal", "Atlantic/Madeira", "Atlantic/Canary", "Atlantic/Faroe", "Atlantic/Faeroe", "WET",
    ]

    private static let central: Set<String> = [
        "Europe/Amsterdam", "Europe/Andorra", "Europe/Belgrade", "Europe/Berlin", "Europe/Bratislava",
        "Europe/Brussels", "Europe/Budapest", "Europe/Busingen", "Europe/Copenhagen", "Europe/Gibraltar",
        "Europe/Ljubljana", "Europe/Luxembourg", "Europe/Madrid", "Europe/Malta", "Europe/Monaco", "Europe/Oslo",
        "Europe/Paris", "Europe/Podgorica", "Europe/Prague", "Europe/Rome", "Europe/San_Marino", "Europe/Sarajevo",
        "Europe/Skopje", "Europe/Stockholm", "Europe/Tirane", "Europe/Vaduz", "Europe/Vatican", "Europe/Vienna",
        "Europe/Warsaw", "Europe/Zagreb", "Europe/Zurich", "Africa/Ceuta", "Arctic/Longyearbyen", "Poland",
        "CET", "MET",
    ]

    private static let eastern: Set<String> = [
        "Europe/Athens", "Europe/Bucharest", "Europe/Chisinau", "Europe/Helsinki", "Europe/Kiev", "Europe/Kyiv",
        "Europe/Mariehamn", "Europe/Nicosia", "Europe/Riga", "Europe/Sofia", "Europe/Tallinn", "Europe/Uzhgorod",
        "Europe/Vilnius", "Europe/Zaporozhye", "Asia/Nicosia", "Asia/Famagusta", "EET",
    ]
}
