import ECPACore
import Foundation

/// `archive show YEAR`: every fact of one year with its certainty, notes and sources.
struct ArchiveYearReport {
    let edition: ArchiveEdition

    var heading: String {
        switch (edition.origin, edition.replacesNotes) {
        case (.notes, _):
            return "The \(edition.year) edition, from the secretariat's research notes."
        case (.ecpa, false):
            return "The \(edition.year) edition, published in ecpa: computed from its frozen results, so every fact is confirmed."
        case (.ecpa, true):
            return "The \(edition.year) edition, published in ecpa: computed from its frozen results, so every fact is confirmed. "
                + "It replaces the research notes' row for \(edition.year)."
        }
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .json: return json
        case .csv: return csv
        case .table: return table
        }
    }

    /// The year's facts (as `Records.archiveYearDetail`), then its awards.
    var json: String {
        JSONWriter.document(
            .object(
                Records.archiveYearDetail(edition).jsonMembers
                    + [(key: "awards", value: .array(edition.awards.map { Records.archiveAward($0).jsonValue }))]))
    }

    /// One line per fact: host, city, dates, theme, then each award's country and project.
    var csv: String {
        var rows: [[CSVCell]] = []
        func add(_ fact: String, _ cell: FactCell, note: String? = nil, source: String? = nil) {
            rows.append([.exact(fact), .text(cell.text ?? ""), .exact(cell.certainty.rawValue), .text(note ?? ""), .text(source ?? "")])
        }
        add("host", .country(edition.host), note: edition.hostNote, source: edition.source)
        add("city", .text(edition.city), source: edition.source)
        add("dates", .text(edition.dates), source: edition.source)
        add("theme", .text(edition.theme), note: edition.themeNote, source: edition.source)
        if let note = edition.note { rows.append([.exact("note"), .text(note), .exact(""), .exact(""), .text(edition.source ?? "")]) }
        for award in edition.awards {
            add(award.kind.rawValue, .country(award.winner), note: award.note, source: award.source)
            add(award.kind.rawValue + " project", .text(award.title), source: award.source)
        }
        return CSVWriter().document(header: ["fact", "value", "certainty", "note", "source"], rows: rows)
    }

    var table: String {
        var facts: [(String, String)] = [
            ("host", FactCell.country(edition.host).display),
            ("city", FactCell.text(edition.city).display),
            ("dates", FactCell.text(edition.dates).display),
            ("theme", FactCell.text(edition.theme, none: "no theme").display),
        ]
        if let note = edition.hostNote { facts.append(("host note", note)) }
        if let note = edition.themeNote { facts.append(("theme note", note)) }
        if let note = edition.note { facts.append(("note", note)) }
        if let source = edition.source { facts.append(("source", source)) }
        let width = facts.map { DisplayWidth.of($0.0) }.max() ?? 0
        var text = heading + "\n\n"
        text += facts.map { DisplayWidth.padded($0.0 + ":", to: width + 2) + Renderer.visible($0.1) }.joined(separator: "\n") + "\n"
        text += "\n" + awardsTable + "\n" + FactCell.legend + "\n"
        return text
    }

    var awardsTable: String {
        guard !edition.awards.isEmpty else {
            return "No award of \(edition.year) was found: its medals are unknown.\n"
        }
        let rows = edition.awards.map { award in
            [
                award.kind.rawValue + (award.kindCertainty == .inferred ? "?" : ""),
                FactCell.country(award.country).display,
                FactCell.text(award.title).display,
            ].map(Renderer.visible)
        }
        let header = ["AWARD", "COUNTRY", "PROJECT"]
        let kindWidth = ([header] + rows).map { DisplayWidth.of($0[0]) }.max() ?? 0
        let countryWidth = ([header] + rows).map { DisplayWidth.of($0[1]) }.max() ?? 0
        let indent = String(repeating: " ", count: kindWidth + countryWidth + 4)
        func line(_ cells: [String]) -> String {
            DisplayWidth.padded(cells[0], to: kindWidth + 2) + DisplayWidth.padded(cells[1], to: countryWidth + 2) + cells[2]
        }
        var lines = [line(header)]
        for (award, row) in zip(edition.awards, rows) {
            lines.append(line(row))
            if let note = award.note { lines.append(indent + "note: " + Renderer.visible(note)) }
            if let source = award.source, source != edition.source { lines.append(indent + "source: " + Renderer.visible(source)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
