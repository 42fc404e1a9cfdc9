import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ

/// Runs `ecpa` command lines in-process against a test database, capturing what a user would see.
final class CLIHarness: @unchecked Sendable {
    let database: TestDatabase
    let folder: URL
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    convenience init() throws {
        try self.init(database: try TestDatabase.make(migrations: try Schema.migrations()))
    }

    /// A harness on a database of the test's own, such as a copy of a prepared one.
    init(database: TestDatabase) throws {
        self.database = database
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecpa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs one command line with the given standard input.
    @discardableResult
    func run(
        _ arguments: [String], input: String = "", now: Date = Date(), terminalLines: [String]? = nil,
        editor: (@Sendable (String, String) -> String?)? = nil, environment: [String: String] = [:]
    ) -> Result {
        lock.withLock {
            out = ""; err = ""
        }
        var variables = ProcessInfo.processInfo.environment
        variables["ECPA_DATABASE_URL"] = database.conninfo
        variables.merge(environment) { _, given in given }
        let env = CLIEnvironment(
            variables: variables,
            now: { now },
            write: { [self] text in lock.withLock { out += text } },
            writeError: { [self] text in lock.withLock { err += text } },
            readStandardInput: { Data(input.utf8) },
            inputIsTerminal: terminalLines != nil,
            readLine: { [lines = LineQueue(terminalLines ?? [])] in lines.next() },
            editText: editor ?? { _, _ in nil })
        let status = ECPACommand.run(arguments: arguments, in: env)
        return lock.withLock { Result(status: status, output: out, error: err) }
    }

    /// Writes a file into the test's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// An edition open for submissions, created through the CLI; with `deadlinePassed`, its deadline
    /// is then moved an hour into the past by the administrator (ecpa refuses to open an edition
    /// whose deadline has passed).
    func openEdition(year: Int = 2018, deadlinePassed: Bool = false) throws {
        let now = Date()
        let iso = ISO8601DateFormatter()
        try expectSuccess([
            "edition", "create", "--year", String(year), "--theme", "Community Policing", "--host", "AT",
            "--city", "Vienna", "--opens", iso.string(from: now.addingTimeInterval(-86_400 * 10)),
            "--closes", iso.string(from: now.addingTimeInterval(86_400)),
        ])
        try expectSuccess(["edition", "open", String(year)])
        if deadlinePassed { try moveDeadline(year: year, to: "now() - interval '1 hour'") }
    }

    /// Sets an edition's deadline as the administrator, bypassing ecpa's checks: `moment` is SQL
    /// text written by the test (such as "now() - interval '1 hour'"), never user input.
    func moveDeadline(year: Int, to moment: String) throws {
        let admin = try database.connect()
        try admin.execute(SQL(unsafeRaw: "UPDATE ecpa.editions SET submissions_close_at = \(moment) WHERE year = \(year)"))
    }

    /// Registers a national representative through the CLI; returns the role and its password.
    func representative(_ country: String) throws -> (role: String, password: String) {
        let role = TestDatabase.uniqueName(country.lowercased() + "_rep")
        let password = "password-\(role)"
        try expectSuccess(
            [
                "user", "add", role, "--kind", "national-representative", "--country", country,
                "--name", "Representative of \(country)", "--password-file", "-",
            ], input: password + "\n")
        return (role, password)
    }

    func expectSuccess(_ arguments: [String], input: String = "") throws {
        let result = run(arguments, input: input)
        guard result.status == 0 else {
            throw HarnessError(message: "`ecpa \(arguments.joined(separator: " "))` failed (\(result.status)): \(result.error)")
        }
    }

    struct HarnessError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// Runs psql as a login role against the test database (the way a person could bypass ecpa).
    func psql(role: String, password: String, _ sql: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // VERBOSITY=verbose prints each error's SQLSTATE ("ERROR:  42501: ..."), which tests assert
        // instead of the server's English.
        process.arguments = ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-d", database.name, "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        environment["PGUSER"] = role
        environment["PGPASSWORD"] = password
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    /// Counts rows as the administrator.
    func count(_ table: String) throws -> Int {
        let connection = try database.connect()
        return try connection.query("SELECT count(*) AS n FROM \(identifier: "ecpa").\(identifier: table)").first?.decode("n") ?? -1
    }
}

/// Lines typed at a pretend terminal, one per prompt.
final class LineQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    func next() -> String? { lock.withLock { lines.isEmpty ? nil : lines.removeFirst() } }
}
