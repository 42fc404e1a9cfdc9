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

    /// One revision of the deliberation as the score set lists it.
    public struct RevisionLine: Sendable, Equatable {
        public var id: Int64
        public var entry: EntryID
        public var juror: JurorID
        public var criterion: String
        /// The values as PostgreSQL prints them.
        public var oldValue: String
        public var newValue: String
        public var reason: String

        public init(id: Int64, entry: EntryID, juror: JurorID, criterion: String, oldValue: String, newValue: String, reason: String) {
            self.id = id
            self.entry = entry
            self.juror = juror
            self.criterion = criterion
            self.oldValue = oldValue
            self.newValue = newValue
            self.reason = reason
        }
    }

    /// Every score as `[entry, juror, "criterion", "value"]` by entry, juror and criterion (in
    /// byte order), a line `--`, then every abstention as `[entry, juror]`; when the deliberation
    /// revised scores, another line `--` and every revision as `[id, entry, juror, "criterion",
    /// "old", "new", "reason"]` in the order they were made.
    public static func scoreSetText(scores: [ScoreLine], abstentions: [EntryJurorPair], revisions: [RevisionLine] = []) -> String {
        let cells = scores.sorted {
            ($0.entry.rawValue, $0.juror.rawValue) != ($1.entry.rawValue, $1.juror.rawValue)
                ? ($0.entry.rawValue, $0.juror.rawValue) < ($1.entry.rawValue, $1.juror.rawValue)
                : Array($0.criterion.utf8).lexicographicallyPrecedes(Array($1.criterion.utf8))
        }.map { "[\($0.entry.rawValue), \($0.juror.rawValue), \(JSONText.string($0.criterion)), \(JSONText.string($0.value))]" }
        let abstained = abstentions.sorted().map { "[\($0.entry.rawValue), \($0.juror.rawValue)]" }
        let revised = revisions.sorted { $0.id < $1.id }.map {
            "[\($0.id), \($0.entry.rawValue), \($0.juror.rawValue), \(JSONText.string($0.criterion)), \(JSONText.string($0.oldValue)), "
                + "\(JSONText.string($0.newValue)), \(JSONText.string($0.reason))]"
        }
        return cells.joined(separator: "\n") + "\n--\n" + abstained.joined(separator: "\n")
            + (revised.isEmpty ? "" : "\n--\n" + revised.joined(separator: "\n"))
    }

    /// The ledger's note that closed round 1 of an edition, as ecpa.open_deliberation writes it.
    public static func roundOneNote(edition: EditionID, scores: [ScoreLine], abstentions: [EntryJurorPair]) -> String {
        "close round 1 of edition \(edition.rawValue) sha256:" + scoreSetDigest(scores: scores, abstentions: abstentions)
    }

    /// A revision's ledger operation, as ecpa.revise_score writes it.
    public static func revisionNote(edition: EditionID, _ line: RevisionLine) -> String {
        "revise edition \(edition.rawValue) entry \(line.entry.rawValue) juror \(line.juror.rawValue) \(line.criterion) from \(line.oldValue) to \(line.newValue) reason sha256:"
            + SHA256.hex(line.reason)
    }

    /// The SHA-256 of the score set's text, as stored at the freeze.
    public static func scoreSetDigest(scores: [ScoreLine], abstentions: [EntryJurorPair], revisions: [RevisionLine] = []) -> String {
        SHA256.hex(scoreSetText(scores: scores, abstentions: abstentions, revisions: revisions))
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
