import ECPACore
import Foundation

/// The canonical text of a ranking, stored at the freeze and recomputed by `results verify`:
/// one line per place with fixed precision, so the same scores always give the same bytes.
public enum RankingText {
    public static func canonical(_ ranking: Ranking, entries: [Entry]) -> String {
        let countries = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.country.rawValue) })
        var lines = ["method \(ranking.method.rawValue)"]
        for place in ranking.places {
            lines.append([
                String(place.place),
                place.medal?.rawValue ?? "-",
                "entry \(place.entry)",
                countries[place.entry] ?? "?",
                fixed(place.score, places: 6),
                "jurors \(place.jurorCount)",
                place.sharedPlace ? "shared" : "-",
                place.overridden.map { "override: \($0.reason)" } ?? "-",
            ].joined(separator: "|"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
