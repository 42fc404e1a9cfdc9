import ECPACore
import Foundation

/// `archive medals`: the medal table by country, with the rule and the awards it does not count as confirmed.
struct MedalTableReport {
    let editions: [ArchiveEdition]
    let table: MedalTable

    init(editions: [ArchiveEdition], table: MedalTable) {
        self.editions = editions
        self.table = table
    }

    /// The counting rule, one sentence a line (MedalTable's rule).
    static let rule = [
        "GOLD, SILVER, BRONZE and TOTAL count only placed medals whose award and country are both confirmed (by a source, or computed by ecpa for a published edition).",
        "UNORDERED counts confirmed awards without a place (awarded, runner-up, special distinction).",
        "UNCERTAIN counts awards with an inferred fact; they are in no other column.",
    ]

    func reason(_ award: ArchiveAward) -> String {
        award.kindCertainty == .inferred ? "the award is inferred" : "the country is inferred"
    }

    func describe(_ listed: MedalTable.Listed) -> String {
        let award = listed.award
        var text = "\(listed.year) \(award.kind.rawValue)"
        if let country = award.country.value { text += ", " + FactCell.name(country) }
        if let title = award.title.value { text += " (\(title))" }
        return text
    }

    func render(format: OutputFormat) -> String {
        let records = table.rows.map(Records.medalRow)
        switch format {
        case .csv:
            return Renderer.list(records, columns: Records.medalColumns, format: .csv)
        case .json:
            return JSONWriter.document(
                .object([
                    (key: "rule", value: .string(Self.rule.joined(separator: " "))),
                    (key: "countries", value: .array(records.map(\.jsonValue))),
                    (
                        key: "uncertain",
                        value: .array(
                            table.uncertain.map { listed in
                                Record([
                                    ("year", .integer(Int64(listed.year))), ("award", .text(listed.award.kind.rawValue)),
                                    ("award_certainty", .text(listed.award.kindCertainty.rawValue)),
                                    ("country", .fact(.country(listed.award.country))),
                                ]).jsonValue
                            })
                    ),
                    (
                        key: "not_counted",
                        value: .array(
                            table.notCounted.map { listed in
                                Record([
                                    ("year", .integer(Int64(listed.year))), ("award", .text(listed.award.kind.rawValue)),
                                    ("title", .fact(.text(listed.award.title))),
                                ]).jsonValue
                            })
                    ),
                    (key: "computed_by_ecpa", value: .array(editions.filter { $0.origin == .ecpa }.map { .integer($0.year) })),
                ]))
        case .table:
            var text = Renderer.list(records, columns: Records.medalColumns, format: .table) + "\n" + Self.rule.joined(separator: "\n") + "\n"
            if !table.uncertain.isEmpty {
                text +=
                    Renderer.visible("Uncertain: " + table.uncertain.map { "\(describe($0)): \(reason($0.award))" }.joined(separator: "; ")) + ".\n"
            }
            if !table.notCounted.isEmpty {
                text += Renderer.visible("Not counted, country unknown: " + table.notCounted.map(describe).joined(separator: "; ")) + ".\n"
            }
            let origins = Records.archiveOriginLines(editions)
            if !origins.isEmpty { text += origins.joined(separator: "\n") + "\n" }
            return text
        }
    }
}
