import ECPATestSupport
import Foundation
import Testing

/// What a person sees at a real terminal (a pseudo-terminal running the built `ecpa`): prompts
/// that do not echo secrets, and Ctrl-C leaving nothing behind.
@Suite(.serialized) struct TerminalTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func representative() throws -> (role: String, conninfo: String) {
        let role = TestDatabase.uniqueName("fi_rep")
        try cli.expectSuccess(
            ["user", "add", role, "--kind", "national-representative", "--country", "FI", "--name", "Anna", "--password-file", "-"],
            input: "first password from the secretariat\n")
        return (role, "\(cli.database.conninfo) user=\(role) password='first password from the secretariat'")
    }

    /// The new password is asked twice without echo, and works afterwards.
    @Test func aPasswordIsAskedTwiceWithoutEcho() throws {
        let (role, own) = try representative()
        let terminal = try TerminalSession(["user", "password", "--db", own])
        try terminal.expect("Password for \(role): ")
        terminal.type("typed at the terminal")
        try terminal.expect("Repeat the password: ")
        terminal.type("typed at the terminal")
        try terminal.expect("is changed")
        #expect(try terminal.wait() == 0)
        #expect(!terminal.transcript.contains("typed at the terminal"))
        _ = try cli.database.connect(role: role, password: "typed at the terminal")
    }

    /// Ctrl-C at the prompt ends the command with the usual status, and the password is unchanged.
    @Test func ctrlCAtThePromptChangesNothing() throws {
        let (role, own) = try representative()
        let terminal = try TerminalSession(["user", "password", "--db", own])
        try terminal.expect("Password for \(role): ")
        terminal.interrupt()
        #expect(try terminal.wait() == 130)
        _ = try cli.database.connect(role: role, password: "first password from the secretariat")
    }

    /// A juror in conflict with an entry is refused by PostgreSQL before the first value is asked.
    @Test func scoringAConflictedEntryIsRefusedBeforeAnyValue() throws {
        let scoring = try ScoringTests()
        let (_, finnish) = try scoring.prepare()
        let own = "\(scoring.cli.database.conninfo) user=\(finnish.role) password='\(finnish.password)'"
        let terminal = try TerminalSession(["score", "enter", "--entry", "1", "--db", own])
        try terminal.expect("is from FI, the country of entry 1 \"Project of FI\", and does not score it")
        #expect(try terminal.wait() == 5)
        #expect(!terminal.transcript.contains("Focus on everyday crime"))
        #expect(try scoring.cli.count("scores") == 0)
    }

    /// A juror who may score sees the entry's number, country and title, and can read it first.
    @Test func theScoringPromptNamesTheEntryAndShowsItOnRequest() throws {
        let scoring = try ScoringTests()
        let (austrian, _) = try scoring.prepare()
        let own = "\(scoring.cli.database.conninfo) user=\(austrian.role) password='\(austrian.password)'"
        let terminal = try TerminalSession(["score", "enter", "--entry", "2", "--db", own], environment: ["PAGER": "cat"])
        try terminal.expect("Entry 2, Lithuania: \"Project of LT\"")
        try terminal.expect("(0 to 10 in steps of 1, weight 1): ")
        terminal.type("?")
        try terminal.expect("Entry 2 · Lithuania (LT) · competing · eligible")
        try terminal.expect("(0 to 10 in steps of 1, weight 1): ")
        terminal.interrupt()
        #expect(try terminal.wait() == 130)
        #expect(try scoring.cli.count("scores") == 0)
    }
}
