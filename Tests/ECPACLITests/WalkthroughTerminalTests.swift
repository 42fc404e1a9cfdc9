import ECPACore
import ECPATestSupport
import Foundation
import Testing

/// The entry walkthrough at a real terminal (a pseudo-terminal running the built `ecpa`), as a
/// national representative meets it: every answer kept, Ctrl-C and going on, each field checked as
/// it is answered, a long description kept, an additional entry blank, and a receipt.
@Suite(.serialized) struct WalkthroughTerminalTests {
    let cli: CLIHarness
    let own: String
    let role: String

    init() throws {
        cli = try CLIHarness()
        try cli.openEdition()
        let (role, password) = try cli.representative("FI")
        self.role = role
        own = "\(cli.database.conninfo) user=\(role) password='\(password)'"
        // The person's editor: keeps a copy of what it was given; writes a 650-word description when
        // ECPA_TEST_LONG is set, shortens one it is given back with the word count on top, and
        // otherwise adds a short answer.
        let editor = try cli.file(
            "editor.sh",
            """
            #!/bin/sh
            dir=$(dirname "$0")
            n=$(ls "$dir" | grep -c '^given-')
            cp "$1" "$dir/given-$n.txt"
            if grep -q '^# YOUR DESCRIPTION HAS' "$1"; then
              grep -v '^#' "$1" | tr -s ' \\n' '\\n\\n' | grep . | head -n 20 | tr '\\n' ' ' > "$1.new" && mv "$1.new" "$1"
            elif grep -q '^# Description:' "$1" && [ -n "$ECPA_TEST_LONG" ]; then
              yes word | head -n 650 | tr '\\n' ' ' >> "$1"
            else
              echo "An answer for the jury." >> "$1"
            fi

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
    }

    private var draft: URL { cli.folder.appendingPathComponent("entry-fi-2018.toml") }

    private func walkthrough(_ arguments: [String] = [], long: Bool = false) throws -> TerminalSession {
        let editor = cli.folder.appendingPathComponent("editor.sh").path
        var environment = ["EDITOR": editor, "VISUAL": ""]
        if long { environment["ECPA_TEST_LONG"] = "1" }
        return try TerminalSession(["entry", "submit", "--db", own] + arguments, environment: environment, directory: cli.folder)
    }

    /// Waits for a field's question: its guidance, then the prompt with the current answer.
    @discardableResult
    private func asked(_ terminal: TerminalSession, _ field: EntryField, current: String? = nil) throws -> String {
        try terminal.expect("\(field.label): \(field.guidance)\n\(field.label)\(current.map { " [\($0)]" } ?? ""): ")
    }

    private func answerTheStart(_ terminal: TerminalSession, title: String = "Night Walkers of Vantaa") throws {
        try asked(terminal, .country, current: "FI")
        terminal.type("")
        try asked(terminal, .kind, current: "competing")
        terminal.type("")
        try asked(terminal, .title)
        terminal.type(title)
        try asked(terminal, .contactName)
        terminal.type("Mikko Virtanen")
    }

    /// From the organisation on, with the editor answering the long questions.
    private func answerTheRest(_ terminal: TerminalSession) throws {
        try asked(terminal, .contactOrganisation)
        terminal.type("Police of Eastern Uusimaa")
        try asked(terminal, .contactEmail)
        terminal.type("mikko.virtanen@example.fi")
        try asked(terminal, .contactPhone)
        terminal.type("")
        try asked(terminal, .startDate)
        terminal.type("2015-03-01")
        try asked(terminal, .stillRunning)
        terminal.type("yes")
        try asked(terminal, .links)
        terminal.type("")
    }

    /// Ctrl-C keeps every answer given and says how to go on; --resume asks only what is left, and
    /// the submission's receipt carries the SHA-256 that entry show prints.
    @Test func ctrlCKeepsTheAnswersAndResumeGoesOnToTheReceipt() throws {
        let first = try walkthrough()
        try answerTheStart(first)
        try asked(first, .contactOrganisation)
        first.interrupt()
        try first.expect("Your answers so far are saved in entry-fi-2018.toml; nothing was submitted.")
        try first.expect("To go on where you stopped: ecpa entry submit --resume entry-fi-2018.toml")
        #expect(try first.wait() == 130)
        let saved = try String(contentsOf: draft, encoding: .utf8)
        #expect(saved.contains("title = \"Night Walkers of Vantaa\""))
        #expect(saved.contains("name = \"Mikko Virtanen\""))
        #expect(try cli.count("entries") == 0)

        let second = try walkthrough(["--resume", "entry-fi-2018.toml"])
        try second.expect("Going on with the answers saved in entry-fi-2018.toml")
        try answerTheRest(second)
        try second.expect("Description: 5 of 600 words.")
        try second.expect("Submit this entry now? [y/N] ")
        second.type("y")
        try second.expect("Submitted entry 1 \"Night Walkers of Vantaa\" for Finland (competing) in the 2018 edition at ")
        try second.expect("Receipt (keep it):\n  Entry:    1\n  Country:  Finland (FI)\n  Kind:     competing\n  Received: ")
        try second.expect("SHA-256:  ")
        let hash = try second.expect("\n").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try second.wait() == 0)
        #expect(!second.transcript.contains(EntryField.title.guidance), "the title was asked again:\n\(second.transcript)")
        #expect(hash.count == 64)

        let shown = cli.run(["entry", "show", "1", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        #expect(object?["sha256"] as? String == hash)
        #expect(object?["title"] as? String == "Night Walkers of Vantaa")
        #expect(cli.run(["entry", "show", "1"]).output.contains("sha256:               \(hash)\n"))
    }

    /// An empty title is refused at once, and the title is asked again before anything else.
    @Test func anEmptyRequiredFieldIsAskedAgainAtOnce() throws {
        let terminal = try walkthrough()
        try asked(terminal, .country, current: "FI")
        terminal.type("")
        try asked(terminal, .kind, current: "competing")
        terminal.type("")
        try asked(terminal, .title)
        terminal.type("")
        try terminal.expect("Title is required. Try again.\n")
        let between = try asked(terminal, .title)
        #expect(!between.contains(EntryField.contactName.label), "another question came first:\n\(between)")
        terminal.type("Safe at home")
        try asked(terminal, .contactName)
        terminal.interrupt()
        #expect(try terminal.wait() == 130)
        #expect(try String(contentsOf: draft, encoding: .utf8).contains("title = \"Safe at home\""))
    }

    /// A description over the limit opens again in the editor with the person's own text and its
    /// word count at the top; what they shorten it to is what is kept.
    @Test func anOverLongDescriptionIsKeptAndReopened() throws {
        let terminal = try walkthrough(long: true)
        try answerTheStart(terminal)
        try answerTheRest(terminal)
        try terminal.expect("Description: 650 of 600 words.")
        try terminal.expect("Description has 650 words; the limit is 600. Try again.")
        try terminal.expect("Description: 20 of 600 words.")
        try terminal.expect("Submit this entry now? [y/N] ")
        terminal.type("n")
        try terminal.expect("Not submitted. When you are ready: ecpa entry submit entry-fi-2018.toml")
        #expect(try terminal.wait() == 0)

        let reopened = try String(contentsOf: cli.folder.appendingPathComponent("given-1.txt"), encoding: .utf8)
        #expect(reopened.hasPrefix("# YOUR DESCRIPTION HAS 650 WORDS; THE LIMIT IS 600."), "\(reopened)")
        let text = reopened.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(WordCount.count(text) == 650)
        #expect(text.split(separator: " ").allSatisfy { $0 == "word" })
        let (form, _) = EntryFile.parse(try String(contentsOf: draft, encoding: .utf8))
        #expect(WordCount.count(form.description ?? "") == 20)
        #expect(try cli.count("entries") == 0)
    }

    /// With a competing entry sent, an additional entry starts blank: no answer of the competing
    /// entry is offered.
    @Test func anAdditionalEntryStartsBlank() throws {
        let file = try cli.file("fi.toml", EntryCommandTests.entryFile(country: "FI", title: "The Forssa approach"))
        try cli.expectSuccess(["entry", "submit", file, "--as", role])
        let terminal = try walkthrough()
        try asked(terminal, .country, current: "FI")
        terminal.type("")
        try asked(terminal, .kind, current: "competing")
        terminal.type("additional")
        try asked(terminal, .title)
        terminal.type("Safe Way Home")
        try asked(terminal, .contactName)
        terminal.interrupt()
        #expect(try terminal.wait() == 130)
        #expect(!terminal.transcript.contains("The Forssa approach"))
        #expect(!terminal.transcript.contains("Starting from your country's"))
        let (form, _) = EntryFile.parse(try String(contentsOf: draft, encoding: .utf8))
        #expect(form.kind == .additional)
        #expect(form.title == "Safe Way Home")
        #expect(form.contact.name == nil && form.description == nil && form.startDate == nil)
    }

    /// Running the walkthrough again in the same folder goes on with the unfinished draft too.
    @Test func runningAgainGoesOnWithTheUnfinishedDraft() throws {
        let first = try walkthrough()
        try answerTheStart(first)
        try asked(first, .contactOrganisation)
        first.interrupt()
        #expect(try first.wait() == 130)
        let again = try walkthrough()
        try again.expect("Going on with the answers saved in entry-fi-2018.toml")
        try asked(again, .contactOrganisation)
        again.interrupt()
        #expect(try again.wait() == 130)
        #expect(!again.transcript.contains(EntryField.title.guidance))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("entry-fi-2018-2.toml").path))
    }
}
