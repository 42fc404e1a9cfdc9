import Foundation

/// The embedded default: a private PostgreSQL cluster that ecpa creates and starts under its home folder.
///
/// The server listens on a Unix socket only (`listen_addresses = ''`), in `socketDirectory`, and
/// lets local connections in without a password (`trust`). That is safe because the socket folder
/// and the data directory are mode 0700: only their owner (and root) can reach the socket at all.
/// As root, the server runs as the `postgres` system user, which then owns those folders.
public struct LocalCluster: Sendable {
    /// The superuser role that initdb creates.
    public static let superuser = "ecpa_admin"
    /// The database ecpa keeps its data in.
    public static let database = "ecpa"
    /// The port; with no TCP listener it only names the socket file (`.s.PGSQL.5432`).
    public static let port = 5432

    /// The ECPA home folder holding the cluster.
    public let home: URL
    private let environment: [String: String]

    private static let startTimeout = 60
    private static let readyTimeout: TimeInterval = 30
    private static let lockTimeout: TimeInterval = 180

    /// A cluster under `home`, finding PostgreSQL through `environment` (`ECPA_PG_BINDIR`, `PATH`).
    public init(home: URL, environment: [String: String]) {
        self.home = home.standardizedFileURL
        self.environment = environment
    }

    /// The home folder: `$ECPA_HOME`, else `/var/lib/ecpa` as root, else `$XDG_DATA_HOME/ecpa`, else `~/.local/share/ecpa`.
    ///
    /// Root gets a system folder because the server then runs as `postgres`, who cannot reach
    /// root's own home (`/root` is mode 0700).
    public static func defaultHome(environment: [String: String]) -> URL {
        if let home = environment["ECPA_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        if geteuid() == 0 {
            return URL(fileURLWithPath: "/var/lib/ecpa", isDirectory: true)
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("ecpa", isDirectory: true)
        }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: userHome, isDirectory: true)
            .appendingPathComponent(".local/share/ecpa", isDirectory: true)
    }

    /// The PostgreSQL data directory.
    public var dataDirectory: URL { home.appendingPathComponent("pgdata", isDirectory: true) }
    /// The folder holding the server's Unix socket.
    public var socketDirectory: URL { home.appendingPathComponent("run", isDirectory: true) }
    /// The server's log.
    public var logFile: URL { home.appendingPathComponent("postgresql.log") }
    private var lockFile: URL { home.appendingPathComponent("lock") }

    /// A libpq connection string for the cluster's `ecpa` database.
    public var conninfo: String {
        [
            ("host", socketDirectory.path),
            ("port", String(Self.port)),
            ("user", Self.superuser),
            ("dbname", Self.database),
        ]
        .map { "\($0)=\(Self.quotedConninfoValue($1))" }
        .joined(separator: " ")
    }

    /// The psql program and arguments that open a session on the `ecpa` database.
    public func psqlArguments() -> [String] {
        let programs = try? PostgresPrograms.locate(environment: environment, preferredMajorVersion: dataVersion)
        return [programs?.program("psql").path ?? "psql"] + connectionArguments(database: Self.database)
    }

    /// The PostgreSQL major version that created the data directory, if there is one.
    public var dataVersion: String? {
        let file = dataDirectory.appendingPathComponent("PG_VERSION")
        return (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the cluster exists and runs, judged from the data directory and its postmaster.pid.
    public func status() throws -> LocalClusterStatus {
        let manager = FileManager.default
        guard manager.fileExists(atPath: dataDirectory.path) else { return .notCreated }
        guard access(dataDirectory.path, R_OK | X_OK) == 0 else {
            throw LocalClusterError.dataNotAccessible(path: dataDirectory.path)
        }
        guard manager.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return .notCreated
        }
        guard let pid = postmasterPID(), Self.isPostgresProcess(pid) else { return .stopped }
        return .running(pid: pid)
    }

    /// Creates the cluster if missing, starts it if stopped and creates the `ecpa` database if missing.
    ///
    /// Returns once the server accepts connections. Safe to call when it already runs, and from
    /// several processes at once: a lock file in the home serialises them.
    public func start(progress: (String) -> Void) throws {
        let programs = try PostgresPrograms.locate(environment: environment, preferredMajorVersion: dataVersion)
        let account = try ServerAccount.resolve(environment: environment)
        try prepareHome(for: account)
        try FileLock.withLock(at: lockFile, timeout: Self.lockTimeout) {
            var current = try status()
            if current == .notCreated {
                progress("Creating a local PostgreSQL cluster in \(dataDirectory.path) (first run only)...")
                try initialize(programs, as: account)
                current = .stopped
            }
            if current == .stopped {
                try checkVersion(of: programs)
                try configure(as: account)
                progress("Starting the local PostgreSQL server (socket in \(socketDirectory.path))...")
                try launch(programs, as: account)
            }
            try waitUntilReady(programs)
            try createDatabaseIfMissing(programs, progress: progress)
        }
    }

    /// Stops the server if it runs (fast shutdown: open sessions are disconnected).
    public func stop() throws {
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        try FileLock.withLock(at: lockFile, timeout: Self.lockTimeout) {
            try stopIfRunning()
        }
    }

    /// Stops the server and deletes the cluster with all its data; the caller asks for confirmation first.
    public func reset(progress: (String) -> Void) throws {
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        try FileLock.withLock(at: lockFile, timeout: Self.lockTimeout) {
            if case .running = try status() {
                progress("Stopping the local PostgreSQL server...")
                try stopIfRunning()
            }
            progress("Deleting the local cluster in \(dataDirectory.path)...")
            for url in [dataDirectory, socketDirectory, logFile] where FileManager.default.fileExists(atPath: url.path) {
                do {
                    try FileManager.default.removeItem(at: url)
                } catch {
                    throw LocalClusterError.fileSystem(path: url.path, reason: error.localizedDescription)
                }
            }
        }
    }
}

