import ArgumentParser
import ECPAStore
import ECPALocal
import Foundation
import LibPQ

/// Where to connect and as whom: shared by every command that touches the database.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "PostgreSQL connection URL or conninfo string.",
            discussion: "Without it: ECPA_DATABASE_URL, then libpq's own PG* variables, then the embedded local database.",
            valueName: "url"))
    var database: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Act as this role (SET ROLE); your login must be a member of it.", valueName: "role"))
    var role: String?

    /// Opens a connection, migrating the embedded database on first use, and switches role.
    func connect(_ env: CLIEnvironment, purpose: SessionTimeouts.Purpose = .command) throws -> Connection {
        let target = DatabaseTarget.resolve(explicit: database, variables: env.variables)
        let connection = try target.connect(env, purpose: purpose)
        if let role {
            do {
                try connection.execute("SET ROLE \(identifier: role)")
            } catch let error as PQError {
                throw CLIError(
                    "You cannot act as \"\(role)\": \(StoreError.sentence(error.message)) Your login must be a member of that role.",
                    status: .permissionDenied)
            }
        }
        return connection
    }
}

/// The database a command talks to.
enum DatabaseTarget {
    /// `--db` or ECPA_DATABASE_URL.
    case explicit(String)
    /// libpq's own environment (PGHOST, PGSERVICE, PGDATABASE...).
    case libpqEnvironment
    /// The private local cluster under the ecpa home folder.
    case embedded(LocalCluster)

    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGSERVICEFILE"]

    static func resolve(explicit: String?, variables: [String: String]) -> DatabaseTarget {
        if let explicit, !explicit.isEmpty { return .explicit(explicit) }
        if let url = variables["ECPA_DATABASE_URL"], !url.isEmpty { return .explicit(url) }
        if libpqVariables.contains(where: { !(variables[$0] ?? "").isEmpty }) { return .libpqEnvironment }
        return .embedded(LocalCluster(home: LocalCluster.defaultHome(environment: variables), environment: variables))
    }

    func connect(_ env: CLIEnvironment, purpose: SessionTimeouts.Purpose = .command) throws -> Connection {
        switch self {
        case .explicit(let conninfo):
            let connection = try Self.open(conninfo, hint: "Check --db or ECPA_DATABASE_URL.", env: env, purpose: purpose)
            if purpose == .command { try Self.requireCurrentSchema(connection) }
            return connection
        case .libpqEnvironment:
            let connection = try Self.open("", hint: "Check the PG* environment variables.", env: env, purpose: purpose)
            if purpose == .command { try Self.requireCurrentSchema(connection) }
            return connection
        case .embedded(let cluster):
            // A server that runs with its database takes the connection at once; only otherwise is
            // it started (and created), which costs a few programs' start-up.
            let hint = "Try `ecpa local status`."
            let connection: Connection
            if case .running? = try? cluster.status(), let running = try? Self.open(cluster.conninfo, hint: hint, env: env, purpose: purpose) {
                connection = running
            } else {
                try cluster.start(progress: { env.info($0) })
                connection = try Self.open(cluster.conninfo, hint: hint, env: env, purpose: purpose)
            }
            let migrator = try Schema.migrator()
            try Self.refuseNewerSchema(migrator, statuses: try migrator.status(on: connection, checksums: false))
            if try !migrator.pending(on: connection).isEmpty {
                try migrator.migrate(on: connection) { migration in
                    env.info("Preparing the local database: \(migration.name)")
                }
            }
            return connection
        }
    }

    /// Connects and sets the session's time limits, or says plainly why not and where to look.
    static func open(_ conninfo: String, hint: String, env: CLIEnvironment, purpose: SessionTimeouts.Purpose) throws -> Connection {
        let connection: Connection
        do {
            connection = try Connection(conninfo: conninfo)
        } catch let error as PQError {
            // libpq's message may take several lines (one per host tried, then a question): one line of sentences.
            // The server's severity word ("FATAL:  database ... does not exist") is not for people.
            let reason = error.message.replacingOccurrences(of: "FATAL:  ", with: "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
                .map(StoreError.sentence)
                .joined(separator: " ")
            throw CLIError("Cannot connect to PostgreSQL: \(reason) \(hint)", status: .unavailable)
        }
        let timeouts = try SessionTimeouts.apply(to: connection, variables: env.variables, purpose: purpose)
        env.session.record(connection, timeouts: timeouts)
        // Captures the error writer only: the environment holds the session, which holds this
        // connection, and a cycle would keep the connection open after the command.
        connection.retryHandler = { [writeError = env.writeError] error in
            let store = (error as? StoreError) ?? (error as? PQError).map(StoreError.init)
            if case .concurrentChange(let deadlock)? = store {
                writeError(
                    deadlock
                        ? "This command and another session each waited for the other's lock; running it once more.\n"
                        : "Another session changed the same edition at the same moment; running the command once more.\n")
            }
        }
        return connection
    }

    /// Refuses a database migrated by a newer ecpa: it has migrations this binary does not know.
    static func refuseNewerSchema(_ migrator: Migrator, statuses: [MigrationStatus]) throws {
        let known = Set(migrator.migrations.map(\.version))
        let newer = statuses.filter { $0.appliedAt != nil && !known.contains($0.version) }
        if !newer.isEmpty {
            throw CLIError(
                "The database was migrated by a newer version of ecpa (migration \(newer.map { String($0.version) }.joined(separator: ", ")) is unknown to this one). Use that newer version.",
                status: .unavailable)
        }
    }

    /// Refuses to work on a database whose schema is older or newer than this binary.
    static func requireCurrentSchema(_ connection: Connection) throws {
        let migrator = try Schema.migrator()
        // A login without access to the bookkeeping cannot check it, and asking would leave an
        // error in the server's log at every command: the schema itself will answer.
        let readable = try connection.queryOne(
            """
            SELECT CASE WHEN to_regnamespace(\(migrator.schema)) IS NULL THEN true
                        ELSE has_schema_privilege(\(migrator.schema), 'USAGE') END AS usable
            """
        )?.decode("usable", as: Bool.self)
        guard readable == true else { return }
        let statuses: [MigrationStatus]
        do {
            statuses = try migrator.status(on: connection, checksums: false)
        } catch let error as PQError where error.sqlState == SQLState.insufficientPrivilege {
            return  // a login without access to the bookkeeping; the schema itself will answer
        }
        try refuseNewerSchema(migrator, statuses: statuses)
        let pending = statuses.filter { $0.appliedAt == nil }
        if !pending.isEmpty {
            throw CLIError(
                "The database needs \(pending.count) migration(s) before this version of ecpa can use it. Run `ecpa db migrate` as its administrator.",
                status: .unavailable)
        }
    }
}
