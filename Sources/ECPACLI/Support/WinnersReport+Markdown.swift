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

    // MARK: Markdown

    var markdown: String {
        var md = "# European Crime Prevention Award \(edition.year): winners\n\n"
        if let label { md += "> \(label)\n\n" }
        md += "- Theme: \(edition.theme)\n- Host: \(host)\n- Conference: \(dates)\n- Method: \(ranking.method.rawValue)\n- \(status)\n\n"
        md += "## Podium\n\n| Place | Medal | Country | Project | Score | Prize |\n|---|---|---|---|---|---|\n"
        for place in ranking.podium {
            md += "| \(place.place) | \(place.medal?.rawValue ?? "") | \(countryName(place.entry)) | \(escapeMarkdown(title(place.entry))) | \(fixed(place.score, places: 3)) | \(money(results.prize(place.medal))) |\n"
        }
        md += "\n## Full ranking\n\n| Place | Country | Project | Score | Jurors | Note |\n|---|---|---|---|---|---|\n"
        for place in ranking.places {
            var note: [String] = []
            if place.sharedPlace { note.append("shared place") }
            if let override = place.overridden { note.append("jury override: \(override.reason)") }
            md += "| \(place.place) | \(countryName(place.entry)) | \(escapeMarkdown(title(place.entry))) | \(fixed(place.score, places: 3)) | \(place.jurorCount) | \(escapeMarkdown(note.joined(separator: "; "))) |\n"
        }
        md += "\n## Method and weights\n\n"
        if let note = scheme.note { md += "\(note)\n\n" }
        md += "| Criterion | Weight | Scale |\n|---|---|---|\n"
        for criterion in scheme.criteria {
            md += "| \(criterion.name) | \(Values.text(criterion.weight)) | \(criterion.scaleDescription) |\n"
        }
        md += "\nTie-breaks, in order: \(scheme.tieBreaks.map(\.rawValue).joined(separator: ", ")).\n"
        md += "\n## Ties and overrides\n\n"
        if ranking.ties.isEmpty && ranking.overrides.isEmpty { md += "None.\n" }
        for tie in ranking.ties { md += "- \(tie.sentence)\n" }
        for override in ranking.overrides { md += "- Jury override: \(countryName(override.entry)) placed \(override.place). Reason: \(override.reason)\n" }
        md += "\n## Robustness\n\n\(explanation.verdict(namingJurors: includeJurorScores))\n\n"
        md += "| Method | Podium |\n|---|---|\n"
        for (method, podium) in explanation.methodLines { md += "| \(method.rawValue) | \(podium) |\n" }
        let agreement = explanation.agreement
        md += "\n## Agreement\n\n\(agreement.sentence)\n\n## Coverage\n\n\(coverageSentence)\n"
        if includeJurorScores {
            md += "\n## Jurors' totals\n\n| Entry | Country | Juror | Total |\n|---|---|---|---|\n"
            for row in jurorScoreRows { md += "| \(row.joined(separator: " | ")) |\n" }
        }
        if let frozen { md += "\n## Digest\n\n`\(frozen.digest)` (SHA-256 over the ranking, the score set and the ledger head; `ecpa results verify` recomputes it).\n" }
        return md
    }

    func escapeMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: CSV and JSON

    var csv: String {
        Renderer.list(results.placeRecords, columns: Results.placeColumns, format: .csv)
    }

    var json: String {
        let agreement = explanation.agreement
        var fields: [String] = [
            "\"edition\": \(edition.year)",
            "\"theme\": \(JSONText.string(edition.theme))",
            "\"host\": \(JSONText.string(host))",
            "\"conference_start\": \(edition.conferenceStart.map { JSONText.string($0.iso) } ?? "null")",
            "\"conference_end\": \(edition.conferenceEnd.map { JSONText.string($0.iso) } ?? "null")",
            "\"label\": \(label.map(JSONText.string) ?? "null")",
            "\"method\": \(JSONText.string(ranking.method.rawValue))",
            "\"provisional\": \(ranking.provisional)",
            "\"criteria\": [" + scheme.criteria.map { Record([("code", .text($0.code)), ("name", .text($0.name)), ("weight", .decimal($0.weight)), ("scale", .text($0.scaleDescription))]).json }.joined(separator: ", ") + "]",
            "\"places\": [\n    " + results.placeRecords.map(\.json).joined(separator: ",\n    ") + "\n  ]",
            "\"ties\": [" + ranking.ties.map { JSONText.string($0.sentence) }.joined(separator: ", ") + "]",
            "\"overrides\": [" + ranking.overrides.map { Record([("entry", .integer($0.entry.rawValue)), ("place", .integer(Int64($0.place))), ("reason", .text($0.reason))]).json }.joined(separator: ", ") + "]",
            "\"robustness\": \(JSONText.string(explanation.verdict(namingJurors: includeJurorScores)))",
            "\"kendalls_w\": \(agreement.w.map { fixed($0, places: 4) } ?? "null")",
            "\"agreement\": \(JSONText.string(agreement.sentence))",
            "\"coverage\": \(JSONText.string(coverageSentence))",
            "\"digest\": \(frozen.map { JSONText.string($0.digest) } ?? "null")",
        ]
        if includeJurorScores {
            fields.append("\"juror_totals\": [" + jurorScoreRows.map { row in
                Record([("entry", .text(row[0])), ("country", .text(row[1])), ("juror", .text(row[2])), ("total", .text(row[3]))]).json
            }.joined(separator: ", ") + "]")
        }
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }
}
