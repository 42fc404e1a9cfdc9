import ECPACore
import ECPAUseCases
import Foundation

/// A feedback letter as one self-contained page (`HTMLPage`): one h1, headings in order, table
/// headers with their scope.
extension FeedbackLetter {
    var html: String {
        let e = HTML.text
        var body = "<header><p class=\"kicker\">European Crime Prevention Award</p>"
        body += "<h1>Feedback on \(e(countryPossessive)) entry to the \(edition.year) award</h1>"
        body += "<p>\(e(opening))</p></header>\n"
        body += "<section><h2>Place</h2><p class=\"place\(medal.map { " \($0.rawValue)" } ?? "")\">\(e(placeSentence))</p>"
        if let overrideReason { body += "<p>\(e("The jury set this place after its deliberation: \(overrideReason)"))</p>" }
        body += "</section>\n"
        if medal != nil {
            body +=
                "<section class=\"reasons\"><h2>The jury's reasons</h2>\(HTML.paragraphs(reasons ?? "The jury's reasons for this medal are not recorded."))</section>\n"
        }
        body += "<section><h2>Scores by criterion</h2><p>\(e(Self.meansSentence))</p>"
        body += HTMLPage.table(header: criteriaHeader, rows: criteriaRows, numeric: Set(1..<criteriaHeader.count), rowHeaders: true)
        body += "</section>\n"
        body += "<section><h2>The jurors' comments</h2><p>\(e(Self.commentsSentence))</p>"
        if comments.isEmpty {
            body += "<p>The jurors wrote no comments on this entry.</p>"
        } else {
            body += "<ul class=\"comments\">" + comments.map { "<li><strong>\(e($0.criterion)):</strong> \(e($0.text))</li>" }.joined() + "</ul>"
        }
        body += "</section>"
        return HTMLPage.document(title: "ECPA \(edition.year): feedback on \(countryPossessive) entry", body: body)
    }
}
