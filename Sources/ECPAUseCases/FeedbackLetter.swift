import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// A feedback letter (issue 12, item 2): how one competing entry of a published edition fared, for
/// its national representative. Its place (exact on the podium, a band of three below it), its mean
/// per criterion beside the edition's, the jurors' comments without the jurors, and the jury's
/// reasons where it won a medal. Built once, rendered as Markdown or HTML; nothing in it depends on
/// the clock, so the same data always gives the same bytes.
public struct FeedbackLetter: Sendable {
    /// One criterion's line: the entry's mean beside the edition's.
    public struct CriterionLine: Sendable, Equatable {
        public var name: String
        public var weight: Decimal
        /// The mean of the voting jurors' values for this entry; nil when nobody scored it.
        public var entryMean: Decimal?
        /// The mean of every ranked entry's mean: each entry counts once, however many jurors scored it.
        public var editionMean: Decimal?
    }

    /// A comment, with the name of the criterion it was written on.
    public struct Comment: Sendable, Equatable {
        public var criterion: String
        public var text: String
    }

    public let edition: Edition
    public let entry: Entry
    public let place: Int
    public let medal: Medal?
    public let sharedPlace: Bool
    /// How many competing entries were ranked.
    public let ranked: Int
    public let criteria: [CriterionLine]
    public let comments: [Comment]
    /// The jury's reasons for the entry's medal, when it won one and they are written.
    public let reasons: String?
    /// The jury's reason for setting this entry's place by an override, if it did.
    public let overrideReason: String?

    /// Below the podium a letter gives a band of three places, not the place: the award publishes
    /// its podium, and a place such as 17th of 27 would rank entries by differences the jury did not
    /// weigh. The bands are 4 to 6, 7 to 9 and so on, the last one ending at the last place.
    public static let bandWidth = 3

    /// The places of the entry's band, or nil on the podium (or where the band is one place).
    public var band: ClosedRange<Int>? { Self.band(place: place, ranked: ranked) }

    /// The band of a place among `ranked` entries: nil on the podium, and where the band left at
    /// the end is one place (then the letter gives the place).
    public static func band(place: Int, ranked: Int) -> ClosedRange<Int>? {
        guard place > 3 else { return nil }
        let start = 4 + (place - 4) / bandWidth * bandWidth
        let range = start...min(start + bandWidth - 1, max(ranked, place))
        return range.count > 1 ? range : nil
    }

    /// Where the entry came, in one sentence.
    public var placeSentence: String {
        let of = "of the \(ranked) competing entries"
        if let medal {
            return "It won the \(medal.rawValue) medal: \(sharedPlace ? "a shared " : "")place \(place) \(of)."
        }
        if let band {
            return
                "It placed between places \(band.lowerBound) and \(band.upperBound) \(of). Below the podium, letters give a band of places, not the exact place."
        }
        return "It placed \(sharedPlace ? "in a shared " : "")place \(place) \(of)."
    }

    /// The entry's title, as its representative sent it.
    public var title: String { entry.form.title ?? "" }

    public var countryName: String { Country.named(entry.country)?.name ?? entry.country.rawValue }

    /// The country's name as an owner: "Finland's", "the Netherlands'".
    public var countryPossessive: String {
        let name = entry.country.rawValue == "NL" ? "the \(countryName)" : countryName
        return name.hasSuffix("s") ? name + "'" : name + "'s"
    }

    public var host: String {
        let country = Country.named(edition.hostCountry)?.name ?? edition.hostCountry.rawValue
        return edition.hostCity.isEmpty ? country : "\(edition.hostCity), \(country)"
    }

    /// The file name without its extension: the year, the entry's id and its country.
    public var fileStem: String { "\(edition.year)-entry-\(entry.id.rawValue)-\(entry.country.rawValue)" }

    /// How the means were computed, in one sentence.
    public static let meansSentence =
        "Each mean is over the voting jurors who scored the entry on that criterion (a juror never scores an entry from their own country); the edition's mean is the mean of every ranked entry's mean."

    /// Why the comments carry no names, in one sentence.
    public static let commentsSentence =
        "The jurors' comments are given without saying who wrote them, sorted by criterion and then in an order that says nothing about the jurors."

