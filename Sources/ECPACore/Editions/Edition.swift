import Foundation

/// One yearly edition of the award: its host, theme, time zone, phase and submission window.
public struct Edition: Hashable, Sendable, Codable {
    /// The zone used when an edition does not name one: the EUCPN secretariat's.
    public static let defaultTimeZone = "Europe/Brussels"

    /// The database identity.
    public var id: EditionID
    /// The award year, e.g. 2018.
    public var year: Int
    /// The theme chosen by the host presidency, e.g. "Community Policing".
    public var theme: String
    /// The member state holding the Council presidency that hosts the Best Practice Conference.
    public var hostCountry: CountryCode
    /// The conference city, e.g. "Vienna".
    public var hostCity: String
    /// The first day of the Best Practice Conference.
    public var conferenceStart: CalendarDate?
    /// The last day of the Best Practice Conference.
    public var conferenceEnd: CalendarDate?
    /// The IANA zone in which the edition's times are shown and typed.
    public var timeZone: String
    /// Where the edition is in its lifecycle.
    public var phase: Phase
    /// When national representatives may start submitting; nil means as soon as the phase opens.
    public var submissionsOpenAt: Date?
    /// The deadline: submissions are accepted strictly before this instant; nil means no deadline yet.
    public var submissionsCloseAt: Date?
    /// The prize money.
    public var prizes: Prizes
    /// Whether jurors may write scores now (only in the scoring phase).
    public var scoringOpen: Bool
    /// The most voting jurors the edition allows (8 by default, DESIGN.md section 1).
    public var maxVotingJurors: Int
    /// Whether a juror is automatically in conflict with their own country's entries (on by default).
    public var ownCountryConflict: Bool
    /// Where the scoring phase stands after the scores: the deliberation and the final ballot, when
    /// the edition declared them.
    public var stage: ScoringStage = .scores

    /// Whether round 1 is sealed (the deliberation or the ballot has begun): scoring does not open again.
    public var inDeliberation: Bool { stage != .scores }

    /// Makes an edition; the time zone defaults to Europe/Brussels.
    public init(
        id: EditionID,
        year: Int,
        theme: String,
        hostCountry: CountryCode,
        hostCity: String,
        conferenceStart: CalendarDate? = nil,
        conferenceEnd: CalendarDate? = nil,
        timeZone: String = Edition.defaultTimeZone,
        phase: Phase = .draft,
        submissionsOpenAt: Date? = nil,
        submissionsCloseAt: Date? = nil,
        prizes: Prizes = Prizes(),
        scoringOpen: Bool = false,
        maxVotingJurors: Int = 8,
        ownCountryConflict: Bool = true
    ) {
        self.scoringOpen = scoringOpen
        self.maxVotingJurors = maxVotingJurors
        self.ownCountryConflict = ownCountryConflict
        self.id = id
        self.year = year
        self.theme = theme
        self.hostCountry = hostCountry
        self.hostCity = hostCity
        self.conferenceStart = conferenceStart
        self.conferenceEnd = conferenceEnd
        self.timeZone = timeZone
        self.phase = phase
        self.submissionsOpenAt = submissionsOpenAt
        self.submissionsCloseAt = submissionsCloseAt
        self.prizes = prizes
    }

    /// The edition's zone; an unknown identifier falls back to Europe/Brussels, then UTC.
    public var zone: TimeZone {
        TimeZone(identifier: timeZone) ?? TimeZone(identifier: Edition.defaultTimeZone) ?? .gmt
    }
}
