import Foundation

/// One award of an archive year: its kind, the country and the project, each with its certainty.
public struct ArchiveAward: Sendable, Equatable {
    /// Gold, silver, bronze, or an award without a place.
    public var kind: ArchiveAwardKind
    /// How sure the archive is that this award was given (the 2014 special distinction is inferred).
    public var kindCertainty: Certainty
    /// The winning country. Nil and confirmed for a medal known not to have been given.
    public var country: Fact<CountryCode>
    /// The project's title, or what the source says of it.
    public var title: Fact<String>
    /// A short note from the research notes or from ecpa.
    public var note: String?
    /// Where the facts come from.
    public var source: String?

    /// Makes an award.
    public init(
        kind: ArchiveAwardKind, kindCertainty: Certainty = .confirmed, country: Fact<CountryCode>,
        title: Fact<String>, note: String? = nil, source: String? = nil
    ) {
        self.kind = kind
        self.kindCertainty = kindCertainty
        self.country = country
        self.title = title
        self.note = note
        self.source = source
    }

    /// "This country won this award" as one fact: as sure as the weaker of the award and the country.
    public var winner: Fact<CountryCode> {
        Fact(country.value, max(kindCertainty, country.certainty))
    }
}
