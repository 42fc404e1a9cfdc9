import ECPACore
import Foundation
import LibPQ

/// Juries and conflicts of interest.
public struct JuryRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    static let columns: SQL = "id, edition_id, role_name, country_code, display_name, voting, chair"

    /// Seats a login role on an edition's jury; PostgreSQL enforces the size limit.
    public func insertJuror(
        edition: EditionID, roleName: String, country: CountryCode, displayName: String, voting: Bool, chair: Bool
    ) throws -> Juror {
        try translating {
            let rows = try db.query(
                """
                INSERT INTO ecpa.jurors (edition_id, role_name, country_code, display_name, voting, chair)
                VALUES (\(edition.rawValue), \(roleName), \(country.rawValue), \(displayName), \(voting), \(chair))
                RETURNING \(Self.columns)
                """)
            guard let row = rows.first else { throw StoreError.database("The juror was not saved.") }
            return try Self.decode(row)
        }
    }

    /// The jury of an edition: voting members first, then advisory, by country. From `.published`,
    /// jurors are named by seat ("seat 3"), never by login or name.
    public func fetchJurors(edition: EditionID, source: RecordSource = .live) throws -> [Juror] {
        try translating {
            try db.query(
                """
                SELECT \(Self.columns) FROM \(source.relation("jurors", edition: edition)) WHERE edition_id = \(edition.rawValue)
                ORDER BY voting DESC, chair DESC, country_code, role_name
                """
            ).map(Self.decode)
        }
    }

    /// Whether the current role holds a seat on the edition's jury. Asks first whether the role is
    /// in the jurors' group, so that a role that may not read the jury gets false, not an error.
    public func currentRoleSits(edition: EditionID) throws -> Bool {
        try translating {
            let member: Bool = try db.query("SELECT pg_has_role(current_user, 'ecpa_juror', 'USAGE') AS member").first?.decode("member") ?? false
            guard member else { return false }
            let sits: Bool? = try db.query(
                "SELECT EXISTS (SELECT FROM ecpa.jurors WHERE edition_id = \(edition.rawValue) AND role_name = current_user) AS sits"
            ).first?.decode("sits")
            return sits ?? false
        }
    }

    /// A juror by login name, if on the edition's jury.
    public func fetchJuror(edition: EditionID, roleName: String) throws -> Juror? {
        try translating {
            try db.query(
                """
                SELECT \(Self.columns) FROM ecpa.jurors WHERE edition_id = \(edition.rawValue) AND role_name = \(roleName)
                """
            ).first.map(Self.decode)
        }
    }

    /// A juror by login name, or an error naming the edition.
    public func requireJuror(edition: Edition, roleName: String) throws -> Juror {
        guard let juror = try fetchJuror(edition: edition.id, roleName: roleName) else {
            throw StoreError.notFound(
                "\(roleName) is not on the jury of the \(edition.year) edition. `ecpa jury list --edition \(edition.year)` shows it.")
        }
        return juror
    }

    /// Removes a juror from the jury (before scoring opens).
    public func deleteJuror(_ juror: JurorID) throws {
        try translating {
            _ = try db.query("SELECT ecpa.remove_juror(\(juror.rawValue))")
        }
    }

    /// Records a declared conflict of interest with its reason.
    public func declareConflict(juror: JurorID, entry: EntryID, reason: String) throws {
        try translating {
            try db.execute(
                """
                INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason)
                VALUES (\(juror.rawValue), \(entry.rawValue), \(reason))
                ON CONFLICT (juror_id, entry_id) DO UPDATE SET reason = EXCLUDED.reason
                """)
        }
    }

    /// Clears a declared conflict; returns whether there was one.
    public func clearConflict(juror: JurorID, entry: EntryID) throws -> Bool {
        try translating {
            try db.query("SELECT ecpa.clear_conflict(\(juror.rawValue), \(entry.rawValue)) AS cleared").first?.decode("cleared") ?? false
        }
    }

    /// Every conflict in an edition the current role may see, automatic (own country) and declared
    /// (from `.published`: all of them, declared ones without their reason).
    public func fetchConflicts(edition: EditionID, source: RecordSource = .live) throws -> [Conflict] {
        try translating {
            try db.query(
                """
                SELECT juror_id, entry_id, source, reason FROM \(source.relation("conflicts", edition: edition))
                WHERE edition_id = \(edition.rawValue) ORDER BY entry_id, juror_id, source
                """
            ).map { row in
                Conflict(
                    juror: JurorID(try row.decode("juror_id")), entry: EntryID(try row.decode("entry_id")),
                    source: try row.enumValue("source"), reason: try row.decode("reason"))
            }
        }
    }

    static func decode(_ row: Row) throws -> Juror {
        Juror(
            id: JurorID(try row.decode("id")), editionID: EditionID(try row.decode("edition_id")),
            roleName: try row.decode("role_name"), country: try row.countryCode("country_code"),
            displayName: try row.decode("display_name"), voting: try row.decode("voting"), chair: try row.decode("chair"))
    }
}
