import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

extension WinnersReport {
    /// One self-contained page: inline CSS for screen and paper, an inline SVG chart of the scores.
    var html: String {
        var body = "<header><p class=\"kicker\">European Crime Prevention Award</p>"
        body += "<h1>\(edition.year) winners</h1>"
        body += "<p class=\"meta\">\(escape(edition.theme)) · \(escape(host)) · \(escape(dates))</p>"
        if let label { body += "<p class=\"label\">\(escape(label))</p>" }
        body += "</header>\n"
        body += "<section class=\"summary\"><h2>In short</h2><ul>" + summary.map { "<li>\(escape($0))</li>" }.joined() + "</ul></section>\n"
        body += "<section class=\"podium\">"
        for place in ranking.podium {
            let medal = place.medal?.rawValue ?? ""
            body += "<div class=\"medal \(medal)\"><div class=\"place\">\(place.place)</div><div class=\"medal-name\">\(medal.capitalized)</div>"
            body += "<div class=\"country\">\(escape(countryName(place.entry)))</div><div class=\"project\">\(escape(title(place.entry)))</div>"
            body +=
                "<div class=\"score\">\(fixed(place.score, places: 3))</div><div class=\"prize\">\(escape(money(results.prize(place.medal))))</div></div>"
        }
        body += "</section>\n"
        if let recordSentence {
            body += "<section class=\"reasons\"><h2>The jury's reasons</h2>"
            for (medal, holders) in medalHolders {
                body += "<h3 class=\"\(medal.rawValue)\">\(escape(medal.rawValue.capitalized)): \(escape(holders))</h3>"
                let lines = reasonLines(medal)
                body += lines.isEmpty ? "<p>No reasons recorded.</p>" : lines.map { "<p>\(escape($0))</p>" }.joined()
            }
            body += "<p class=\"note\">\(escape(recordSentence))</p></section>\n"
        }
        body += "<h2>Scores</h2>\n" + chart + "\n"
        body +=
            "<h2>Full ranking</h2>\n<table><thead><tr><th>Place</th><th>Country</th><th>Project</th><th class=\"num\">Score</th><th class=\"num\">Jurors</th><th>Note</th></tr></thead><tbody>"
        for place in ranking.places {
            body +=
                "<tr><td>\(place.place)</td><td>\(escape(countryName(place.entry)))</td><td>\(escape(title(place.entry)))</td><td class=\"num\">\(fixed(place.score, places: 3))</td><td class=\"num\">\(place.jurorCount)</td><td>\(escape(note(place)))</td></tr>"
        }
        body +=
            "</tbody></table>\n<h2>Method and weights</h2>\n<p>Method: \(escape(ranking.method.rawValue)). Tie-breaks, in order: \(escape(scheme.tieBreaks.map(\.rawValue).joined(separator: ", "))).</p>"
        if let note = scheme.note { body += "<p class=\"note\">\(escape(note))</p>" }
        body += "<table><thead><tr><th>Criterion</th><th class=\"num\">Weight</th><th>Scale</th></tr></thead><tbody>"
        for criterion in scheme.criteria {
            body +=
                "<tr><td>\(escape(criterion.name))</td><td class=\"num\">\(Values.text(criterion.weight))</td><td>\(escape(criterion.scaleDescription))</td></tr>"
        }
        body += "</tbody></table>\n<p>\(escape(explanation.declarationLine))</p>"
        if !weightSentences.isEmpty { body += "<ul>" + weightSentences.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        body += "\n<h2>How sure the podium is</h2>\n<p>\(escape(explanation.uncertaintyMethod))</p>"
        let certainty = explanation.certaintyRows
        if !certainty.isEmpty {
            body += "<table><thead><tr><th>Place</th><th>Entry</th>"
            body += Explanation.certaintyColumns.map { "<th class=\"num\">\(escape($0.capitalized))</th>" }.joined() + "</tr></thead><tbody>"
            for row in certainty {
                body += "<tr>" + row.enumerated().map { "<td\($0.offset >= 2 ? " class=\"num\"" : "")>\(escape($0.element))</td>" }.joined() + "</tr>"
            }
            body += "</tbody></table>"
        }
        body += "\n<h2>The decision</h2>\n<p>\(escape(decisionSentence))</p>"
        if !deliberationLines.isEmpty { body += "<ul>" + deliberationLines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        if !ballotLines.isEmpty { body += "<ul>" + ballotLines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        for (caption, table) in [
            ("Jurors who put the row's entry above the column's", ballotCountRows),
            ("The strongest path from the row's entry to the column's", ballotPathRows),
        ] {
            guard let table else { continue }
            body += "<table><caption>\(escape(caption))</caption><thead><tr><td></td>"
            body += table.header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in table.rows {
                body +=
                    "<tr><th scope=\"row\">\(escape(row[0]))</th>" + row.dropFirst().map { "<td class=\"num\">\(escape($0))</td>" }.joined() + "</tr>"
            }
            body += "</tbody></table>"
        }
        body += "\n<h2>Ties and overrides</h2>\n<ul>"
        if ranking.ties.isEmpty && ranking.overrides.isEmpty { body += "<li>None.</li>" }
        for tie in tieSentences { body += "<li>\(escape(tie))</li>" }
        for override in ranking.overrides {
            body += "<li>Jury override: \(escape(countryName(override.entry))) placed \(override.place). Reason: \(escape(override.reason))</li>"
        }
        body +=
            "</ul>\n<h2>Robustness and agreement</h2>\n<p>\(escape(explanation.verdict(namingJurors: includeJurorScores)))</p><p>\(escape(explanation.agreement.sentence))</p>"
        body += "<table><thead><tr><th>View</th><th>Podium</th></tr></thead><tbody>"
        for (view, podium) in explanation.viewLines { body += "<tr><td>\(escape(view))</td><td>\(escape(podium))</td></tr>" }
        body += "</tbody></table>"
        if let note = explanation.condorcetNote { body += "<p>\(escape(note))</p>" }
        if includeJurorScores && !severityRows.isEmpty {
            body += "\n<h2>Jurors' severity</h2>\n<p>Least squares, in points of the total: + gave more than the jury, - less.</p>"
            body += "<table><thead><tr><th>Juror</th><th class=\"num\">Effect</th></tr></thead><tbody>"
            for row in severityRows { body += "<tr><td>\(escape(row[0]))</td><td class=\"num\">\(escape(row[1]))</td></tr>" }
            body += "</tbody></table>"
        }
        body += "\n<h2>Coverage</h2>\n<p>\(escape(coverageSentence))</p>\n"
        if includeJurorScores {
            body +=
                "<h2>Jurors' totals</h2>\n<table><thead><tr><th>Entry</th><th>Country</th><th>Juror</th><th class=\"num\">Total</th></tr></thead><tbody>"
            for row in jurorScoreRows {
                body += "<tr>" + row.enumerated().map { "<td\($0.offset == 3 ? " class=\"num\"" : "")>\(escape($0.element))</td>" }.joined() + "</tr>"
            }
            body += "</tbody></table>\n"
        }
        body += "<footer><p>\(escape(status))</p></footer>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ECPA \(edition.year) winners</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// Horizontal bars, one per ranked entry, on the scheme's scale.
    var chart: String {
        let rowHeight = 28
        let labelWidth = 170
        let barWidth = 460
        let height = ranking.places.count * rowHeight + 30
        let minimum = scheme.criteria.map(\.min).min() ?? 0
        let maximum = scheme.criteria.map(\.max).max() ?? 10
        let span = NSDecimalNumber(decimal: maximum - minimum).doubleValue
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" role=\"img\" aria-label=\"Scores by entry\">"
        for tick in 0...5 {
            let x = labelWidth + barWidth * tick / 5
            let value = NSDecimalNumber(decimal: minimum).doubleValue + span * Double(tick) / 5
            svg += "<line x1=\"\(x)\" y1=\"4\" x2=\"\(x)\" y2=\"\(height - 22)\" class=\"grid\"/>"
            svg += "<text x=\"\(x)\" y=\"\(height - 6)\" class=\"tick\">\(fixed(value, places: 0))</text>"
        }
        for (index, place) in ranking.places.enumerated() {
            let y = 6 + index * rowHeight
            let fraction = span > 0 ? (NSDecimalNumber(decimal: place.score - minimum).doubleValue / span) : 0
            let width = max(0, min(Double(barWidth), Double(barWidth) * fraction))
            let medal = place.medal?.rawValue ?? "none"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" class=\"name\">\(escape(countryName(place.entry)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(fixed(width, places: 1))\" height=\"\(rowHeight - 8)\" class=\"bar \(medal)\"/>"
            svg += "<text x=\"\(labelWidth + Int(width) + 6)\" y=\"\(y + 15)\" class=\"value\">\(fixed(place.score, places: 3))</text>"
        }
        return svg + "</svg>"
    }

    /// Text as HTML (`HTML.text`).
    func escape(_ text: String) -> String { HTML.text(text) }

    static let css = """
        :root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --gold: #c9a227; --silver: #9aa3ad; --bronze: #b06a35; --blue: #1f4e8c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
        header { border-bottom: 4px solid var(--blue); margin-bottom: 1.5rem; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--blue); font-weight: 600; margin: 0; }
        h1 { font-size: 2.2rem; margin: .2rem 0; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        .meta { color: var(--muted); margin: 0 0 1rem; }
        .label { background: #fff4d6; border-left: 4px solid var(--gold); padding: .4rem .7rem; }
        .podium { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
        .medal { border: 1px solid var(--line); border-top: 8px solid var(--muted); border-radius: 6px; padding: .8rem 1rem; }
        .medal.gold { border-top-color: var(--gold); } .medal.silver { border-top-color: var(--silver); } .medal.bronze { border-top-color: var(--bronze); }
        .place { font-size: 2rem; font-weight: 700; line-height: 1; }
        .medal-name { text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-size: .8rem; }
        .country { font-weight: 700; font-size: 1.15rem; margin-top: .4rem; }
        .project { font-style: italic; }
        .score, .prize { color: var(--muted); font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef1f6; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .note { color: var(--muted); font-size: .9rem; }
        .chart { width: 100%; height: auto; }
        .chart .grid { stroke: var(--line); stroke-width: 1; }
        .chart .tick { font-size: 11px; fill: var(--muted); text-anchor: middle; }
        .chart .name { font-size: 13px; fill: var(--ink); text-anchor: end; }
        .chart .value { font-size: 12px; fill: var(--muted); }
        .chart .bar { fill: var(--blue); } .chart .bar.gold { fill: var(--gold); } .chart .bar.silver { fill: var(--silver); } .chart .bar.bronze { fill: var(--bronze); }
        footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; word-break: break-all; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; } table, .podium, .chart { break-inside: avoid; }
          .medal { border-width: 1pt 1pt 6pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
