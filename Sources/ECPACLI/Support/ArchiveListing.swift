import ECPACore
import Foundation

/// `archive list`: one line per year with host, city, theme and medal winners.
struct ArchiveListing {
    let editions: [ArchiveEdition]

    func render(format: OutputFormat) -> String {
        let records = editions.map(Records.archiveYear)
        let text = Renderer.list(records, columns: Records.archiveColumns, format: format)
        guard format == .table else { return text }
        return text + "\n" + ([FactCell.legend] + Records.archiveOriginLines(editions)).joined(separator: "\n") + "\n"
    }
}
