import Foundation
import Testing
import ECPACore

@Suite("Reading entry files")
struct EntryFileTests {
    /// The messages as a person sees them.
    func shown(_ text: String) -> [String] {
        EntryFile.parse(text).problems.map(\.description)
    }

    @Test("A file with four different mistakes reports all four, each with its line")
    func fourMistakes() {
        let text = """
            country = "FI"
            kind = "competing"
            titel = "The Forssa approach"
            start_date = 2016-02-30
            still_running = yes
            description = "Mediation between groups
            [contact]
            name = "Anna Virtanen"
            """
        #expect(
            shown(text) == [
                "line 3, titel: is not a field of the entry form; did you mean title?",
                "line 4, start_date: 2016-02-30 is not a day that exists.",
                "line 5, still_running: must be true or false.",
                "line 6, description: has text whose closing \" is missing; for text over several lines use triple quotes \"\"\".",
            ])
        // Reading went on after each mistake.
        #expect(EntryFile.parse(text).form.contact.name == "Anna Virtanen")
        #expect(EntryFile.parse(text).form.kind == .competing)
    }

    @Test(
        "Syntax mistakes are named with their line and field",
        arguments: [
            ("title = \"Safe\" extra", "line 1, title: has more text after its value; put a # before a comment, or text inside the quotes."),
            ("title \"Safe\"", "line 1, title: must be followed by = and a value, such as title = \"Safe at home\"."),
            ("title =", "line 1, title: has no value after =; write \"\" to leave it empty."),
            ("title = Safe at home # ok", "line 1, title: must be text in double quotes, e.g. title = \"Safe at home\"."),
            ("title = \"a\"\ntitle = \"b\"", "line 2, title: is given twice; the first is on line 1."),
            ("= \"x\"", "line 1: expected a field name and a value, such as title = \"Safe at home\"."),
            ("description = \"\"\"\nnever closed", "line 1, description: has text opened with \"\"\" that is never closed with \"\"\"."),
            ("title = \"C:\\dir\"", "line 1, title: has \\d, which is not a known escape; write \\\\ for a backslash."),
            ("title = \"\\u12\"", "line 1, title: has \\u without 4 hexadecimal digits naming a character; write \\\\ for a backslash."),
            ("links = [\"https://a.eu\" \"https://b.eu\"]", "line 1, links: has a list that needs a comma between its items and a ] at its end."),
            ("links = [\"https://a.eu\",", "line 1, links: has a list opened with [ that is never closed with ]."),
            ("[project]\ntitle = \"x\"", "line 1: there is no [project] section; the only section is [contact]."),
            ("[contact]\n[contact]", "line 2: the [contact] section appears twice; the first is on line 1."),
            ("[[contact]]", "line 1: arrays of tables ([[...]]) are not supported; the only section is [contact]."),
            ("contact = { name = \"A\" }", "line 1, contact: inline tables { ... } are not supported; write the contact details under [contact]."),
            ("contact = \"Anna\"", "line 1, contact: is a section: write the contact details under [contact], as in the template."),
            (
                "[contact]\ntitle = \"x\"",
                "line 2, contact.title: title belongs above [contact]: everything after [contact] is read as contact details."
            ),
            ("[contact]\nemial = \"a@b.eu\"", "line 2, contact.emial: is not a field of the entry form; did you mean email?"),
            ("budget = 5", "line 1, budget: is not a field of the entry form; `ecpa entry template` shows the fields."),
        ])
    func syntaxMistakes(text: String, message: String) {
        #expect(shown(text) == [message])
    }

    @Test(
        "Wrong kinds of value are explained per field",
        arguments: [
            ("edition = \"next year\"", "line 1, edition: must be a year such as 2024."),
            ("country = \"Norge\"", "line 1, country: must be a two-letter country code such as \"BE\"."),
            ("country = BE", "line 1, country: must be in double quotes, e.g. country = \"BE\"."),
            ("kind = \"winner\"", "line 1, kind: must be \"competing\" or \"additional\"."),
            ("kind = competing", "line 1, kind: must be in double quotes: kind = \"competing\" or kind = \"additional\"."),
            ("title = 42", "line 1, title: must be text in double quotes."),
            ("title = Forssa", "line 1, title: must be text in double quotes, e.g. title = \"Forssa\"."),
            ("start_date = 30/06/2019", "line 1, start_date: must be a date such as 2019-06-30."),
            ("start_date = \"June 2019\"", "line 1, start_date: must be a date such as 2019-06-30."),
            ("end_date = 2019-06-31", "line 1, end_date: 2019-06-31 is not a day that exists."),
            ("end_date = 2019-06-30T12:00", "line 1, end_date: must be a date such as 2019-06-30."),
            ("still_running = 1", "line 1, still_running: must be true or false."),
            ("links = 5", "line 1, links: must be a list of web addresses, e.g. [\"https://example.org\"]."),
            ("links = [1, 2]", "line 1, links: must list each web address in double quotes, e.g. [\"https://example.org\"]."),
        ])
    func typeMistakes(text: String, message: String) {
        #expect(shown(text) == [message])
    }

    @Test("The documented TOML subset reads as TOML defines it")
    func supportedSyntax() {
        let text = """
            # a comment line
            edition = 2_018   # a comment after a value
            "country" = 'FI'
            kind = "competing"
            title = "Tab\\there, quote \\", backslash \\\\, e \\u00E9, police \\U0001F46E"
            contact.email = "anna@example.fi"
            start_date = 2016-01-01
            still_running = false
            end_date = "2018-06-30"
            links = [
                "https://a.example",  # first
                'https://b.example',
            ]
            description = \"\"\"
            First line with "quotes" and ""two"".
              Indented \\
                joined.\"\"\"
            objectives = '''
            C:\\raw\\path '' kept'''
            [contact]
            name = "Anna"
            """
        let (form, problems) = EntryFile.parse(text)
        #expect(problems == [])
        #expect(form.edition == 2018)
        #expect(form.country == Fixtures.code("FI"))
        #expect(form.title == "Tab\there, quote \", backslash \\, e é, police 👮")
        #expect(form.contact.email == "anna@example.fi")
        #expect(form.contact.name == "Anna")
        #expect(form.stillRunning == false)
        #expect(form.endDate == Fixtures.day("2018-06-30"))
        #expect(form.links == ["https://a.example", "https://b.example"])
        #expect(form.description == "First line with \"quotes\" and \"\"two\"\".\n  Indented joined.")
        #expect(form.objectives == "C:\\raw\\path '' kept")
    }

    @Test("Windows line endings are read like Unix ones")
    func crlf() {
        let text = "title = \"A\"\r\ndescription = \"\"\"\r\none\r\ntwo\"\"\"\r\nkind = \"bad\"\r\n"
        let (form, problems) = EntryFile.parse(text)
        #expect(form.title == "A")
        #expect(form.description == "one\ntwo")
        #expect(problems.map(\.description) == ["line 5, kind: must be \"competing\" or \"additional\"."])
    }

    @Test("People may write the country by name, Greece as EL, yes/no, and a single link as text")
    func forgivingValues() {
        let text = """
            country = "Lithuania"
            still_running = "yes"
            links = "https://siauliai.example"
            """
        let form = EntryFile.parse(text).form
        #expect(form.country == Fixtures.code("LT"))
        #expect(form.stillRunning == true)
        #expect(form.links == ["https://siauliai.example"])
        #expect(EntryFile.parse("country = \"EL\"").form.country == Fixtures.code("GR"))
    }

    @Test("An empty answer is no answer")
    func emptyIsNotGiven() {
        let (form, problems) = EntryFile.parse("title = \"\"\nstart_date = \"\"\nstill_running = \"\"\nedition = \"\"\nlinks = []")
        #expect(problems.isEmpty)
        #expect(form == EntryForm())
    }

    @Test("Each field's line is kept so rule problems can point into the file")
    func lines() {
        let file = EntryFile(parsing: "\n\ntitle = \"A\"\n[contact]\n\nemail = \"x\"")
        #expect(file.lines["title"] == 3)
        #expect(file.lines["contact.email"] == 6)
    }

    @Test("Checking a file reports reading and rule problems together, sorted by line, a field once")
    func validateTogether() {
        let text = """
            country = "FI"
            kind = "additional"
            title = "Forssa"
            start_date = 2019-13-01
            still_running = true
            end_date = 2019-01-01
            description = "Mediation."
            [contact]
            name = "Anna"
            email = "anna at example.fi"
            """
        #expect(
            EntryFile.validate(text).problems.map(\.description) == [
                "line 4, start_date: 2019-13-01 is not a day that exists.",
                "line 6, end_date: must be left empty (\"\") while the project is still running.",
                "line 10, contact.email: \"anna at example.fi\" does not look like an e-mail address such as name@example.org.",
            ])
    }

    @Test("A problem without a line or a field still reads as a sentence")
    func problemDescriptions() {
        #expect(EntryProblem(field: "title", line: nil, message: "is required.").description == "title: is required.")
        #expect(EntryProblem(field: nil, line: 3, message: "oops.").description == "line 3: oops.")
        #expect(
            EntryProblem(field: "end_date", line: 12, message: "must be a date such as 2019-06-30.").description
                == "line 12, end_date: must be a date such as 2019-06-30.")
    }
}
