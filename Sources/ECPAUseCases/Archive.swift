import ECPACore
import ECPAStore
import LibPQ

/// The archive's views (`archive list`, `show`, `medals`): every edition the award has had, from
/// the research notes or computed from a published edition's frozen rows, and the medal table
/// counted from them, each read in one consistent transaction.
public enum Archive {
    /// Every year of the archive, oldest first.
    public static func editions(db: Connection) throws -> [ArchiveEdition] {
        try db.consistentRead { db in try ArchiveRepository(db).fetchArchive() }
    }

    /// One year with every fact, its certainty, notes and sources; refuses (`archive.no_such_year`)
    /// a year the archive does not know.
    public static func edition(year: Int, db: Connection) throws -> ArchiveEdition {
        let found = try db.consistentRead { db in try ArchiveRepository(db).fetchArchiveEdition(year: year) }
        guard let found else {
            throw Refusal(
                "archive.no_such_year", .notFound, "The archive has no \(year) edition. `ecpa archive list` shows the years it knows.")
        }
        return found
    }

    /// The medal table by country (`MedalTable`'s rule) and the editions it counts.
    public static func medalTable(db: Connection) throws -> (editions: [ArchiveEdition], table: MedalTable) {
        let editions = try editions(db: db)
        return (editions, MedalTable(editions: editions))
    }
}
