import Foundation
import Testing
import ECPACore

@Suite("Writing entry files and the template")
struct EntryFormFileTests {
    @Test("The untouched template reads without mistakes and asks only for the required answers")
    func untouchedTemplate() {
        let text = EntryTemplate.text(edition: 2024, country: Fixtures.code("be"))
        let (form, problems) = EntryFile.parse(text)
        #expect(problems == [])
        #expect(form == EntryForm(edition: 2024, country: Fixtures.code("BE")))
        let rules = EntryFile.validate(text).problems
        #expect(rules.allSatisfy { $0.message.hasPrefix("is required") })
        #expect(
            rules.compactMap(\.field) == [
                "kind", "title", "start_date", "still_running", "description",
                "contact.name", "contact.email",
            ])
        #expect(rules.allSatisfy { $0.line != nil }, "every field is in the file, so every problem has a line")
    }

    @Test("The template without edition or country is still a valid file")
    func blankTemplate() {
        let (form, problems) = EntryFile.parse(EntryTemplate.text(edition: nil, country: nil))
        #expect(problems == [])
        #expect(form == EntryForm())
    }

    @Test("The template says what the jury expects and how to check and submit the file")
    func templateGuidance() {
        let text = EntryTemplate.text(edition: 2024, country: nil)
        for phrase in [
            "ecpa entry validate FILE", "ecpa entry submit FILE", "600 words", "the 2024 edition",
            "Criterion 1", "criterion 2", "criterion 3", "criterion 4", "criterion 5", "Target group",
            "Evaluation method", "Evaluation results", "Costs and funding", "judges ONLY what is written",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        for field in EntryField.allCases {
            #expect(text.contains("\n\(field.keyInTable) = "), "no line for \(field.key)")
        }
        #expect(!text.split(separator: "\n").contains { $0.count > 110 }, "lines stay readable")
    }

    static let trickyTexts: [String] = [
        "Šiauliai District Discovers a Security Formula",
        "My neighbour is the policeman!",
        "She said \"stop\" and left",
        "ends with a quote\"",
        "ends with two quotes\"\"",
        "three \"\"\" quotes and four \"\"\"\" and five \"\"\"\"\"",
        "\"\"\"",
        "back\\slash at end\\",
        "C:\\temp\\new",
        "a \\\n line-ending backslash",
        "\nstarts with a newline",
        "ends with a newline\n",
        "tab\tand\r\ncarriage return and lone \r and form\u{0C}feed",
        "controls \u{01}\u{1B}\u{7F} and null \u{00}",
        "emoji 👮‍♀️ and combining é (e\u{0301})",
        "'single' ''' quotes",
        "# not a comment",
        "key = \"value\"\n[contact]\nname = \"x\"",
        "   ",
    ]

    @Test("Any text survives being written to a file and read back", arguments: trickyTexts)
    func textRoundTrip(text: String) {
        var form = Fixtures.forssa
        form.title = text
        form.description = text
        form.contact.phone = text
        form.links = [text, "https://x.eu"]
        let file = EntryFile.parse(form.tomlText)
        #expect(file.problems == [])
        #expect(file.form == form)
    }

    @Test(
        "Whole forms survive being written and read back",
        arguments: [
            Fixtures.forssa,
            EntryForm(),
            EntryForm(
                edition: 2018, country: Fixtures.code("LT"), kind: .additional, title: "Šiauliai",
                stillRunning: true, links: ["https://a.lt"]),
            EntryForm(
                contact: Contact(email: "a@b.lt"), startDate: Fixtures.day("2024-02-29"), stillRunning: false,
                endDate: Fixtures.day("2024-03-01"), links: ["https://a.lt", "https://b.lt", "https://c.lt"],
                partners: "\"\"\"\n'''"),
        ])
    func formRoundTrip(form: EntryForm) {
        let file = EntryFile.parse(form.tomlText)
        #expect(file.problems == [])
        #expect(file.form == form)
    }

    @Test("Long answers are written over several lines, as a person would type them")
    func readableOutput() {
        var form = Fixtures.forssa
        form.description = "First paragraph.\n\nSecond paragraph with \"quotes\"."
        #expect(form.tomlText.contains("description = \"\"\"\nFirst paragraph.\n\nSecond paragraph with \"quotes\".\"\"\""))
        #expect(form.tomlText.contains("title = \"The Forssa approach: mediation of polarisation and inter-group conflicts\""))
        #expect(form.tomlText.contains("start_date = 2016-01-01\n"))
        #expect(form.tomlText.contains("still_running = false\n"))
    }

    @Test("An empty string is stored as not given")
    func emptyStrings() {
        let form = EntryForm(title: "", contact: Contact(name: ""), description: "")
        #expect(form.title == nil)
        #expect(form.contact.name == nil)
        #expect(form.description == nil)
    }

    @Test("JSON uses snake_case keys and reads back the same form")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Fixtures.forssa)
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"start_date\":\"2016-01-01\"", "\"still_running\":false", "\"target_group\"", "\"evaluation_method\"",
            "\"evaluation_results\"", "\"costs_funding\"", "\"country\":\"FI\"", "\"kind\":\"competing\"",
            "\"contact\":{",
        ] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(try JSONDecoder().decode(EntryForm.self, from: data) == Fixtures.forssa)
        let sparse = try JSONDecoder().decode(EntryForm.self, from: Data("{\"title\":\"\",\"edition\":2024}".utf8))
        #expect(sparse == EntryForm(edition: 2024))
    }
}
