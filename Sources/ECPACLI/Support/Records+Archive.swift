import ECPACore
import Foundation

/// How the archive prints, in one place so tables, CSV and JSON agree (keys in docs/archive.md).
extension Records {
    static let archiveColumns = ["year", "origin", "host", "city", "theme", "gold", "silver", "bronze", "other_awards"]

    /// One archive year as a line of `archive list`.
    static func archiveYear(_ edition: ArchiveEdition) -> Record {
        Record([
            ("year", .integer(Int64(edition.year))),
            ("origin", .text(edition.origin.rawValue)),
            ("host", .fact(.country(edition.host))),
            ("city", .fact(.text(edition.city))),
            ("theme", .fact(.text(edition.theme, none: "no theme"))),
            ("gold", .fact(.medal(edition.awards(.gold)))),
            ("silver", .fact(.medal(edition.awards(.silver)))),
            ("bronze", .fact(.medal(edition.awards(.bronze)))),
            ("other_awards", .facts(edition.unorderedAwards.map { .country($0.winner, label: $0.kind.rawValue) })),
        ])
    }

    /// The facts of one archive year, without its awards (`archive show`).
    static func archiveYearDetail(_ edition: ArchiveEdition) -> Record {
        Record([
            ("year", .integer(Int64(edition.year))),
            ("origin", .text(edition.origin.rawValue)),
            ("replaces_notes", .bool(edition.replacesNotes)),
            ("host", .fact(.country(edition.host))),
            ("city", .fact(.text(edition.city))),
            ("dates", .fact(.text(edition.dates))),
            ("theme", .fact(.text(edition.theme, none: "no theme"))),
            ("host_note", .text(edition.hostNote)),
            ("theme_note", .text(edition.themeNote)),
            ("note", .text(edition.note)),
            ("source", .text(edition.source)),
        ])
    }

    /// One award of an archive year.
    static func archiveAward(_ award: ArchiveAward) -> Record {
        Record([
            ("award", .text(award.kind.rawValue)),
            ("award_certainty", .text(award.kindCertainty.rawValue)),
            ("country", .fact(.country(award.country))),
            ("title", .fact(.text(award.title))),
            ("note", .text(award.note)),
            ("source", .text(award.source)),
        ])
    }

    static let medalColumns = ["country", "name", "gold", "silver", "bronze", "total", "unordered", "uncertain"]

    /// One country's line of the medal table.
    static func medalRow(_ row: MedalTableRow) -> Record {
        Record([
            ("country", .text(row.country.rawValue)),
            ("name", .text(row.name)),
            ("gold", .integer(Int64(row.gold))),
            ("silver", .integer(Int64(row.silver))),
            ("bronze", .integer(Int64(row.bronze))),
            ("total", .integer(Int64(row.total))),
            ("unordered", .integer(Int64(row.unordered))),
            ("uncertain", .integer(Int64(row.uncertain))),
        ])
    }

    /// What `archive list` and `archive medals` say under their table about editions from ecpa.
    static func archiveOriginLines(_ editions: [ArchiveEdition]) -> [String] {
        editions.filter { $0.origin == .ecpa }.map { edition in
            edition.replacesNotes
                ? "\(edition.year): published in ecpa and computed from its frozen results; this replaces the research notes' row for \(edition.year)."
                : "\(edition.year): published in ecpa and computed from its frozen results."
        }
    }
}
