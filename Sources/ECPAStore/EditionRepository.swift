import ECPACore
import Foundation
import LibPQ

/// What the secretariat gives to create an edition.
public struct NewEdition: Sendable, Equatable {
    public var year: Int
    public var theme: String
    public var hostCountry: CountryCode
    public var hostCity: String?
    public var conferenceStart: CalendarDate?
    public var conferenceEnd: CalendarDate?
    public var timeZone: String
    public var submissionsOpenAt: Date?
    public var submissionsCloseAt: Date?
    public var prizes: Prizes

    public init(
        year: Int, theme: String, hostCountry: CountryCode, hostCity: String? = nil,
        conferenceStart: CalendarDate? = nil, conferenceEnd: CalendarDate? = nil,
        timeZone: String = Edition.defaultTimeZone, submissionsOpenAt: Date? = nil,
        submissionsCloseAt: Date? = nil, prizes: Prizes = Prizes()
    ) {
        self.year = year
        self.theme = theme
        self.hostCountry = hostCountry
        self.hostCity = hostCity
        self.conferenceStart = conferenceStart
        self.conferenceEnd = conferenceEnd
        self.timeZone = timeZone
        self.submissionsOpenAt = submissionsOpenAt
        self.submissionsCloseAt = submissionsCloseAt
        self.prizes = prizes
    }
}

/// Editions of the award, one a year.
public struct EditionRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    static let columns: SQL = """
        id, year, theme, host_country_code, host_city, conference_start::text AS conference_start,
        conference_end::text AS conference_end, time_zone, phase, submissions_open_at,
        submissions_close_at, prize_gold, prize_silver, prize_bronze, scoring_open, max_voting_jurors,
        own_country_conflict, scoring_stage
        """

    /// Creates an edition in the draft phase.
    public func insertEdition(_ new: NewEdition) throws -> Edition {
        try translating {
            let rows = try db.query(
                """
                INSERT INTO ecpa.editions (year, theme, host_country_code, host_city, conference_start,
                    conference_end, time_zone, submissions_open_at, submissions_close_at,
                    prize_gold, prize_silver, prize_bronze)
                VALUES (\(new.year), \(new.theme), \(new.hostCountry.rawValue), \(new.hostCity),
                    \(new.conferenceStart?.iso)::date, \(new.conferenceEnd?.iso)::date, \(new.timeZone),
                    \(new.submissionsOpenAt), \(new.submissionsCloseAt),
                    \(new.prizes.gold), \(new.prizes.silver), \(new.prizes.bronze))
                RETURNING \(Self.columns)
                """)
            return try Self.edition(from: rows)
        }
    }

    /// The edition of a year, if any.
    public func fetchEdition(year: Int) throws -> Edition? {
        try translating {
            try db.query("SELECT \(Self.columns) FROM ecpa.editions WHERE year = \(year)")
                .first.map(Self.decode)
        }
    }

    /// The edition of a year, or a not-found error that says how to list them.
    public func requireEdition(year: Int) throws -> Edition {
        guard let edition = try fetchEdition(year: year) else {
            throw StoreError.notFound("There is no \(year) edition. `ecpa edition list` shows the editions.")
        }
        return edition
    }

    /// The edition with an id, if any.
    public func fetchEdition(id: EditionID) throws -> Edition? {
        try translating {
            try db.query("SELECT \(Self.columns) FROM ecpa.editions WHERE id = \(id.rawValue)")
                .first.map(Self.decode)
        }
    }

    /// Every edition, newest first.
    public func fetchEditions() throws -> [Edition] {
        try translating {
            try db.query("SELECT \(Self.columns) FROM ecpa.editions ORDER BY year DESC").map(Self.decode)
        }
    }

    /// Moves an edition to another phase; PostgreSQL refuses steps the lifecycle does not allow.
    public func updatePhase(year: Int, to phase: Phase) throws -> Edition {
        try translating {
            let rows = try db.query(
                """
                UPDATE ecpa.editions SET phase = \(phase.rawValue) WHERE year = \(year)
                RETURNING \(Self.columns)
                """)
            return try Self.edition(from: rows, year: year)
        }
    }

    /// Opens scoring (moving a closed call to the scoring phase) or pauses it.
    public func updateScoring(year: Int, open: Bool) throws -> Edition {
        try translating {
            let rows = try db.query(
                """
                UPDATE ecpa.editions
                SET phase = CASE WHEN \(open) AND phase = 'submissions_closed' THEN 'scoring' ELSE phase END,
                    scoring_open = \(open)
                WHERE year = \(year)
                RETURNING \(Self.columns)
                """)
            return try Self.edition(from: rows, year: year)
        }
    }

    /// Sets the jury rules of an edition: its voting-juror limit and the own-country conflict switch.
    public func updateJuryRules(year: Int, maxVotingJurors: Int?, ownCountryConflict: Bool?) throws -> Edition {
        try translating {
            let rows = try db.query(
                """
                UPDATE ecpa.editions
                SET max_voting_jurors = coalesce(\(maxVotingJurors), max_voting_jurors),
                    own_country_conflict = coalesce(\(ownCountryConflict), own_country_conflict)
                WHERE year = \(year)
                RETURNING \(Self.columns)
                """)
            return try Self.edition(from: rows, year: year)
        }
    }

    /// Changes the submission window of an edition.
    public func updateSubmissionWindow(year: Int, opensAt: Date?, closesAt: Date?) throws -> Edition {
        try translating {
            let rows = try db.query(
                """
                UPDATE ecpa.editions
                SET submissions_open_at = coalesce(\(opensAt), submissions_open_at),
                    submissions_close_at = coalesce(\(closesAt), submissions_close_at)
                WHERE year = \(year)
                RETURNING \(Self.columns)
                """)
            return try Self.edition(from: rows, year: year)
        }
    }

    static func edition(from rows: [Row]) throws -> Edition {
        guard let row = rows.first else { throw StoreError.notFound("The edition was not found.") }
        return try decode(row)
    }

    /// The edition a statement returned, or the not-found error that names the year.
    static func edition(from rows: [Row], year: Int) throws -> Edition {
        guard let row = rows.first else {
            throw StoreError.notFound("There is no \(year) edition. `ecpa edition list` shows the editions.")
        }
        return try decode(row)
    }

    static func decode(_ row: Row) throws -> Edition {
        var edition = Edition(
            id: EditionID(try row.decode("id")),
            year: try row.decode("year"),
            theme: try row.decode("theme"),
            hostCountry: try row.countryCode("host_country_code"),
            hostCity: try row.decode("host_city", as: String?.self) ?? "",
            conferenceStart: try row.calendarDate("conference_start"),
            conferenceEnd: try row.calendarDate("conference_end"),
            timeZone: try row.decode("time_zone"),
            phase: try row.enumValue("phase"),
            submissionsOpenAt: try row.decode("submissions_open_at"),
            submissionsCloseAt: try row.decode("submissions_close_at"),
            prizes: Prizes(
                gold: try row.decode("prize_gold"),
                silver: try row.decode("prize_silver"),
                bronze: try row.decode("prize_bronze")),
            scoringOpen: try row.decode("scoring_open"),
            maxVotingJurors: try row.decode("max_voting_jurors"),
            ownCountryConflict: try row.decode("own_country_conflict")
        )
        edition.stage = try row.enumValue("scoring_stage")
        return edition
    }
}