// MARK: - Steps

extension LocalCluster {
    /// Creates the home and checks that the server account can reach it and that the socket path fits.
    private func prepareHome(for account: ServerAccount) throws {
        let manager = FileManager.default
        let socket = socketDirectory.appendingPathComponent(".s.PGSQL.\(Self.port)").path
        #if os(Linux)
            let maximum = 107
        #else
            let maximum = 103
        #endif
        if socket.utf8.count > maximum {
            throw LocalClusterError.socketPathTooLong(path: socket)
        }
        if !manager.fileExists(atPath: home.path) {
            do {
                try manager.createDirectory(at: home, withIntermediateDirectories: true)
            } catch {
                throw LocalClusterError.fileSystem(path: home.path, reason: error.localizedDescription)
            }
            // Private for a normal user; as root, `postgres` must be able to pass through it.
            let mode: mode_t = if case .currentUser = account { 0o700 } else { 0o755 }
            chmod(home.path, mode)
        }
        if let blocked = account.firstUnsearchableFolder(on: home) {
            throw LocalClusterError.homeUnreachable(home: home.path, blockedAt: blocked.path)
        }
    }

    private func initialize(_ programs: PostgresPrograms, as account: ServerAccount) throws {
        // A data directory without PG_VERSION is what an interrupted initdb leaves behind.
        if FileManager.default.fileExists(atPath: dataDirectory.path) {
            try remove(dataDirectory)
        }
        try makePrivateDirectory(dataDirectory, for: account)
        let arguments = [
            "--pgdata=\(dataDirectory.path)", "--username=\(Self.superuser)", "--auth=trust",
            "--encoding=UTF8", "--no-sync",
        ]
        var result = try runServerProgram(programs.program("initdb"), arguments + ["--locale=C.UTF-8"], as: account, timeout: 120)
        if !result.succeeded, result.diagnostic.contains("locale") {
            result = try runServerProgram(programs.program("initdb"), arguments + ["--locale=C"], as: account, timeout: 120)
        }
        guard result.succeeded else {
            throw LocalClusterError.commandFailed(program: "initdb", message: result.diagnostic)
        }
    }

    private func checkVersion(of programs: PostgresPrograms) throws {
        guard let dataVersion,
            let serverVersion = try programs.majorVersion(environment: cleanEnvironment),
            dataVersion != serverVersion
        else { return }
        throw LocalClusterError.versionMismatch(
            dataDirectory: dataDirectory.path, dataVersion: dataVersion, serverVersion: serverVersion)
    }

