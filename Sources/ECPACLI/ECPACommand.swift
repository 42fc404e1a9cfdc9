import ArgumentParser
import ECPACore
import Foundation
import LibPQ

/// A command that runs in an environment it is given (tests give their own).
protocol EnvironmentCommand: ParsableCommand {
    func run(in env: CLIEnvironment) throws
}

extension EnvironmentCommand {
    func run() throws { try run(in: .live()) }
}

/// `ecpa`: the European Crime Prevention Award's submission and judging system.
public struct ECPACommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ecpa",
        abstract: "Run the European Crime Prevention Award: editions, entries, juries and results.",
        discussion: """
            Commands are `ecpa <noun> <verb>`. Every command that prints data takes --format \
            table|json|csv. The database is --db, ECPA_DATABASE_URL or libpq's PG* variables; \
            with none of them, ecpa uses its own local PostgreSQL cluster (see `ecpa local`).
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, EditionCommand.self, EntryCommand.self, UserCommand.self,
            SchemeCommand.self, JuryCommand.self, ScoreCommand.self, BallotCommand.self, ResultsCommand.self, ReportCommand.self, SiteCommand.self,
            ArchiveCommand.self,
            DBCommand.self,
            LocalCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs one command line, printing errors as plain sentences; returns the exit status.
    public static func run(arguments: [String], in env: CLIEnvironment) -> Int32 {
        do {
            let command = try parseAsRoot(arguments)
            let style = env.tableStyle(wide: OutputOptions.of(command)?.wide ?? false)
            try TableStyle.$current.withValue(style) {
                if let command = command as? EnvironmentCommand {
                    try command.run(in: env)
                } else {
                    var command = command
                    try command.run()
                }
            }
            return ExitStatus.success.rawValue
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error where CLIError.isOurs(error) {
            let failure = CLIError.from(error, session: env.session)
            if asksForJSON(arguments) {
                // Scripts get the error as one JSON object on standard error: its code, exit status and sentence.
                let object = JSONValue.object([
                    (
                        "error",
                        .object([
                            ("code", .string(failure.code)), ("exit", .integer(failure.status.rawValue)),
                            ("message", .string(ConnectionString.redactingSecrets(in: failure.message))),
                        ])
                    )
                ])
                env.writeError(JSONWriter.line(object) + "\n")
                return failure.status.rawValue
            }
            // A message may quote stored text (an entry's title): shown with its control characters named.
            let message = ControlCharacters.escaped(failure.message, multiline: true)
            env.writeError(env.palette(forErrors: true).refusal(ConnectionString.redactingSecrets(in: "ecpa: \(message)")) + "\n")
            return failure.status.rawValue
        } catch {
            // Help, version and usage errors, as ArgumentParser words them; they quote the
            // arguments, which may be a connection URL with a password.
            let code = exitCode(for: error).rawValue
            var message = ConnectionString.redactingSecrets(in: fullMessage(for: error, columns: 80))
            if !message.hasSuffix("\n") { message += "\n" }
            if code == 0 {
                env.write(message)
                return 0
            }
            if code == ExitCode.validationFailure.rawValue, let corrected = Suggestion.correcting(message, arguments: arguments) {
                message = corrected
            }
            // The sentence in red; the usage lines after it as they are.
            let lines = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            env.writeError(env.palette(forErrors: true).refusal(String(lines[0])) + "\n" + (lines.count > 1 ? String(lines[1]) : ""))
            return code == ExitCode.validationFailure.rawValue ? ExitStatus.usage.rawValue : code
        }
    }

    /// Whether the command line asks for `--format json`, so that an error is printed as JSON too.
    static func asksForJSON(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { $0 == "--format" && $1 == "json" } || arguments.contains("--format=json")
    }

    /// The process entry point.
    public static func main() {
        let status = run(arguments: Array(CommandLine.arguments.dropFirst()), in: .live())
        Foundation.exit(status)
    }
}
