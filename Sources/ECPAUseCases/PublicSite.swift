import ECPACore
import ECPAStore
import LibPQ

/// Everything the public results site shows, read only from what PostgreSQL publishes to everyone:
/// the published editions through the `published_*` functions (whoever builds the site, the
/// secretariat included), their public booklets, and the archive. An edition that is not published
/// is never read, so nothing of it can reach the site. Read in one consistent transaction; nothing
/// depends on the clock or on who builds it, so the same data always gives the same site.
public struct PublicSite: Sendable {
    /// One published edition: its report (podium, reasons, decision, digest) and its entries.
    public struct EditionPages: Sendable {
        public let report: WinnersReport
        public let booklet: Booklet
        public var edition: Edition { report.edition }
    }

    /// The published editions, newest first.
    public let editions: [EditionPages]
    /// Every year of the archive, newest first, each fact with its certainty.
    public let archive: [ArchiveEdition]
    /// The all-time medal table counted from the archive.
    public let medalTable: MedalTable

    public static func load(db: Connection) throws -> PublicSite {
        try db.consistentRead { db in
            let published = try EditionRepository(db).fetchEditions().filter { $0.phase == .published }.sorted { $0.year > $1.year }
            let editions = try published.map { edition in
                EditionPages(
                    report: try WinnersReport.load(edition: edition, db: db, includeJurorScores: false, label: nil, source: .published)
                        .withoutJurorNames(),
                    booklet: try Booklet.load(edition: edition, db: db, form: .overview))
            }
            let archive = try ArchiveRepository(db).fetchArchive()
            return PublicSite(editions: editions, archive: archive.sorted { $0.year > $1.year }, medalTable: MedalTable(editions: archive))
        }
    }
}
