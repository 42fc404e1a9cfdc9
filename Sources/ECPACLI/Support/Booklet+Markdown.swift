import ECPACore
import ECPAUseCases
import Foundation

/// The booklet as Markdown: every text from people goes through `Markdown.text`.
extension Booklet {
    var markdown: String {
        var out = "# \(Markdown.text(title))\n\n"
        out += "European Crime Prevention Award · \(Markdown.text(editionLine))\n\n"
        out += "\(Markdown.text(introduction))\n\n"
        guard !items.isEmpty else { return out + "\(Markdown.text(emptySentence))\n" }
        out += "## Contents\n\n"
        for item in items {
            out += "- [\(Markdown.text(item.heading))](#\(item.anchor))\n"
        }
        for item in items {
            out += "\n<a id=\"\(item.anchor)\"></a>\n\n## \(Markdown.text(item.heading))\n\n"
            for fact in item.facts {
                if fact.values.count == 1 {
                    out += "- \(Markdown.text(fact.label)): \(Markdown.text(fact.values[0]))\n"
                } else {
                    out += "- \(Markdown.text(fact.label)):\n" + fact.values.map { "  - \(Markdown.text($0))\n" }.joined()
                }
            }
            for section in item.sections {
                out += "\n### \(Markdown.text(section.heading))\n\n"
                if section.paragraphs.isEmpty {
                    out += "\(Markdown.text(Booklet.notAnswered))\n"
                } else {
                    // Lines of a paragraph end in a backslash: a hard line break, as the country wrote it.
                    out += section.paragraphs.map { $0.map(Markdown.text).joined(separator: "\\\n") + "\n" }.joined(separator: "\n")
                }
            }
        }
        return out
    }
}