    /// The letters of an edition the current role may have: one entry's, or (without `entry`) every
    /// ranked entry's for the secretariat and the entries of their own country for a national
    /// representative. PostgreSQL decides (ecpa.feedback_comments): whoever else asks is refused.
    public static func load(edition: Edition, entry: EntryID?, db: Connection) throws -> [FeedbackLetter] {
        guard edition.phase == .published else {
            throw Refusal(
                "feedback.not_published", .refused,
                "The \(edition.year) results are not published yet. Feedback letters are written once the secretariat publishes them.")
        }
        return try db.consistentRead { db in
            let identity = try PersonRepository(db).currentIdentity()
            let source = try RecordSource.forCurrentRole(edition: edition, db: db)
            let scores = try EditionScores.load(edition: edition, db: db, source: source)
            guard let frozen = try ResultsRepository(db).fetchFrozen(edition: edition.id) else {
                throw Refusal("feedback.not_frozen", .refused, "The \(edition.year) edition has no frozen results, so there are no letters to write.")
            }
            let places: [FrozenPlace]
            if let entry {
                guard let place = frozen.places.first(where: { $0.entry == entry }) else {
                    throw Refusal(
                        "feedback.no_such_entry", .notFound,
                        "Entry \(entry) is not one of the competing entries ranked in the \(edition.year) edition, so it has no feedback letter.")
                }
                places = [place]
            } else if identity.isSecretariat {
                places = frozen.places
            } else if let country = identity.country {
                places = frozen.places.filter { scores.entry($0.entry)?.country == country }
                if places.isEmpty {
                    throw Refusal(
                        "feedback.none_for_country", .notFound,
                        "No competing entry of \(Country.named(country)?.name ?? country.rawValue) was ranked in the \(edition.year) edition, so there is no letter."
                    )
                }
            } else {
                throw Refusal(
                    "feedback.not_a_representative", .permissionDenied,
                    "Feedback letters are for the secretariat and for each country's national representative.")
            }
            let decision = try JuryDecision.loadIfReadable(edition: edition, db: db)
            let editionMeans = Self.editionMeans(scores)
            return try places.map { place in
                guard let entry = scores.entry(place.entry) else {
                    throw Refusal("feedback.no_such_entry", .notFound, "Entry \(place.entry) of the frozen ranking is not among the ranked entries.")
                }
                let comments: [FeedbackComment]
                do {
                    comments = try FeedbackRepository(db).fetchComments(entry: entry.id)
                } catch StoreError.permissionDenied {
                    throw Refusal(
                        "feedback.not_yours", .permissionDenied,
                        "The letter of entry \(entry.id) (\(entry.country)) is for the secretariat and for its own country's national representative only; PostgreSQL refused it."
                    )
                }
                return FeedbackLetter(
                    edition: edition, entry: entry, place: place.place, medal: place.medal, sharedPlace: place.sharedPlace,
                    ranked: frozen.places.count,
                    criteria: scores.scheme.criteria.map { criterion in
                        CriterionLine(
                            name: criterion.name, weight: criterion.weight, entryMean: Self.mean(scores, entry.id, criterion.code),
                            editionMean: editionMeans[criterion.code] ?? nil)
                    },
                    comments: Self.ordered(comments, scheme: scores.scheme),
                    reasons: place.medal.flatMap { decision?.record.reasons(for: $0)?.reasons },
                    overrideReason: place.overrideReason)
            }
        }
    }

    /// The mean of the voting jurors' values for an entry on a criterion, as ranked (round 2 where
    /// the revised scores decide).
    static func mean(_ scores: EditionScores, _ entry: EntryID, _ criterion: String) -> Decimal? {
        let values = scores.jurors.compactMap { scores.matrix.value(entry: entry, juror: $0.id, criterion: criterion) }
        return values.isEmpty ? nil : values.reduce(0, +) / Decimal(values.count)
    }

    /// Per criterion, the mean of the ranked entries' means.
    static func editionMeans(_ scores: EditionScores) -> [String: Decimal?] {
        Dictionary(
            uniqueKeysWithValues: scores.scheme.criteria.map { criterion in
                let means = scores.entries.compactMap { mean(scores, $0.id, criterion.code) }
                return (criterion.code, means.isEmpty ? nil : means.reduce(0, +) / Decimal(means.count))
            })
    }

    /// Comments by the scheme's order of criteria, then by their SHA-256: the order PostgreSQL gives,
    /// made sure of here, so that nothing about the jurors (their ids, who wrote first) shows.
    static func ordered(_ comments: [FeedbackComment], scheme: ScoringScheme) -> [Comment] {
        let position = Dictionary(uniqueKeysWithValues: scheme.criteria.enumerated().map { ($0.element.code, $0.offset) })
        let names = Dictionary(uniqueKeysWithValues: scheme.criteria.map { ($0.code, $0.name) })
        return comments.map { (key: (position[$0.criterion] ?? Int.max, SHA256.hex($0.text), $0.text), comment: $0) }
            .sorted { $0.key < $1.key }
            .map { Comment(criterion: names[$0.comment.criterion] ?? $0.comment.criterion, text: $0.comment.text) }
    }
}
