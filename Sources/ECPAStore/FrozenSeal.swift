import ECPACore
import Foundation

/// The canonical texts a freeze is sealed with, and their SHA-256, written here byte for byte as
/// PostgreSQL writes them at the freeze (ecpa.score_set_digest, ecpa.frozen_ranking_text and
/// ecpa.frozen_digest, sql/0021 and sql/0025). `results verify` computes them from the rows it reads
/// instead of asking the server, so that a server whose functions were replaced cannot answer with
/// the digest that was published. SharedRulesTests holds both sides to the same bytes.
public enum FrozenSeal {
    /// One score as the score set lists it.
    public struct ScoreLine: Sendable, Equatable {
        public var entry: EntryID
        public var juror: JurorID
        public var criterion: String
        /// The stored value as PostgreSQL prints it (`value::text`), trailing zeros and all.
        public var value: String

        public init(entry: EntryID, juror: JurorID, criterion: String, value: String) {
            self.entry = entry
            self.juror = juror
            self.criterion = criterion
            self.value = value
        }
    }

    /// Every score as `[entry, juror, "criterion", "value"]` by entry, juror and criterion (in
    /// byte order), a line `--`, then every abstention as `[entry, juror]`.
    public static func scoreSetText(scores: [ScoreLine], abstentions: [EntryJurorPair]) -> String {
        let cells = scores.sorted {
            ($0.entry.rawValue, $0.juror.rawValue) != ($1.entry.rawValue, $1.juror.rawValue)
                ? ($0.entry.rawValue, $0.juror.rawValue) < ($1.entry.rawValue, $1.juror.rawValue)
                : Array($0.criterion.utf8).lexicographicallyPrecedes(Array($1.criterion.utf8))
        }.map { "[\($0.entry.rawValue), \($0.juror.rawValue), \(JSONText.string($0.criterion)), \(JSONText.string($0.value))]" }
        let abstained = abstentions.sorted().map { "[\($0.entry.rawValue), \($0.juror.rawValue)]" }
        return cells.joined(separator: "\n") + "\n--\n" + abstained.joined(separator: "\n")
    }

    /// The SHA-256 of the score set's text, as stored at the freeze.
    public static func scoreSetDigest(scores: [ScoreLine], abstentions: [EntryJurorPair]) -> String {
        SHA256.hex(scoreSetText(scores: scores, abstentions: abstentions))
    }

    /// `method M`, then one line per place by place and entry:
    /// `place|medal or -|entry N|country or ?|score with 6 decimals|jurors N|shared or -|override: reason or -`.
    public static func rankingText(method: String, places: [FrozenPlace], countries: [EntryID: String]) -> String {
        let lines = places.sorted { ($0.place, $0.entry.rawValue) < ($1.place, $1.entry.rawValue) }.map { place in
            [
                String(place.place), place.medal?.rawValue ?? "-", "entry \(place.entry.rawValue)",
                countries[place.entry] ?? "?", fixed(place.score, places: 6), "jurors \(place.jurorCount)",
                place.sharedPlace ? "shared" : "-", place.overrideReason.map { "override: \($0)" } ?? "-",
            ]
            .joined(separator: "|")
        }
        return "method \(method)\n" + (lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
    }

    /// The digest of a frozen edition: SHA-256 over its ranking text, its score set digest, the
    /// ledger head at the freeze and the declaration's hash (when it had one), one per line.
    public static func digest(rankingText: String, scoresDigest: String, ledgerHead: String, declarationHash: String?) -> String {
        SHA256.hex(rankingText + "\n" + scoresDigest + "\n" + ledgerHead + (declarationHash.map { "\n" + $0 } ?? ""))
    }
}
