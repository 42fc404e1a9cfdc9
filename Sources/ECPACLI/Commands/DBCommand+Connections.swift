import ArgumentParser
import ECPAStore
import Foundation
import LibPQ

extension DBCommand {
    /// `ecpa db connections`: who is connected, and ending a session that holds others up.
    struct Connections: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "connections",
            abstract: "List the sessions connected to the database, or end one (secretariat).",
            discussion: """
                A session that keeps a transaction open holds its locks until it ends, and \
                commands that need them give up after ECPA_LOCK_TIMEOUT, naming it. Its owner \
                can finish; otherwise the secretariat ends the session with `ecpa db connections \
                end PID`, which rolls back whatever it has not committed.
                """,
            subcommands: [List.self, End.self],
            defaultSubcommand: List.self)
    }
}

extension DBCommand.Connections {
    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every session on the database: its login, state, age and what it waits for (secretariat).",
            discussion: "No session's query is shown. Your own session is in the list too, as active.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let sessions = try SessionRepository(try connection.connect(env)).fetchSessions()
            env.write(Renderer.list(sessions.map(Self.record), columns: Self.columns, format: output.format))
        }

        static let columns = ["pid", "login", "kind", "state", "since", "transaction_open_for", "waiting_for"]

        static func record(_ session: DatabaseSession) -> Record {
            Record([
                ("pid", .integer(Int64(session.pid))),
                ("login", .text(session.login)),
                ("kind", .text(session.kind?.rawValue)),
                ("state", .text(session.state)),
                ("since", .time(session.since, zone: TimeZone(identifier: "UTC") ?? .current)),
                ("transaction_open_for", .elapsed(session.transactionOpenFor)),
                ("waiting_for", .integers(session.waitingFor.map(Int64.init))),
            ])
        }
    }

    struct End: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "End another person's session; what it has not committed is rolled back (secretariat).",
            discussion: """
                Asks for confirmation on a terminal; without one, give --yes. A superuser's \
                session, and your own, cannot be ended this way.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The session's process id, as `ecpa db connections` lists it.") var pid: Int
        @Flag(help: "Do not ask for confirmation.") var yes = false

        func run(in env: CLIEnvironment) throws {
            let sessions = SessionRepository(try connection.connect(env))
            guard try sessions.mayManageSessions() else {
                throw CLIError("Only the secretariat can end other people's sessions.", status: .permissionDenied)
            }
            guard let target = try sessions.fetchSessions().first(where: { $0.pid == pid }) else {
                throw CLIError(
                    "There is no session \(pid) on this database. `ecpa db connections` lists the sessions.",
                    status: .notFound)
            }
            if try sessions.currentPid() == pid {
                throw CLIError("Session \(pid) is this command's own session; nothing was ended.", status: .usage)
            }
            if target.isAdministrator {
                throw CLIError(
                    "Session \(pid) is \(target.login)'s, a database superuser's; only a superuser can end it.",
                    status: .permissionDenied)
            }
            try Confirmation(
                consequence: "Ending \(target.summary) rolls back what it has not committed.", question: "End session \(pid)?",
                declined: "Session \(pid) was not ended."
            ).require(yes: yes, env: env)
            guard try sessions.endSession(pid: pid) else {
                throw CLIError(
                    "PostgreSQL did not end session \(pid): the database's owner role (ecpa_owner) may not signal other sessions until a superuser grants it pg_signal_backend.",
                    status: .failure)
            }
            // The session ends when it notices the signal, which is almost at once.
            var gone = false
            for _ in 0..<50 {
                if try !sessions.fetchSessions().contains(where: { $0.pid == pid }) {
                    gone = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            env.print(
                gone
                    ? "Ended session \(pid) of \(target.login); what it had not committed was rolled back."
                    : "Asked PostgreSQL to end session \(pid) of \(target.login); it is still listed. Check again with `ecpa db connections`.")
        }
    }
}
