import Foundation
import Testing

@testable import ECPACore

/// The text a submission receipt hashes, written out: every field in the template's order, one
/// `key = value` line each, values as in the entry file, `""` for no answer.
@Suite struct EntryReceiptTests {
    static let form = EntryForm(
        edition: 2030, country: CountryCode("FI"), kind: .competing, title: "Night \"Walkers\"",
        contact: Contact(name: "Mikko Virtanen", email: "mikko@example.fi"),
        startDate: CalendarDate(iso: "2021-03-01"), stillRunning: true, links: ["https://example.org/a"],
        description: "Two\nlines.")

    @Test func theReceiptTextIsEveryFieldInOrder() {
        #expect(
            Self.form.receiptText == """
                edition = 2030
                country = "FI"
                kind = "competing"
                title = "Night \\"Walkers\\""
                contact.name = "Mikko Virtanen"
                contact.organisation = ""
                contact.email = "mikko@example.fi"
                contact.phone = ""
                start_date = 2021-03-01
                still_running = true
                end_date = ""
                links = ["https://example.org/a"]
                description = \"\"\"
                Two
                lines.\"\"\"
                objectives = \"\"\"
                \"\"\"
                target_group = \"\"\"
                \"\"\"
                evaluation_method = \"\"\"
                \"\"\"
                evaluation_results = \"\"\"
                \"\"\"
                innovation = \"\"\"
                \"\"\"
                partners = \"\"\"
                \"\"\"
                transferability = \"\"\"
                \"\"\"
                costs_funding = \"\"\"
                \"\"\"

                """)
        #expect(Self.form.receiptDigest == SHA256.hex(Self.form.receiptText))
    }

    /// The file's comments and layout do not count: the same answers read back from the file give
    /// the same digest, and any changed answer a different one.
    @Test func onlyTheAnswersCount() {
        let (read, problems) = EntryFile.parse(Self.form.tomlText)
        #expect(problems.isEmpty)
        #expect(read.receiptDigest == Self.form.receiptDigest)
        var changed = Self.form
        changed.contact.phone = "+358 29 000 0000"
        #expect(changed.receiptDigest != Self.form.receiptDigest)
    }
}