    /// Writes `ecpa.conf` (included from postgresql.conf) and prepares the socket folder and the log.
    ///
    /// Rewritten before every start, so the socket path follows the home if it moves.
    private func configure(as account: ServerAccount) throws {
        let mainFile = dataDirectory.appendingPathComponent("postgresql.conf")
        let include = "include 'ecpa.conf'"
        let main = (try? String(contentsOf: mainFile, encoding: .utf8)) ?? ""
        if !main.contains(include) {
            let addition = "\n# Settings of the ecpa embedded cluster; ecpa rewrites that file at every start.\n\(include)\n"
            do {
                let handle = try FileHandle(forWritingTo: mainFile)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(addition.utf8))
            } catch {
                throw LocalClusterError.fileSystem(path: mainFile.path, reason: error.localizedDescription)
            }
        }
        let settings = """
            # Written by ecpa before every start; edit postgresql.conf (above the include) instead.
            # No TCP: a Unix socket only, in a folder of mode 0700, so trust authentication
            # admits nobody but the owner of that folder (and root).
            listen_addresses = ''
            port = \(Self.port)
            unix_socket_directories = \(Self.quotedConfigValue(socketDirectory.path))
            unix_socket_permissions = 0700
            # Real data: keep it durable.
            fsync = on
            # Messages go to stderr, which pg_ctl appends to \(Self.quotedConfigValue(logFile.path)).
            logging_collector = off

            """
        let settingsFile = dataDirectory.appendingPathComponent("ecpa.conf")
        do {
            try Data(settings.utf8).write(to: settingsFile, options: .atomic)
        } catch {
            throw LocalClusterError.fileSystem(path: settingsFile.path, reason: error.localizedDescription)
        }
        try account.takeOwnership(of: settingsFile)
        try makePrivateDirectory(socketDirectory, for: account)
        if !FileManager.default.fileExists(atPath: logFile.path),
            !FileManager.default.createFile(atPath: logFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        {
            throw LocalClusterError.fileSystem(path: logFile.path, reason: "cannot create the file")
        }
        try account.takeOwnership(of: logFile)
    }

    private func launch(_ programs: PostgresPrograms, as account: ServerAccount) throws {
        removeStaleLockFiles()
        let arguments = [
            "start", "--pgdata=\(dataDirectory.path)", "--log=\(logFile.path)",
            "--wait", "--timeout=\(Self.startTimeout)", "--silent",
        ]
        let result = try runServerProgram(
            programs.program("pg_ctl"), arguments, as: account, timeout: TimeInterval(Self.startTimeout + 30))
        guard result.succeeded else {
            throw LocalClusterError.startFailed(reason: lastFatalLogLine(), logFile: logFile.path)
        }
    }

    private func waitUntilReady(_ programs: PostgresPrograms) throws {
        let deadline = Date().addingTimeInterval(Self.readyTimeout)
        let arguments = ["--quiet", "--timeout=3"] + connectionArguments(database: "postgres")
        while true {
            let result = try Subprocess.run(
                programs.program("pg_isready"), arguments, environment: cleanEnvironment, timeout: 10)
            if result.succeeded { return }
            guard Date() < deadline else {
                throw LocalClusterError.notReady(seconds: Int(Self.readyTimeout), logFile: logFile.path)
            }
            usleep(100_000)
        }
    }

    private func createDatabaseIfMissing(_ programs: PostgresPrograms, progress: (String) -> Void) throws {
        let exists = try runPSQL(programs, "SELECT 1 FROM pg_database WHERE datname = '\(Self.database)'")
        guard exists.trimmingCharacters(in: .whitespacesAndNewlines) != "1" else { return }
        progress("Creating the database \(Self.database)...")
        _ = try runPSQL(programs, "CREATE DATABASE \(Self.database)")
    }

    /// Stops the server; the caller holds the lock.
    private func stopIfRunning() throws {
        guard case .running = try status() else { return }
        let programs = try PostgresPrograms.locate(environment: environment, preferredMajorVersion: dataVersion)
        let account = try ServerAccount.resolve(environment: environment)
        let arguments = ["stop", "--pgdata=\(dataDirectory.path)", "--mode=fast", "--wait", "--timeout=60", "--silent"]
        let result = try runServerProgram(programs.program("pg_ctl"), arguments, as: account, timeout: 90)
        if !result.succeeded, case .running = try status() {
            throw LocalClusterError.stopFailed(reason: result.diagnostic, logFile: logFile.path)
        }
    }
}

