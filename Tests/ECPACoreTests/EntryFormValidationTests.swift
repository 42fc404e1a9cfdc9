import Foundation
import Testing
import ECPACore

@Suite("Entry form rules (Annex I)")
struct EntryFormValidationTests {
    /// One broken rule per row: a change to the valid Forssa entry and the problem it must cause.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout EntryForm) -> Void
        let problem: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "country missing", change: { $0.country = nil }, problem: "country: is required."),
        Case(
            name: "country unknown", change: { $0.country = Fixtures.code("US") },
            problem: "country: US is not an EU member state; use the two-letter code of one, such as \"BE\"."),
        Case(
            name: "United Kingdom after Brexit",
            change: {
                $0.country = Fixtures.code("GB"); $0.edition = 2020
            },
            problem: "country: United Kingdom (GB) is no longer an EU member state and can only appear in editions up to 2019."),
        Case(
            name: "edition before the award", change: { $0.edition = 1996 },
            problem: "edition: must be a year from 1997, when the award began, e.g. 2024."),
        Case(name: "kind missing", change: { $0.kind = nil }, problem: "kind: is required: \"competing\" or \"additional\"."),
        Case(name: "title missing", change: { $0.title = nil }, problem: "title: is required."),
        Case(name: "title blank", change: { $0.title = "   " }, problem: "title: is required."),
        Case(
            name: "title too long", change: { $0.title = String(repeating: "Š", count: 251) },
            problem: "title: has 251 characters; the limit is 250."),
        Case(name: "contact name missing", change: { $0.contact.name = nil }, problem: "contact.name: is required."),
        Case(name: "contact e-mail missing", change: { $0.contact.email = nil }, problem: "contact.email: is required."),
        Case(
            name: "contact e-mail malformed", change: { $0.contact.email = "anna@localhost" },
            problem: "contact.email: \"anna@localhost\" does not look like an e-mail address such as name@example.org."),
        Case(name: "start date missing", change: { $0.startDate = nil }, problem: "start_date: is required."),
        Case(name: "still running missing", change: { $0.stillRunning = nil }, problem: "still_running: is required: true or false."),
        Case(
            name: "ended without end date", change: { $0.endDate = nil },
            problem: "end_date: is required when the project is no longer running."),
        Case(
            name: "running with an end date", change: { $0.stillRunning = true },
            problem: "end_date: must be left empty (\"\") while the project is still running."),
        Case(
            name: "ended before it started", change: { $0.endDate = Fixtures.day("2015-12-31") },
            problem: "end_date: 2015-12-31 is before the start date 2016-01-01."),
        Case(
            name: "started after its edition",
            change: {
                $0.startDate = Fixtures.day("2099-01-01"); $0.stillRunning = true; $0.endDate = nil
            },
            problem:
                "start_date: 2099-01-01 is after the 2018 edition; give the day the project started (an entry describes a project that has begun)."),
        Case(
            name: "ended after its edition", change: { $0.endDate = Fixtures.day("2019-01-31") },
            problem:
                "end_date: 2019-01-31 is after the 2018 edition, but still_running = false says the project has ended; give the day it ended, or write still_running = true and end_date = \"\"."
        ),
        Case(
            name: "answer over its limit", change: { $0.partners = String(repeating: "p", count: 10_001) },
            problem: "partners: has 10,001 characters; the limit is 10,000."),
        Case(
            name: "link without scheme", change: { $0.links = ["www.forssa.fi"] },
            problem: "links: the link \"www.forssa.fi\" must be a web address starting with https:// or http://."),
        Case(
            name: "second link not web", change: { $0.links = ["https://forssa.fi", "ftp://forssa.fi/report.pdf"] },
            problem: "links: link 2 \"ftp://forssa.fi/report.pdf\" must be a web address starting with https:// or http://."),
        Case(name: "description missing", change: { $0.description = nil }, problem: "description: is required."),
        Case(
            name: "description over 600 words", change: { $0.description = Fixtures.words(642) },
            problem: "description: has 642 words; the limit is 600."),
        Case(
            name: "competing without evaluation", change: { $0.evaluationMethod = nil },
            problem: "evaluation_method: is required for a competing entry."),
        Case(
            name: "competing without costs", change: { $0.costsFunding = "\n\n" },
            problem: "costs_funding: is required for a competing entry."),
    ]

    @Test("The Forssa entry breaks no rule")
    func validEntry() {
        #expect(Fixtures.forssa.validate() == [])
    }

    @Test("Each broken rule is reported with a plain message", arguments: cases)
    func brokenRule(_ example: Case) {
        var form = Fixtures.forssa
        example.change(&form)
        #expect(form.validate().map(\.description) == [example.problem])
    }

    @Test("Every problem has a stable code, and a message that says it is required exactly when its kind is")
    func codes() throws {
        for example in Self.cases {
            var form = Fixtures.forssa
            example.change(&form)
            let problem = try #require(form.validate().first)
            #expect(problem.code == "entry.\(problem.field ?? "file").\(problem.kind.rawValue)")
            #expect(problem.message.hasPrefix("is required") == (problem.kind == .required), "\(example.name)")
        }
        var form = Fixtures.forssa
        form.title = nil
        form.description = Fixtures.words(601)
        form.contact.name = "Anna\u{1B}[2J"
        #expect(Set(form.validate().map(\.code)) == ["entry.title.required", "entry.contact.name.control_character", "entry.description.too_long"])
        let unreadable = EntryFile.parse("title = \n")
        #expect(!unreadable.problems.isEmpty)
        #expect(unreadable.problems.map(\.code).allSatisfy { $0.hasSuffix(".unreadable") })
    }

    @Test(
        "Boundaries that are still fine",
        arguments: [
            Case(name: "exactly 600 words", change: { $0.description = Fixtures.words(600) }, problem: ""),
            Case(name: "exactly 250 characters", change: { $0.title = String(repeating: "x", count: 250) }, problem: ""),
            Case(name: "ends the day it starts", change: { $0.endDate = $0.startDate }, problem: ""),
            Case(
                name: "running, no end date",
                change: {
                    $0.stillRunning = true; $0.endDate = nil
                }, problem: ""),
            Case(name: "no links at all", change: { $0.links = [] }, problem: ""),
            Case(name: "http and odd-case https", change: { $0.links = ["http://forssa.fi", "HTTPS://x.eu:8443/a?b#c"] }, problem: ""),
            Case(
                name: "no phone or organisation",
                change: {
                    $0.contact.phone = nil; $0.contact.organisation = nil
                }, problem: ""),
            Case(name: "United Kingdom in 2018", change: { $0.country = Fixtures.code("GB") }, problem: ""),
            Case(name: "edition not given", change: { $0.edition = nil }, problem: ""),
            Case(name: "ended in its edition's year", change: { $0.endDate = Fixtures.day("2018-12-31") }, problem: ""),
            Case(
                name: "dates after an edition year not given",
                change: {
                    $0.edition = nil; $0.endDate = Fixtures.day("2099-01-01")
                }, problem: ""),
        ])
    func stillValid(_ example: Case) {
        var form = Fixtures.forssa
        example.change(&form)
        #expect(form.validate() == [])
    }

    @Test("An additional entry needs only the description among the questions")
    func additionalEntry() {
        var form = Fixtures.forssa
        form.kind = .additional
        form.objectives = nil
        form.targetGroup = nil
        form.evaluationMethod = nil
        form.evaluationResults = nil
        form.innovation = nil
        form.partners = nil
        form.transferability = nil
        form.costsFunding = nil
        #expect(form.validate() == [])
        form.description = nil
        #expect(form.validate().map(\.description) == ["description: is required."])
    }

    @Test("Every problem is collected, in the template's order, never just the first")
    func everyProblem() {
        let form = EntryForm(kind: .competing, stillRunning: false)
        #expect(
            form.validate().compactMap(\.field) == [
                "country", "title", "contact.name", "contact.email", "start_date", "end_date", "description",
                "objectives", "target_group", "evaluation_method", "evaluation_results", "innovation", "partners",
                "transferability", "costs_funding",
            ])
    }

    @Test("Problems carry the line of their field when given")
    func problemLines() {
        var form = Fixtures.forssa
        form.title = nil
        #expect(form.validate(lines: ["title": 12]) == [EntryProblem(field: "title", line: 12, message: "is required.", kind: .required)])
    }

    @Test("A file with rule problems is reported by line")
    func fileOrder() {
        var form = Fixtures.forssa
        form.description = Fixtures.words(601)
        form.contact.email = "nobody"
        let text = form.tomlText
        let problems = EntryFile.validate(text).problems
        #expect(problems.map(\.field) == ["description", "contact.email"])
        #expect(
            problems.map(\.message) == [
                "has 601 words; the limit is 600.",
                "\"nobody\" does not look like an e-mail address such as name@example.org.",
            ])
        let descriptionLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("description = ") }.map { $0 + 1 }
        #expect(problems.first?.line == descriptionLine)
    }
}

@Suite struct EntryFormControlCharacterTests {
    @Test func controlCharactersAreNamedWhereTheyAre() {
        var form = Fixtures.forssa
        form.title = "Harmless\u{1B}[2J"
        form.description = "Two lines,\nand a tab\tare fine."
        form.partners = "Police\u{07} and town"
        let problems = form.validate()
        #expect(problems.map(\.field) == ["title", "partners"])
        #expect(problems.first?.message == "contains the control character U+001B; remove it.")
    }
}
