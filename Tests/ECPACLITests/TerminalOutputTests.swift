@testable import ECPACLI
import ECPATestSupport
import Foundation
import Testing

/// What a terminal shows and a pipe does not: colour for medals and refusals, tables fitted to
/// the terminal's width, "did you mean" for a mistyped command, and the demo's last line.
@Suite(.serialized) struct TerminalOutputTests {
    let cli: CLIHarness

    static let longTitle = "Neighbourhood safety walks with residents, police officers and youth workers"

    /// A ranked 2018 edition: entries from FI (with a long title), LT and HU, scored by one juror.
    init() throws {
        cli = try CLIHarness()
        try cli.openEdition()
        for (country, title) in [("FI", Self.longTitle), ("LT", "Security formula"), ("HU", "My neighbour is the policeman!")] {
            let (role, _) = try cli.representative(country)
            try cli.expectSuccess([
                "entry", "submit", try cli.file("\(country).toml", EntryCommandTests.entryFile(country: country, title: title)), "--as", role,
            ])
        }
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        let juror = TestDatabase.uniqueName("at_juror")
        try cli.expectSuccess(
            ["jury", "add", juror, "--country", "AT", "--name", "Juror AT", "--chair", "--password-file", "-"], input: "secret-\(juror)\n")
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        for (entry, value) in [(1, 9), (2, 8), (3, 7)] {
            let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] }
            try cli.expectSuccess(["score", "enter", "--entry", String(entry), "--as", juror] + criteria)
        }
    }

    /// `ecpa ARGUMENTS` on an 80-column terminal against the test database; returns what it showed.
    func onTerminal(_ arguments: [String], environment: [String: String] = ["NO_COLOR": ""]) throws -> (status: Int32, shown: String) {
        let terminal = try TerminalSession(
            arguments, environment: environment.merging(["ECPA_DATABASE_URL": cli.database.conninfo]) { given, _ in given })
        let status = try terminal.wait()
        return (status, terminal.transcript)
    }

    @Test func medalsAreColouredOnATerminal() throws {
        let (status, shown) = try onTerminal(["results", "rank"])
        #expect(status == 0, "\(shown)")
        #expect(shown.contains("\u{1B}[1;38;5;178mgold\u{1B}[0m"), "\(shown)")
        #expect(shown.contains("\u{1B}[1;38;5;247msilver\u{1B}[0m"))
        #expect(shown.contains("\u{1B}[1;38;5;130mbronze\u{1B}[0m"))
    }

    @Test func aRefusalIsRedOnATerminal() throws {
        let (status, shown) = try onTerminal(["edition", "show", "1999"])
        #expect(status != 0)
        #expect(shown.contains("\u{1B}[31mecpa: "), "\(shown)")
    }

    @Test func noColourWithNoColor() throws {
        let ranked = try onTerminal(["results", "rank"], environment: ["NO_COLOR": "1"])
        #expect(ranked.status == 0)
        #expect(ranked.shown.contains("gold") && !ranked.shown.contains("\u{1B}"), "\(ranked.shown)")
        let refused = try onTerminal(["edition", "show", "1999"], environment: ["NO_COLOR": "1"])
        #expect(refused.shown.contains("ecpa: ") && !refused.shown.contains("\u{1B}"), "\(refused.shown)")
    }

    @Test func noColourWhenPiped() {
        let ranked = cli.run(["results", "rank"], environment: ["NO_COLOR": ""])
        #expect(ranked.status == 0)
        #expect(ranked.output.contains("gold") && !ranked.output.contains("\u{1B}"))
        let refused = cli.run(["edition", "show", "1999"], environment: ["NO_COLOR": ""])
        #expect(refused.error.contains("ecpa: ") && !refused.error.contains("\u{1B}"))
    }

    /// On 80 columns the ranking's title column gives way, cut with an ellipsis; `--wide` prints
    /// every cell whole; a pipe gets the table as before (titles cut at 60 columns, lines as long as they are).
    @Test func tablesFitTheTerminalUnlessWide() throws {
        let (status, shown) = try onTerminal(["results", "rank"], environment: ["NO_COLOR": "1"])
        #expect(status == 0)
        let table = shown.split(separator: "\n").filter { $0.hasPrefix("PLACE") || $0.first?.isNumber == true }
        #expect(table.count == 4, "\(shown)")
        #expect(table.allSatisfy { $0.count <= 80 }, "\(shown)")
        #expect(table.contains { $0.contains("…") } && !shown.contains(Self.longTitle))
        let wide = try onTerminal(["results", "rank", "--wide"], environment: ["NO_COLOR": "1"])
        #expect(wide.shown.contains(Self.longTitle) && !wide.shown.contains("…"), "\(wide.shown)")
        let piped = cli.run(["results", "rank"])
        #expect(piped.output.contains(String(Self.longTitle.prefix(59)) + "…"))
        #expect(piped.output.split(separator: "\n").contains { $0.count > 80 })
        #expect(cli.run(["results", "rank", "--wide"]).output.contains(Self.longTitle))
    }

    /// The demo's last line runs as printed: this program's path and the database.
    @Test func theDemosLastCommandRunsAsPrinted() throws {
        #expect(DemoCommand.program(invokedAs: "ecpa", in: "/home/anna") == "ecpa")
        #expect(DemoCommand.program(invokedAs: "./bin/../bin/ecpa", in: "/opt/ecpa") == "/opt/ecpa/bin/ecpa")
        let program = DemoCommand.program(invokedAs: TerminalSession.program.path, in: "/")
        let line = "Look around: " + DemoScript.command(program: program, ["results", "rank", "--db", cli.database.conninfo])
        #expect(line.hasPrefix("Look around: \(program) results rank --db '"), "\(line)")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", String(line.dropFirst("Look around: ".count))]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(printed.contains("gold"), "\(printed)")
    }
}

/// A mistyped command or option is named with the nearest right one.
@Suite struct DidYouMeanTests {
    func usage(_ arguments: [String]) -> (status: Int32, error: String) {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let env = CLIEnvironment(variables: [:], now: { Date() }, write: { _ in }, writeError: { box.text += $0 })
        return (ECPACommand.run(arguments: arguments, in: env), box.text)
    }

    @Test(arguments: [
        (["edtion", "list"], "Error: Unknown command 'edtion' of 'ecpa'. Did you mean 'ecpa edition'?"),
        (["edition", "lst"], "Error: Unknown command 'lst' of 'ecpa edition'. Did you mean 'ecpa edition list'?"),
        (["reslts", "rank", "--db", "x"], "Error: Unknown command 'reslts' of 'ecpa'. Did you mean 'ecpa results'?"),
        (["db", "conections"], "Error: Unknown command 'conections' of 'ecpa db'. Did you mean 'ecpa db connections'?"),
        (["edition", "create", "--yeer", "2030"], "Error: Unknown option '--yeer'. Did you mean '--year'?"),
        (["--verison"], "Error: Unknown option '--verison'. Did you mean '--version'?"),
        (["results", "rank", "--provisonal"], "Error: Unknown option '--provisonal'. Did you mean '--provisional'?"),
        (["edition", "list", "--yeer", "2018"], "Error: Unknown option '--yeer'"),
        (["xyz"], "Error: Unknown command 'xyz' of 'ecpa'"),
    ])
    func aMistakeIsNamedWithTheNearestRightWord(arguments: [String], first: String) {
        let (status, error) = usage(arguments)
        #expect(status == 64)
        #expect(error.split(separator: "\n").first.map(String.init) == first, "\(error)")
        #expect(error.contains("Usage: ecpa"))
    }
}