// MARK: - Helpers

extension LocalCluster {
    /// The environment without `PG*` variables, which would otherwise redirect our own server and psql calls.
    private var cleanEnvironment: [String: String] {
        environment.filter { !$0.key.hasPrefix("PG") }
    }

    private func connectionArguments(database: String) -> [String] {
        [
            "--host=\(socketDirectory.path)", "--port=\(Self.port)",
            "--username=\(Self.superuser)", "--dbname=\(database)",
        ]
    }

    private func runServerProgram(
        _ program: URL, _ arguments: [String], as account: ServerAccount, timeout: TimeInterval
    ) throws -> SubprocessResult {
        let (executable, fullArguments) = account.command(program, arguments)
        return try Subprocess.run(executable, fullArguments, environment: cleanEnvironment, timeout: timeout)
    }

    /// Runs one SQL statement as the superuser in the `postgres` database and returns its unaligned output.
    private func runPSQL(_ programs: PostgresPrograms, _ sql: String) throws -> String {
        let arguments =
            ["--no-psqlrc", "--quiet", "--no-align", "--tuples-only", "--set=ON_ERROR_STOP=1"]
            + connectionArguments(database: "postgres") + ["--command=\(sql)"]
        let result = try Subprocess.run(programs.program("psql"), arguments, environment: cleanEnvironment, timeout: 30)
        guard result.succeeded else {
            throw LocalClusterError.commandFailed(program: "psql", message: result.diagnostic)
        }
        return result.output
    }

    private func makePrivateDirectory(_ url: URL, for account: ServerAccount) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw LocalClusterError.fileSystem(path: url.path, reason: error.localizedDescription)
        }
        try account.takeOwnership(of: url)
        if chmod(url.path, 0o700) != 0 {
            throw LocalClusterError.fileSystem(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    private func remove(_ url: URL) throws {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw LocalClusterError.fileSystem(path: url.path, reason: error.localizedDescription)
        }
    }

    private func postmasterPID() -> Int32? {
        let file = dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let firstLine = text.split(whereSeparator: \.isNewline).first
        else { return nil }
        return Int32(firstLine.trimmingCharacters(in: .whitespaces))
    }

    /// Whether `pid` is alive and, where /proc tells, a postgres process that is not a zombie:
    /// after a crash the pid in postmaster.pid may be reused by an unrelated program, and a killed
    /// postmaster lingers as a zombie until init reaps it.
    private static func isPostgresProcess(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        // "1234 (postgres) S 1 ...": the command in parentheses, then the state.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let open = stat.firstIndex(of: "("),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let command = stat[stat.index(after: open)..<close]
        let state = stat[stat.index(after: close)...].first { !$0.isWhitespace }
        return (command.hasPrefix("postgres") || command.hasPrefix("postmaster")) && state != "Z" && state != "X"
    }

    /// Removes lock files left by a crashed server, once `status()` has found it not running.
    ///
    /// The server removes them itself unless their pid now belongs to another process; we hold
    /// the home's lock, so no other ecpa is starting this cluster meanwhile.
    private func removeStaleLockFiles() {
        let stale = [
            dataDirectory.appendingPathComponent("postmaster.pid"),
            socketDirectory.appendingPathComponent(".s.PGSQL.\(Self.port).lock"),
        ]
        for url in stale {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The last FATAL or PANIC message of the log, to say in one line why the server did not start.
    private func lastFatalLogLine() -> String? {
        guard let handle = try? FileHandle(forReadingFrom: logFile) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 16_384 ? size - 16_384 : 0)
        guard let data = try? handle.readToEnd(), let text = String(data: data, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline).reversed() {
            for marker in ["FATAL:", "PANIC:"] {
                if let range = line.range(of: marker) {
                    let message = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    return message.isEmpty ? nil : message
                }
            }
        }
        return nil
    }

    /// `value` as libpq's key=value syntax needs it: single-quoted, with `\` and `'` escaped, when
    /// it is empty or holds spaces, quotes or backslashes.
    static func quotedConninfoValue(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }

    /// `value` as a postgresql.conf string literal.
    static func quotedConfigValue(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''")
        return "'\(escaped)'"
    }
}
