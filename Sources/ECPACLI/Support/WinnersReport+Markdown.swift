import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

/// The winners' report as Markdown, CSV and JSON (HTML: WinnersReport+HTML.swift).
extension WinnersReport {
    func money(_ amount: Decimal?) -> String {
        guard let amount else { return "" }
        let whole = NSDecimalNumber(decimal: amount).int64Value
        let digits = String(whole)
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return "EUR " + String(grouped.reversed())
    }

    /// The note of a place in the full ranking.
    func note(_ place: RankedEntry) -> String {
        var note: [String] = []
        if place.sharedPlace { note.append("shared place") }
        if let override = place.overridden { note.append("jury override: \(override.reason)") }
        return note.joined(separator: "; ")
    }

    /// Each medal of the podium with its holders named, gold first (a shared place shares its medal).
    var medalHolders: [(Medal, String)] {
        Medal.allCases.compactMap { medal in
            let holders = ranking.podium.filter { $0.medal == medal }.map { "\(countryName($0.entry)), \"\(title($0.entry))\"" }
            return holders.isEmpty ? nil : (medal, holders.joined(separator: "; "))
        }
    }

    // MARK: Markdown

    /// Every text goes through `Markdown.text` or `Markdown.table`, so what people wrote (titles,
    /// names, reasons, the label) reads as written and cannot add HTML, links or table cells.
    var markdown: String {
        var md = "# European Crime Prevention Award \(edition.year): winners\n\n"
        if let label { md += "> \(Markdown.text(label))\n\n" }
        md +=
            ["Theme: \(edition.theme)", "Host: \(host)", "Conference: \(dates)", "Method: \(ranking.method.rawValue)", status]
            .map { "- " + Markdown.text($0) + "\n" }.joined() + "\n"
        md += "## In short\n\n" + summary.map { "- " + Markdown.text($0) + "\n" }.joined() + "\n"
        md +=
            "## Podium\n\n"
            + Markdown.table(
                ["Place", "Medal", "Country", "Project", "Score", "Prize"],
                ranking.podium.map { place in
                    [
                        String(place.place), place.medal?.rawValue ?? "", countryName(place.entry), title(place.entry),
                        fixed(place.score, places: 3), money(results.prize(place.medal)),
                    ]
                })
        if let recordSentence {
            md += "\n## The jury's reasons\n\n"
            for (medal, holders) in medalHolders {
                md += "### " + Markdown.text("\(medal.rawValue.capitalized): \(holders)") + "\n\n"
                let lines = reasonLines(medal)
                md += lines.isEmpty ? "No reasons recorded.\n\n" : lines.map { Markdown.text($0) + "\n\n" }.joined()
            }
            md += Markdown.text(recordSentence) + "\n"
        }
        md +=
            "\n## Full ranking\n\n"
            + Markdown.table(
                ["Place", "Country", "Project", "Score", "Jurors", "Note"],
                ranking.places.map { place in
                    [
                        String(place.place), countryName(place.entry), title(place.entry), fixed(place.score, places: 3),
                        String(place.jurorCount), note(place),
                    ]
                })
        md += "\n## Method and weights\n\n"
        if let note = scheme.note { md += Markdown.text(note) + "\n\n" }
        md += Markdown.table(["Criterion", "Weight", "Scale"], scheme.criteria.map { [$0.name, Values.text($0.weight), $0.scaleDescription] })
        md += "\n" + Markdown.text("Tie-breaks, in order: \(scheme.tieBreaks.map(\.rawValue).joined(separator: ", ")).") + "\n"
        md += "\n" + Markdown.text(explanation.declarationLine) + "\n"
        if !weightSentences.isEmpty { md += "\n" + weightSentences.map { "- " + Markdown.text($0) + "\n" }.joined() }
        md += "\n## The decision\n\n" + Markdown.text(decisionSentence) + "\n"
        if !deliberationLines.isEmpty { md += "\n" + deliberationLines.map { "- " + Markdown.text($0) + "\n" }.joined() }
        if !ballotLines.isEmpty { md += "\n" + ballotLines.map { "- " + Markdown.text($0) + "\n" }.joined() }
        if let counts = ballotCountRows, let paths = ballotPathRows {
            md += "\nJurors who put the row's entry above the column's:\n\n" + Markdown.table([""] + counts.header, counts.rows)
            md += "\nThe strongest path from the row's entry to the column's:\n\n" + Markdown.table([""] + paths.header, paths.rows)
        }
        md += "\n## Ties and overrides\n\n"
        if ranking.ties.isEmpty && ranking.overrides.isEmpty { md += "None.\n" }
        for tie in tieSentences { md += "- " + Markdown.text(tie) + "\n" }
        for override in ranking.overrides {
            md += "- " + Markdown.text("Jury override: \(countryName(override.entry)) placed \(override.place). Reason: \(override.reason)") + "\n"
        }
        md += "\n## How sure the podium is\n\n" + Markdown.text(explanation.uncertaintyMethod) + "\n\n"
        let certainty = explanation.certaintyRows
        if !certainty.isEmpty {
            md += Markdown.table(["Place", "Entry"] + Explanation.certaintyColumns.map { $0.capitalized }, certainty) + "\n"
        }
        md += "\n## Robustness\n\n" + Markdown.text(explanation.verdict(namingJurors: includeJurorScores)) + "\n\n"
        md += Markdown.table(["View", "Podium"], explanation.viewLines.map { [$0.0, $0.1] })
        if let note = explanation.condorcetNote { md += "\n" + Markdown.text(note) + "\n" }
        md += "\n## Agreement\n\n" + Markdown.text(explanation.agreement.sentence) + "\n\n## Coverage\n\n" + Markdown.text(coverageSentence) + "\n"
        if includeJurorScores && !severityRows.isEmpty {
            md +=
                "\n## Jurors' severity\n\n"
                + Markdown.text("Least squares, in points of the total: + gave more than the jury, - less.") + "\n\n"
                + Markdown.table(["Juror", "Effect"], severityRows)
        }
        if includeJurorScores {
            md += "\n## Jurors' totals\n\n" + Markdown.table(["Entry", "Country", "Juror", "Total"], jurorScoreRows)
        }
        if let frozen {
            md +=
                "\n## Digest\n\n`\(frozen.digest)` (SHA-256 over the ranking, the score set with the deliberation's revisions, the ledger head and the declaration; `ecpa results verify` recomputes it).\n"
        }
        return md
    }

