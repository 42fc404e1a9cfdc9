import Foundation

/// The folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres) and, usually, its clients.
struct PostgresPrograms: Sendable {
    var binDirectory: URL
    var environment: [String: String]

    /// The program called `name`: from the server's folder, else from `PATH`.
    func program(_ name: String) -> URL {
        let local = binDirectory.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: local.path) { return local }
        return Subprocess.find(name, environment: environment) ?? local
    }

    /// The major version of these programs ("15"), read from `pg_ctl --version`.
    func majorVersion(environment: [String: String]) throws -> String? {
        let result = try Subprocess.run(program("pg_ctl"), ["--version"], environment: environment, timeout: 10)
        // "pg_ctl (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
        guard result.succeeded, let range = result.output.range(of: "(PostgreSQL) ") else { return nil }
        let version = result.output[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return version.split(separator: ".").first.map(String.init)
    }

    /// Finds the server programs: `$ECPA_PG_BINDIR`, else `pg_config --bindir`, else the highest
    /// `/usr/lib/postgresql/*/bin`, else `initdb` on `PATH`.
    ///
    /// `preferredMajorVersion` is the version of an existing data directory: its own programs win
    /// over newer ones, which could not open it.
    static func locate(environment: [String: String], preferredMajorVersion: String?) throws -> PostgresPrograms {
        func found(_ directory: URL) -> PostgresPrograms? {
            let complete = ["initdb", "pg_ctl", "postgres"].allSatisfy {
                FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent($0).path)
            }
            return complete ? PostgresPrograms(binDirectory: directory, environment: environment) : nil
        }
        if let configured = environment["ECPA_PG_BINDIR"], !configured.isEmpty {
            guard let programs = found(URL(fileURLWithPath: configured, isDirectory: true)) else {
                throw LocalClusterError.serverProgramsNotFound
            }
            return programs
        }
        let debianRoot = URL(fileURLWithPath: "/usr/lib/postgresql", isDirectory: true)
        if let version = preferredMajorVersion,
            let programs = found(debianRoot.appendingPathComponent(version).appendingPathComponent("bin"))
        {
            return programs
        }
        if let pgConfig = Subprocess.find("pg_config", environment: environment),
            let result = try? Subprocess.run(pgConfig, ["--bindir"], environment: environment, timeout: 10),
            result.succeeded
        {
            let directory = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !directory.isEmpty, let programs = found(URL(fileURLWithPath: directory, isDirectory: true)) {
                return programs
            }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debianRoot.path)) ?? []
        let newestFirst = versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        for version in newestFirst {
            if let programs = found(debianRoot.appendingPathComponent(version).appendingPathComponent("bin")) {
                return programs
            }
        }
        if let initdb = Subprocess.find("initdb", environment: environment),
            let programs = found(initdb.deletingLastPathComponent())
        {
            return programs
        }
        throw LocalClusterError.serverProgramsNotFound
    }
}
