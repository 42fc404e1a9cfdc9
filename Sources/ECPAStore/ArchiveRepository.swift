import ECPACore
import Foundation
import LibPQ

/// The archive of past editions: the research notes, with every edition published in ecpa in place
/// of the notes' row for its year (the views `ecpa.archive_edition_facts` and `ecpa.archive_award_facts`).
public struct ArchiveRepository {
    let db: any SQLExecutor

    /// A repository over a connection or a transaction.
    public init(_ db: any SQLExecutor) { self.db = db }

    /// Every archive year, oldest first, with its awards.
    public func fetchArchive() throws -> [ArchiveEdition] {
        try fetch(year: nil)
    }

    /// One archive year with its awards, if the archive knows it.
    public func fetchArchiveEdition(year: Int) throws -> ArchiveEdition? {
        try fetch(year: year).first
    }

    private func fetch(year: Int?) throws -> [ArchiveEdition] {
        try translating {
            let awardRows = try db.query(
                """
                SELECT year, award, award_certainty, country_code, country_certainty, title, title_certainty, note, source
                FROM ecpa.archive_award_facts
                WHERE \(year)::integer IS NULL OR year = \(year)
                ORDER BY year, array_position(ARRAY['gold', 'silver', 'bronze', 'awarded', 'runner-up', 'special distinction'], award), seq
                """)
            var awards: [Int: [ArchiveAward]] = [:]
            for row in awardRows {
                awards[try row.decode("year"), default: []].append(try Self.award(row))
            }
            return try db.query(
                """
                SELECT year, origin, replaces_notes, host_country_code, host_certainty, host_city, host_city_certainty,
                       conference_dates, conference_dates_certainty, theme, theme_certainty, host_note, theme_note, note, source
                FROM ecpa.archive_edition_facts
                WHERE \(year)::integer IS NULL OR year = \(year)
                ORDER BY year
                """
            ).map { row in
                let year: Int = try row.decode("year")
                return ArchiveEdition(
                    year: year, origin: try row.enumValue("origin"), replacesNotes: try row.decode("replaces_notes"),
                    host: try row.countryFact("host_country_code", certainty: "host_certainty"),
                    city: try row.textFact("host_city", certainty: "host_city_certainty"),
                    dates: try row.textFact("conference_dates", certainty: "conference_dates_certainty"),
                    theme: try row.textFact("theme", certainty: "theme_certainty"),
                    hostNote: try row.decode("host_note"), themeNote: try row.decode("theme_note"),
                    note: try row.decode("note"), source: try row.decode("source"),
                    awards: awards[year] ?? [])
            }
        }
    }

    static func award(_ row: Row) throws -> ArchiveAward {
        ArchiveAward(
            kind: try row.enumValue("award"), kindCertainty: try row.certainty("award_certainty"),
            country: try row.countryFact("country_code", certainty: "country_certainty"),
            title: try row.textFact("title", certainty: "title_certainty"),
            note: try row.decode("note"), source: try row.decode("source"))
    }
}
