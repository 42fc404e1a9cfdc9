import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

extension WinnersReport {
    /// One self-contained page (`HTMLPage`): plain sentences first, the statistics behind them in
    /// sections the reader opens, no command anywhere (the public reads it too).
    var html: String { HTMLPage.document(title: "ECPA \(edition.year) winners", body: htmlBody) }

    /// The page's content, without its frame: the public site frames it with its own navigation.
    var htmlBody: String {
        var body = "<header><p class=\"kicker\">European Crime Prevention Award</p>"
        body += "<h1>\(edition.year) winners</h1>"
        body += "<p class=\"meta\">\(escape(edition.theme)) · \(escape(host)) · \(escape(dates))</p>"
        if let label { body += "<p class=\"label\">\(escape(label))</p>" }
        body += "</header>\n"
        body += "<section class=\"summary\"><h2>In short</h2><ul>" + plainSummary.map { "<li>\(escape($0))</li>" }.joined() + "</ul></section>\n"
        body += "<h2>Podium</h2>" + podiumHTML + "\n"
        body += reasonsHTML
        body += "<h2>Scores</h2>\n" + chart + "\n"
        body += "<h2>Full ranking</h2>\n"
        body += HTMLPage.table(
            header: ["Place", "Country", "Project", "Score", "Jurors", "Note"],
            rows: ranking.places.map { place in
                [
                    String(place.place), countryName(place.entry), title(place.entry), fixed(place.score, places: 3),
                    String(place.jurorCount), note(place),
                ]
            }, numeric: [3, 4])
        body += "\n<h2>How the jury decided</h2>\n<p>\(escape(decisionSentence))</p>"
        if !deliberationLines.isEmpty { body += "<ul>" + deliberationLines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        if !ballotLines.isEmpty { body += "<ul>" + ballotLines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        let matrices = [
            ("Jurors who put the row's entry above the column's", ballotCountRows),
            ("The strongest path from the row's entry to the column's", ballotPathRows),
        ].compactMap { caption, table in
            table.map {
                HTMLPage.table(caption: caption, header: [""] + $0.header, rows: $0.rows, numeric: Set(1...$0.header.count), rowHeaders: true)
            }
        }
        if !matrices.isEmpty { body += HTMLPage.details(summary: "The ballot's counts", body: matrices.joined()) }
        body += "\n<h2>Ties and overrides</h2>\n<ul>"
        if ranking.ties.isEmpty && ranking.overrides.isEmpty { body += "<li>None.</li>" }
        for tie in tieSentences { body += "<li>\(escape(tie))</li>" }
        for override in ranking.overrides {
            body += "<li>Jury override: \(escape(countryName(override.entry))) placed \(override.place). Reason: \(escape(override.reason))</li>"
        }
        // The plain answer is in "In short"; here are the figures behind it.
        body += "</ul>\n<h2>How sure the podium is</h2>\n"
        body += HTMLPage.details(summary: "The figures: resampling the jury, other ways of counting, agreement", body: statisticsHTML)
        body += "\n<h2>Method and weights</h2>\n<p>Method: \(escape(ranking.method.rawValue)). Tie-breaks, in order: "
        body += "\(escape(scheme.tieBreaks.map(\.rawValue).joined(separator: ", "))).</p>"
        if let note = scheme.note { body += "<p class=\"note\">\(escape(note))</p>" }
        body += HTMLPage.table(
            header: ["Criterion", "Weight", "Scale"],
            rows: scheme.criteria.map { [$0.name, Values.text($0.weight), $0.scaleDescription] }, numeric: [1])
        body += "<p>\(escape(explanation.declarationLine(namingCommand: false)))</p>"
        if !weightSentences.isEmpty {
            body += HTMLPage.details(
                summary: "How far the weights could change before a medal moves",
                body: "<ul>" + weightSentences.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        body += "\n<h2>Coverage</h2>\n<p>\(escape(coverageSentence))</p>\n"
        if includeJurorScores {
            body += "<h2>Jurors' totals</h2>\n"
            body += HTMLPage.table(header: ["Entry", "Country", "Juror", "Total"], rows: jurorScoreRows, numeric: [3])
        }
        body += "<footer><p>\(escape(frozen == nil ? status : "Frozen results."))</p>"
        if let frozen {
            body += "<p>Digest (SHA-256 of the frozen results): <span class=\"digest\">\(escape(frozen.digest))</span></p>"
        }
        return body + "</footer>"
    }

    /// The medals, a list of one card each, so a screen reader says how many and which.
    var podiumHTML: String {
        let maximum = scheme.criteria.map(\.max).max() ?? 10
        var html = "<ol class=\"podium\">"
        for place in ranking.podium {
            let medal = place.medal?.rawValue ?? ""
            html += "<li class=\"medal \(medal)\"><div class=\"place\">\(place.place)</div><div class=\"medal-name\">\(medal.capitalized)</div>"
            html += "<div class=\"country\">\(escape(countryName(place.entry)))</div><div class=\"project\">\(escape(title(place.entry)))</div>"
            html += "<div class=\"score\">Score \(fixed(place.score, places: 3)) out of \(Values.text(maximum))</div>"
            html += "<div class=\"prize\">Prize: \(escape(money(results.prize(place.medal))))</div></li>"
        }
        return html + "</ol>"
    }

    /// The jury's reasons per medal and the record's sign-off, when there is a record.
    var reasonsHTML: String {
        guard let recordSentence else { return "" }
        var html = "<section class=\"reasons\"><h2>The jury's reasons</h2>"
        for (medal, holders) in medalHolders {
            html += "<h3 class=\"\(medal.rawValue)\">\(escape(medal.rawValue.capitalized)): \(escape(holders))</h3>"
            let lines = reasonLines(medal)
            html += lines.isEmpty ? "<p>No reasons recorded.</p>" : lines.map { HTML.paragraphs($0) }.joined()
        }
        return html + "<p class=\"note\">\(escape(recordSentence))</p></section>\n"
    }

    /// What lies behind "how sure": the resampling, the other counting methods, the agreement.
    var statisticsHTML: String {
        var html = "<ul>" + summary.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        html += "<p>\(escape(explanation.uncertaintyMethod))</p>"
        let certainty = explanation.certaintyRows
        if !certainty.isEmpty {
            let columns = ["Place", "Entry"] + Explanation.certaintyColumns.map(\.capitalized)
            html += HTMLPage.table(
                caption: "How often each entry won each medal", header: columns, rows: certainty, numeric: Set(2..<columns.count))
        }
        html += HTMLPage.table(
            caption: "The podium by other ways of counting", header: ["View", "Podium"], rows: explanation.viewLines.map { [$0.0, $0.1] })
        if let note = explanation.condorcetNote { html += "<p>\(escape(note))</p>" }
        html += "<p>\(escape(explanation.agreement.sentence))</p>"
        if includeJurorScores && !severityRows.isEmpty {
            html += "<p>Jurors' severity, by least squares, in points of the total: + gave more than the jury, - less.</p>"
            html += HTMLPage.table(header: ["Juror", "Effect"], rows: severityRows, numeric: [1])
        }
        return html
    }

    /// One bar per ranked entry, on the scheme's scale, with each entry's name and score as text.
    var chart: String {
        let minimum = scheme.criteria.map(\.min).min() ?? 0
        let maximum = scheme.criteria.map(\.max).max() ?? 10
        let span = NSDecimalNumber(decimal: maximum - minimum).doubleValue
        return HTMLPage.bars(
            label: "Each entry's score, on the scale from \(Values.text(minimum)) to \(Values.text(maximum))",
            rows: ranking.places.map { place in
                (
                    name: countryName(place.entry), value: fixed(place.score, places: 3),
                    fraction: span > 0 ? NSDecimalNumber(decimal: place.score - minimum).doubleValue / span : 0,
                    medal: place.medal?.rawValue
                )
            })
    }

    /// Text as HTML (`HTML.text`).
    func escape(_ text: String) -> String { HTML.text(text) }
}
