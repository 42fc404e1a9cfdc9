import ECPACore
import Foundation

/// An entry laid out for reading on a terminal: its facts at the top, then each answer of the
/// template under its heading, wrapped to the terminal's width between words, paragraphs kept.
enum EntryReading {
    /// The entry as text of at most `width` columns a line.
    static func text(_ entry: Entry, width: Int) -> String {
        let form = entry.form
        let width = max(20, width)
        let country = Country.named(entry.country)?.name ?? entry.country.rawValue
        var lines: [String] = []
        lines += Terminal.wrap(
            "Entry \(entry.id) · \(country) (\(entry.country.rawValue)) · \(entry.kind.rawValue) · \(entry.state.rawValue)", width: width)
        lines += Terminal.wrap(form.title ?? "(no title)", width: width)
        lines.append(String(repeating: "=", count: min(width, DisplayWidth.of(form.title ?? "(no title)"))))
        let contact = [form.contact.name, form.contact.organisation, form.contact.email, form.contact.phone].compactMap { $0 }
        if !contact.isEmpty { lines += Terminal.wrap("Contact: " + contact.joined(separator: ", "), width: width) }
        var period = form.startDate.map { "Started \($0.iso)" } ?? "No start date"
        if form.stillRunning == true { period += ", still running" }
        if let end = form.endDate { period += ", ended \(end.iso)" }
        lines += Terminal.wrap(period + ".", width: width)
        for link in form.links { lines += Terminal.wrap("Link: " + link, width: width) }
        for field in EntryField.allCases where field.isLongText {
            lines.append("")
            var heading = field.label.uppercased()
            if field == .description {
                heading += " (\(WordCount.count(form.description ?? "")) of \(WordCount.descriptionLimit) words)"
            }
            lines.append(heading)
            guard let answer = form.answer(field) else {
                lines.append("(not answered)")
                continue
            }
            for paragraph in answer.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += paragraph.isEmpty ? [""] : Terminal.wrap(String(paragraph), width: width)
            }
        }
        lines.append("")
        // The hash stays whole on its own line, to be compared with the receipt.
        lines += Terminal.wrap("SHA-256 of the text:", width: width)
        lines.append(form.receiptDigest)
        return lines.joined(separator: "\n") + "\n"
    }
}
