import ECPACore
import ECPAUseCases
import Foundation

/// A feedback letter as one self-contained page: inline CSS for screen and A4 paper, no script, no
/// external request; one h1, headings in order, table headers with their scope.
extension FeedbackLetter {
    var html: String {
        let e = HTML.text
        var body = "<header><p class=\"kicker\">European Crime Prevention Award</p>"
        body += "<h1>Feedback on \(e(countryName))'s entry to the \(edition.year) award</h1>"
        body += "<p>\(e(opening))</p></header>\n"
        body += "<section><h2>Place</h2><p class=\"place\(medal.map { " \($0.rawValue)" } ?? "")\">\(e(placeSentence))</p>"
        if let overrideReason { body += "<p>\(e("The jury set this place after its deliberation: \(overrideReason)"))</p>" }
        body += "</section>\n"
        if medal != nil {
            body += "<section><h2>The jury's reasons</h2><p>\(e(reasons ?? "The jury's reasons for this medal are not recorded."))</p></section>\n"
        }
        body += "<section><h2>Scores by criterion</h2><p>\(e(Self.meansSentence))</p>"
        body += "<table><thead><tr>"
        body += criteriaHeader.enumerated().map { "<th scope=\"col\"\($0.offset > 0 ? " class=\"num\"" : "")>\(e($0.element))</th>" }.joined()
        body += "</tr></thead><tbody>"
        for row in criteriaRows {
            body += "<tr><th scope=\"row\">\(e(row[0]))</th>" + row.dropFirst().map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>"
        }
        body += "</tbody></table></section>\n"
        body += "<section><h2>The jurors' comments</h2><p>\(e(Self.commentsSentence))</p>"
        if comments.isEmpty {
            body += "<p>The jurors wrote no comments on this entry.</p>"
        } else {
            body += "<ul class=\"comments\">" + comments.map { "<li><strong>\(e($0.criterion)):</strong> \(e($0.text))</li>" }.joined() + "</ul>"
        }
        body += "</section>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ECPA \(edition.year): feedback on \(e(countryName))'s entry</title>
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

    static let css = """
        :root { --ink: #1d2433; --muted: #4d5566; --line: #d9dee7; --gold: #8a6d0b; --silver: #5f6870; --bronze: #8a4b1f; --blue: #1f4e8c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #fff; overflow-wrap: anywhere; }
        header { border-bottom: 4px solid var(--blue); margin-bottom: 1.5rem; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--blue); font-weight: 600; margin: 0; }
        h1 { font-size: 1.8rem; margin: .2rem 0 .6rem; }
        h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        .place { font-weight: 600; border-left: 6px solid var(--blue); padding-left: .7rem; }
        .place.gold { border-left-color: var(--gold); } .place.silver { border-left-color: var(--silver); } .place.bronze { border-left-color: var(--bronze); }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: #eef1f6; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .comments li { margin-bottom: .5rem; }
        @media (max-width: 30rem) {
          table, thead, tbody, tr, th, td { display: block; }
          thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          tbody tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
          tbody th, tbody td { border: 0; padding: .1rem 0; text-align: left; }
          tbody td:nth-of-type(1)::before { content: "Weight: "; color: var(--muted); }
          tbody td:nth-of-type(2)::before { content: "This entry's mean: "; color: var(--muted); }
          tbody td:nth-of-type(3)::before { content: "The edition's mean: "; color: var(--muted); }
        }
        @page { size: A4; margin: 18mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; } table, li { break-inside: avoid; }
          .place { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
