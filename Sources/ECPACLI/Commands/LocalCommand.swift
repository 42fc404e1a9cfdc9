import ArgumentParser
import ECPALocal
import Foundation

/// `ecpa local`: the embedded PostgreSQL cluster used when no database is configured.
struct LocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Manage the embedded local database.",
        discussion: """
            With no --db, ECPA_DATABASE_URL or PG* variables, ecpa creates and starts its own \
            PostgreSQL cluster under its data folder ($ECPA_HOME, else $XDG_DATA_HOME/ecpa, else \
            ~/.local/share/ecpa; /var/lib/ecpa for root), reachable only through a private Unix socket.
            """,
        subcommands: [Status.self, Start.self, Stop.self, Psql.self, Reset.self]
    )

    static func cluster(_ env: CLIEnvironment) -> LocalCluster {
        LocalCluster(home: LocalCluster.defaultHome(environment: env.variables), environment: env.variables)
    }

    struct Status: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the local database exists and runs.")
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let cluster = LocalCommand.cluster(env)
            let status = try cluster.status()
            let state: String
            var pid: Int64?
            switch status {
            case .notCreated: state = "not created"
            case .stopped: state = "stopped"
            case .running(let id): state = "running"; pid = Int64(id)
            }
            let record = Record([
                ("state", .text(state)),
                ("pid", .integer(pid)),
                ("home", .text(cluster.home.path)),
                ("socket_directory", .text(cluster.socketDirectory.path)),
                ("conninfo", .text(cluster.conninfo)),
            ])
            env.write(Renderer.single(record, format: output.format))
        }
    }

    struct Start: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Create (if needed), start and migrate the local database.")

        func run(in env: CLIEnvironment) throws {
            let cluster = LocalCommand.cluster(env)
            _ = try DatabaseTarget.embedded(cluster).connect(env)
            env.print("The local database is running (\(cluster.socketDirectory.path)).")
        }
    }

    struct Stop: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the local database.")

        func run(in env: CLIEnvironment) throws {
            try LocalCommand.cluster(env).stop()
            env.print("The local database is stopped.")
        }
    }

    struct Psql: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open psql on the local database.",
            discussion: "Arguments after -- go to psql, for example: ecpa local psql -- -c 'select 1'.")
        @Argument(parsing: .postTerminator, help: "Arguments passed to psql.") var arguments: [String] = []

        func run(in env: CLIEnvironment) throws {
            let cluster = LocalCommand.cluster(env)
            try cluster.start(progress: { env.info($0) })
            let command = cluster.psqlArguments() + arguments
            guard let program = command.first else { return }
            let argv = command.map { strdup($0) } + [nil]
            execv(program, argv)
            throw CLIError("Cannot run \(program): \(String(cString: strerror(errno))).", status: .unavailable)
        }
    }

    struct Reset: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop the local database and delete all its data.")
        @Flag(help: "Do not ask for confirmation.") var yes = false

        func run(in env: CLIEnvironment) throws {
            let cluster = LocalCommand.cluster(env)
            try Confirmation(
                consequence: "This deletes every edition, entry and score in \(cluster.home.path).", question: "Delete them?",
                declined: "Nothing was deleted.", word: "delete"
            ).require(yes: yes, env: env)
            try cluster.reset(progress: { env.info($0) })
            env.print("The local database was deleted; the next command creates a new one.")
        }
    }
}
