import ECPACore
import ECPAUseCases
import Foundation

/// The booklet as one self-contained page (`HTMLPage`): one h1, an h2 per entry, an h3 per
/// question; on paper each entry starts a page.
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
        return HTMLPage.document(title: title, body: "<div class=\"booklet\">\(body)</div>")
    }
}
