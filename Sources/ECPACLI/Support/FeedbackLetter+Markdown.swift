import ECPACore
import ECPAUseCases
import Foundation

/// A feedback letter as Markdown (HTML: FeedbackLetter+HTML.swift). Every text from people goes
/// through `Markdown.text` or `Markdown.table`.
extension FeedbackLetter {
    /// A mean as the letter prints it: two decimals, or a dash where nobody scored.
    static func meanText(_ mean: Decimal?) -> String { mean.map { fixed($0, places: 2) } ?? "-" }

    /// The criteria table's header and rows, for both formats.
    var criteriaHeader: [String] { ["Criterion", "Weight", "This entry's mean", "The edition's mean"] }
    var criteriaRows: [[String]] {
        criteria.map { [$0.name, Values.text($0.weight), Self.meanText($0.entryMean), Self.meanText($0.editionMean)] }
    }

    /// The opening lines: who the letter is for and which edition.
    var opening: String {
        "This letter tells \(countryPossessive) national representative how the entry \"\(title)\" fared in the \(edition.year) European Crime Prevention Award (\(edition.theme); \(host))."
    }

    var markdown: String {
        var out = "# Feedback on \(Markdown.text(countryPossessive)) entry to the \(edition.year) award\n\n"
        out += Markdown.text(opening) + "\n\n"
        out += "## Place\n\n" + Markdown.text(placeSentence) + "\n\n"
        if let overrideReason { out += Markdown.text("The jury set this place after its deliberation: \(overrideReason)") + "\n\n" }
        if medal != nil {
            out += "## The jury's reasons\n\n"
            out += Markdown.text(reasons ?? "The jury's reasons for this medal are not recorded.") + "\n\n"
        }
        out += "## Scores by criterion\n\n" + Markdown.text(Self.meansSentence) + "\n\n"
        out += Markdown.table(criteriaHeader, criteriaRows) + "\n"
        out += "## The jurors' comments\n\n" + Markdown.text(Self.commentsSentence) + "\n\n"
        if comments.isEmpty {
            out += "The jurors wrote no comments on this entry.\n"
        } else {
            out += comments.map { "- " + Markdown.text("\($0.criterion): \($0.text)") }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
