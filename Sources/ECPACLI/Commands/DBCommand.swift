import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa db`: the schema's migrations.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply and inspect the database schema's migrations; see and end sessions.",
        discussion: "The migrations are built into ecpa; the same files are in sql/ for psql.",
        subcommands: [Migrate.self, Status.self, Connections.self]
    )

    struct Migrate: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the pending migrations, each in its own transaction (administrator).")

        @OptionGroup var connection: ConnectionOptions

        func run(in env: CLIEnvironment) throws {
            let db = try MigrationTarget.connect(connection, env)
            let migrator = try Schema.migrator()
            // Nothing to do needs no rights: a login that may not create schemas can still ask.
            if let pending = try? migrator.pending(on: db), pending.isEmpty {
                env.print("The database is up to date.")
                return
            }
            // A migration warns about what it could not do to rows written before (such as a limit
            // an older row breaks); the administrator must read that, not the routine notices.
            db.noticeHandler = { [env] notice in
                if notice.severity == "WARNING" { env.warn(ControlCharacters.escaped(notice.message, multiline: true)) }
            }
            let applied = try migrator.migrate(on: db) { env.info("Applying \(String(format: "%04d", $0.version))_\($0.name)") }
            env.print(
                applied.isEmpty
                    ? "The database is up to date."
                    : "Applied \(applied.count) migration\(applied.count == 1 ? "" : "s"); the database is up to date.")
        }
    }

    struct Status: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "List the migrations, applied and pending.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try MigrationTarget.connect(connection, env)
            let utc = TimeZone(identifier: "UTC") ?? .current
            let records = try Schema.migrator().status(on: db).map { status in
                Record([
                    ("version", .integer(Int64(status.version))),
                    ("name", .text(status.name)),
                    ("state", .text(status.appliedAt == nil ? "pending" : (status.checksumMatches == false ? "changed" : "applied"))),
                    ("applied_at", .time(status.appliedAt, zone: utc)),
                ])
            }
            env.write(Renderer.list(records, columns: ["version", "name", "state", "applied_at"], format: output.format))
        }
    }
}

/// Connecting for migrations: like every command, but without refusing an outdated schema, and
/// with the lock timeout only (see SessionTimeouts.Purpose).
enum MigrationTarget {
    static func connect(_ options: ConnectionOptions, _ env: CLIEnvironment) throws -> Connection {
        let target = DatabaseTarget.resolve(explicit: options.database, variables: env.variables)
        switch target {
        case .embedded:
            return try options.connect(env, purpose: .migration)
        case .explicit, .libpqEnvironment:
            return try target.connect(env, purpose: .migration)
        }
    }
}
