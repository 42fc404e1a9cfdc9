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
}
