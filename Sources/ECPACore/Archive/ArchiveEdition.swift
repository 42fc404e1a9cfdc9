import Foundation

/// Everything the archive knows about one year of the award, each fact with its certainty.
public struct ArchiveEdition: Sendable, Equatable {
    /// The year of the edition.
    public var year: Int
    /// The research notes, or an edition published in ecpa.
    public var origin: ArchiveOrigin
    /// Whether this ecpa edition replaces a row of the research notes for the same year.
    public var replacesNotes: Bool
    /// The host country (the H2 Presidency, or before 2004 the previous winner).
    public var host: Fact<CountryCode>
    /// The host city of the conference.
    public var city: Fact<String>
    /// The conference dates, as the source gives them.
    public var dates: Fact<String>
    /// The theme; none (confirmed) for the unthemed early editions.
    public var theme: Fact<String>
    /// Why the host is what it is, when the notes say.
    public var hostNote: String?
    /// Why the theme is what it is, when the notes say.
    public var themeNote: String?
    /// A note on the edition.
    public var note: String?
    /// Where the facts come from.
    public var source: String?
    /// The awards, placed medals first.
    public var awards: [ArchiveAward]

    /// Makes an archive year.
    public init(
        year: Int, origin: ArchiveOrigin = .notes, replacesNotes: Bool = false, host: Fact<CountryCode>,
        city: Fact<String>, dates: Fact<String> = .unknown, theme: Fact<String>, hostNote: String? = nil,
        themeNote: String? = nil, note: String? = nil, source: String? = nil, awards: [ArchiveAward] = []
    ) {
        self.year = year
        self.origin = origin
        self.replacesNotes = replacesNotes
        self.host = host
        self.city = city
        self.dates = dates
        self.theme = theme
        self.hostNote = hostNote
        self.themeNote = themeNote
        self.note = note
        self.source = source
        self.awards = awards
    }

    /// The awards of one medal (more than one only for a shared place).
    public func awards(_ medal: Medal) -> [ArchiveAward] {
        awards.filter { $0.kind.medal == medal }
    }

    /// The awards without a place: awarded, runner-up, special distinction.
    public var unorderedAwards: [ArchiveAward] {
        awards.filter { $0.kind.medal == nil }
    }
}