    // MARK: CSV and JSON

    /// The full ranking, as `results rank --format csv` prints it.
    var csv: String {
        Renderer.list(results.placeRecords, columns: Results.placeColumns, format: .csv)
    }

    var json: String {
        JSONWriter.document(jsonValue)
    }

    /// The report's facts for scripts; the places as `results rank --format json` prints them.
    var jsonValue: JSONValue {
        let agreement = explanation.agreement
        var members: [(key: String, value: JSONValue)] = [
            (key: "edition", value: .integer(edition.year)),
            (key: "theme", value: .string(edition.theme)),
            (key: "host", value: .string(host)),
            (key: "conference_start", value: .text(edition.conferenceStart?.iso)),
            (key: "conference_end", value: .text(edition.conferenceEnd?.iso)),
            (key: "label", value: .text(label)),
            (key: "method", value: .string(ranking.method.rawValue)),
            (key: "provisional", value: .bool(ranking.provisional)),
            (
                key: "criteria",
                value: .array(
                    scheme.criteria.map {
                        Record([
                            ("code", .text($0.code)), ("name", .text($0.name)), ("weight", .decimal($0.weight)),
                            ("scale", .text($0.scaleDescription)),
                        ]).jsonValue
                    })
            ),
            (key: "places", value: .array(results.placeRecords.map(\.jsonValue))),
            (key: "ties", value: .texts(tieSentences)),
            (
                key: "overrides",
                value: .array(
                    ranking.overrides.map {
                        Record([("entry", .integer($0.entry.rawValue)), ("place", .integer(Int64($0.place))), ("reason", .text($0.reason))]).jsonValue
                    })
            ),
            (key: "summary", value: .texts(summary)),
            (key: "decision", value: .string(decisionSentence)),
            (key: "deliberation", value: .texts(deliberationLines)),
            (key: "ballot", value: .texts(ballotLines)),
            (key: "declaration_hash", value: .text(results.scores.declaration?.hash)),
            (
                key: "decision_record",
                value: decision.map { decision in
                    .object([
                        (key: "signed", value: .bool(decision.record.signoff != nil)),
                        (key: "hash", value: .text(decision.record.signoff?.recordHash)),
                        (
                            key: "medals",
                            value: .array(
                                Medal.allCases.map { medal in
                                    JSONValue.object([
                                        (key: "medal", value: .string(medal.rawValue)), (key: "lines", value: .texts(reasonLines(medal))),
                                    ])
                                })
                        ),
                    ])
                } ?? .null
            ),
            (key: "contested", value: .texts(explanation.contested.map(\.sentence))),
            (key: "certainty", value: .array(explanation.entryRecords(only: Set(explanation.certaintyEntries)).map(\.jsonValue))),
            (key: "podium_by_view", value: .array(explanation.viewLines.map { Record([("view", .text($0.0)), ("podium", .text($0.1))]).jsonValue })),
            (key: "weights", value: .texts(weightSentences)),
            (key: "robustness", value: .string(explanation.verdict(namingJurors: includeJurorScores))),
            (key: "kendalls_w", value: .ratio(agreement.w, places: 4)),
            (key: "agreement", value: .string(agreement.sentence)),
            (key: "coverage", value: .string(coverageSentence)),
            (key: "digest", value: .text(frozen?.digest)),
        ]
        if includeJurorScores {
            let matrix = results.scores.matrix
            members.append(
                (
                    key: "juror_totals",
                    value: .array(
                        results.scores.entries.flatMap { entry in
                            results.scores.jurors.map { juror in
                                Record([
                                    ("entry", .integer(entry.id.rawValue)),
                                    ("country", .text(entry.country.rawValue)),
                                    ("juror", .text(juror.roleName)),
                                    ("total", .fixed(matrix.total(entry: entry.id, juror: juror.id), places: 3)),
                                    ("status", .text(matrix.coverage(entry: entry.id, juror: juror.id).rawValue)),
                                ]).jsonValue
                            }
                        })
                ))
        }
        return .object(members)
    }
}
