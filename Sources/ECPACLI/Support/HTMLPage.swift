import Foundation

/// The frame of every HTML page ecpa writes (the winners' report, the feedback letters, the booklet,
/// the public site): one stylesheet for screens from a phone's 360 pixels up and for A4 paper,
/// tables that become one card per row on a narrow screen, no script and no request to anywhere.
enum HTMLPage {
    /// Where a page's styles come from: inside the page (a report is one file to send) or the
    /// site's one stylesheet, at a path relative to the page.
    enum Styles {
        case inline
        case linked(String)
    }

    /// A whole page: `lang`, the viewport, the title, the styles and the body inside `main`.
    static func document(title: String, body: String, styles: Styles = .inline) -> String {
        let head: String
        switch styles {
        case .inline: head = "<style>\n\(css)\n</style>"
        case .linked(let path): head = "<link rel=\"stylesheet\" href=\"\(HTML.text(path))\">"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.text(title))</title>
            \(head)
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A table whose cells carry their column's name, so that on a narrow screen each row is shown
    /// as a card of "name: value" lines instead of scrolling sideways. `rowHeaders`: the first
    /// cell of each row names the row (a `th`). `numeric`: the columns aligned as numbers.
    static func table(
        caption: String? = nil, header: [String], rows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = false
    ) -> String {
        var html = "<table class=\"cards\">"
        if let caption { html += "<caption>\(HTML.text(caption))</caption>" }
        html += "<thead><tr>"
        html += header.enumerated().map { column, name in
            name.isEmpty && column == 0 && rowHeaders
                ? "<td></td>" : "<th scope=\"col\"\(numeric.contains(column) ? " class=\"num\"" : "")>\(HTML.text(name))</th>"
        }.joined()
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (column, value) in row.enumerated() {
                let label = column < header.count ? header[column] : ""
                let attributes = (numeric.contains(column) ? " class=\"num\"" : "") + (label.isEmpty ? "" : " data-label=\"\(HTML.text(label))\"")
                html +=
                    column == 0 && rowHeaders
                    ? "<th scope=\"row\"\(attributes)>\(HTML.text(value))</th>" : "<td\(attributes)>\(HTML.text(value))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// Statistics for those who want them: a section the reader opens on screen. Paper cannot
    /// open it, so a copy for print follows, shown only there (and so never read twice aloud).
    static func details(summary: String, body: String) -> String {
        "<details><summary>\(HTML.text(summary))</summary>\(body)</details>"
            + "<div class=\"print-only\"><p class=\"print-heading\">\(HTML.text(summary))</p>\(body)</div>"
    }

    /// One horizontal bar per row, drawn with boxes and real text, so its labels stay as large as
    /// the page's text at any width; `fraction` from 0 to 1; `medal` colours the bar.
    static func bars(label: String, rows: [(name: String, value: String, fraction: Double, medal: String?)]) -> String {
        var html = "<figure class=\"bars\"><figcaption>\(HTML.text(label))</figcaption><ol>"
        for row in rows {
            let percent = String(format: "%.1f", max(0, min(1, row.fraction)) * 100)
            html += "<li><span class=\"name\">\(HTML.text(row.name))</span>"
            html += "<span class=\"track\"><span class=\"bar \(row.medal ?? "none")\" style=\"width: \(percent)%\"></span></span>"
            html += "<span class=\"value\">\(HTML.text(row.value))</span></li>"
        }
        return html + "</ol></figure>"
    }

    /// The stylesheet. Colours of text pass WCAG 2.1 AA on white; medal colours print (exact);
    /// headings stay with what follows them on paper.
    static let css = """
        :root { --ink: #1d2433; --muted: #4d5566; --line: #d9dee7; --blue: #1f4e8c;
          --gold: #c9a227; --silver: #9aa3ad; --bronze: #b06a35; --gold-text: #7a600a; --silver-text: #525b63; --bronze-text: #8a4b1f; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; overflow-wrap: anywhere; }
        header { border-bottom: 4px solid var(--blue); margin-bottom: 1.5rem; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--blue); font-weight: 600; margin: 0; }
        h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .5rem; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; color: var(--blue); }
        h3.gold { color: var(--gold-text); } h3.silver { color: var(--silver-text); } h3.bronze { color: var(--bronze-text); }
        p { margin: 0 0 .7rem; }
        a { color: var(--blue); }
        .meta, .note { color: var(--muted); }
        .note { font-size: .9rem; }
        .label { background: #fff4d6; border-left: 4px solid var(--gold); padding: .4rem .7rem; }
        nav ol, nav ul { padding-left: 1.6rem; } nav li { margin: .25rem 0; }
        .podium { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }
        .print-only { display: none; } .print-heading { font-weight: 600; }
        .medal { border: 1px solid var(--line); border-top: 8px solid var(--muted); border-radius: 6px; padding: .8rem 1rem; }
        .medal.gold { border-top-color: var(--gold); } .medal.silver { border-top-color: var(--silver); } .medal.bronze { border-top-color: var(--bronze); }
        .medal .place { font-size: 2rem; font-weight: 700; line-height: 1; }
        .medal-name { text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-size: .85rem; }
        .country { font-weight: 700; font-size: 1.15rem; margin-top: .4rem; }
        .project { font-style: italic; }
        .score, .prize { color: var(--muted); font-variant-numeric: tabular-nums; }
        p.place { font-weight: 600; border-left: 6px solid var(--blue); padding-left: .7rem; }
        p.place.gold { border-left-color: var(--gold); } p.place.silver { border-left-color: var(--silver); } p.place.bronze { border-left-color: var(--bronze); }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; margin: .5rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: #eef1f6; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dt { font-weight: 600; grid-column: 1; } dd { margin: 0; grid-column: 2; }
        .none { color: var(--muted); font-style: italic; }
        .top { font-size: .9rem; margin-top: 1.2rem; }
        .comments li { margin-bottom: .5rem; }
        details { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0 1rem; }
        summary { cursor: pointer; color: var(--blue); font-weight: 600; }
        .bars { margin: .5rem 0 1rem; } .bars figcaption { font-weight: 600; margin-bottom: .4rem; }
        .bars ol { list-style: none; margin: 0; padding: 0; }
        .bars li { display: grid; grid-template-columns: minmax(6rem, 11rem) 1fr 4.5rem; gap: .6rem; align-items: center; margin: .25rem 0; }
        .bars .name { text-align: right; } .bars .value { color: var(--muted); font-variant-numeric: tabular-nums; }
        .bars .track { background: #eef1f6; height: 1.2rem; border-radius: 3px; }
        .bars .bar { display: block; height: 100%; background: var(--blue); border-radius: 3px; }
        .bars .bar.gold { background: var(--gold); } .bars .bar.silver { background: var(--silver); } .bars .bar.bronze { background: var(--bronze); }
        .entries { padding-left: 0; list-style: none; } .entries li { margin: 0 0 1rem; }
        footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
        .digest { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
        @media (max-width: 40rem) {
          main { padding: 1.2rem .9rem 2rem; }
          h1 { font-size: 1.6rem; }
          dl { grid-template-columns: 1fr; } dd { grid-column: 1; margin-bottom: .3rem; }
          table.cards, .cards tbody, .cards tr, .cards th, .cards td { display: block; width: auto; }
          .cards caption { display: block; }
          .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .cards tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
          .cards th, .cards td { border: 0; padding: .1rem 0; text-align: left; }
          .cards [data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
          .cards th[scope="row"] { font-weight: 700; }
          .bars li { grid-template-columns: 1fr 4rem; } .bars .name { grid-column: 1 / -1; text-align: left; }
        }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2, h3, caption, summary, figcaption { break-after: avoid; }
          table, .podium, .medal, .bars, dl, li { break-inside: avoid; }
          .medal, .bars .bar, .bars .track, p.place, .label { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          details { display: none; } .print-only { display: block; }
          .booklet article { break-before: page; }
          .top { display: none; }
        }
        """
}
