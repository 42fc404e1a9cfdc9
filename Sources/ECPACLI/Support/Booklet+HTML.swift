import ECPACore
import ECPAUseCases
import Foundation

/// The booklet as one self-contained page: inline CSS for screen and A4 paper, no script, no
/// request to anywhere; one h1, an h2 per entry, an h3 per question.
extension Booklet {
    var html: String {
        var body = "<header><p class=\"kicker\">European Crime Prevention Award</p>"
        body += "<h1>\(HTML.text(title))</h1>"
        body += "<p class=\"meta\">\(HTML.text(editionLine))</p><p>\(HTML.text(introduction))</p></header>\n"
        if items.isEmpty {
            body += "<p>\(HTML.text(emptySentence))</p>\n"
        } else {
            body += "<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>"
            body += items.map { "<li><a href=\"#\($0.anchor)\">\(HTML.text($0.heading))</a></li>" }.joined()
            body += "</ol></nav>\n"
        }
        for item in items {
            body += "<article id=\"\(item.anchor)\" aria-labelledby=\"\(item.anchor)-title\">"
            body += "<h2 id=\"\(item.anchor)-title\">\(HTML.text(item.heading))</h2><dl>"
            for fact in item.facts {
                body += "<dt>\(HTML.text(fact.label))</dt>"
                body += fact.values.map { "<dd>\(HTML.text($0))</dd>" }.joined()
            }
            body += "</dl>"
            for section in item.sections {
                body += "<h3>\(HTML.text(section.heading))</h3>"
                if section.paragraphs.isEmpty {
                    body += "<p class=\"none\">\(HTML.text(Booklet.notAnswered))</p>"
                } else {
                    body += section.paragraphs.map { "<p>" + $0.map(HTML.text).joined(separator: "<br>") + "</p>" }.joined()
                }
            }
            body += "<p class=\"top\"><a href=\"#contents\">Back to the contents</a></p></article>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.text(title))</title>
            <style>
            \(Booklet.css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    static let css = """
        :root { --ink: #1d2433; --muted: #535b6a; --line: #d9dee7; --blue: #1f4e8c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #fff; overflow-wrap: anywhere; }
        header { border-bottom: 4px solid var(--blue); margin-bottom: 1.5rem; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--blue); font-weight: 600; margin: 0; }
        h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .4rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; color: var(--blue); }
        .meta { color: var(--muted); margin: 0 0 .6rem; }
        nav ol { padding-left: 1.6rem; } nav li { margin: .25rem 0; }
        a { color: var(--blue); }
        dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dt { font-weight: 600; grid-column: 1; } dd { margin: 0; grid-column: 2; }
        p { margin: 0 0 .7rem; }
        .none { color: var(--muted); font-style: italic; }
        .top { font-size: .9rem; margin-top: 1.2rem; }
        @media (max-width: 30rem) {
          main { padding: 1.2rem .9rem 2rem; }
          dl { grid-template-columns: 1fr; } dd { grid-column: 1; margin-bottom: .3rem; }
        }
        @media print {
          @page { size: A4; margin: 18mm 16mm; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid; } dl { break-inside: avoid; }
          article { break-before: page; }
          nav a, .top a { color: var(--ink); text-decoration: none; } .top { display: none; }
        }
        """
}
