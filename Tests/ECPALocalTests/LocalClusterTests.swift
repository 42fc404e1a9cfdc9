import Foundation
import Testing
@testable import ECPALocal

/// Each test gets its own home under /tmp: as root the server runs as `postgres`, which must be
/// able to traverse every parent folder (the default temporary folder may not allow that).
private struct TemporaryHome: ~Copyable {
    let parent: URL
    let home: URL

    init(name: String = "home") throws {
        parent = URL(fileURLWithPath: "/tmp", isDirectory: true)
            .appendingPathComponent("ecpa-test-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o755)
        home = parent.appendingPathComponent(name, isDirectory: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: parent)
    }
}

/// Runs psql the way `ecpa local psql` would, with one command, and returns its unaligned output.
private func psql(_ cluster: LocalCluster, _ sql: String) throws -> String {
    let arguments = cluster.psqlArguments()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst()) + ["--no-psqlrc", "--no-align", "--tuples-only", "--set=ON_ERROR_STOP=1", "--command=\(sql)"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(process.terminationStatus == 0, "psql: \(text)")
    return text
}

private func runningPID(_ cluster: LocalCluster) throws -> Int32? {
    if case let .running(pid) = try cluster.status() { return pid }
    return nil
}

@Suite("Embedded local cluster")
struct LocalClusterTests {
    @Test("start creates and runs, is idempotent, keeps data across stop and start, and reset removes it")
    func lifecycle() throws {
        let temporary = try TemporaryHome()
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        defer { try? cluster.reset(progress: { _ in }) }
        #expect(try cluster.status() == .notCreated)

        var messages: [String] = []
        try cluster.start { messages.append($0) }
        #expect(messages.contains { $0.contains("Creating a local PostgreSQL cluster") })
        let pid = try #require(try runningPID(cluster))
        #expect(try psql(cluster, "select 1") == "1")
        #expect(try psql(cluster, "select current_database() || ' ' || current_user") == "ecpa ecpa_admin")

        messages = []
        try cluster.start { messages.append($0) }
        #expect(messages.isEmpty)
        #expect(try cluster.status() == .running(pid: pid))

        _ = try psql(cluster, "create table kept (note text); insert into kept values ('still here')")
        try cluster.stop()
        #expect(try cluster.status() == .stopped)
        try cluster.stop()

        try cluster.start { _ in }
        #expect(try runningPID(cluster) != nil)
        #expect(try psql(cluster, "select note from kept") == "still here")

        try cluster.reset { _ in }
        #expect(try cluster.status() == .notCreated)
        #expect(!FileManager.default.fileExists(atPath: cluster.dataDirectory.path))
    }

    @Test("the cluster only listens on a private Unix socket")
    func privateSocket() throws {
        let temporary = try TemporaryHome()
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        defer { try? cluster.reset(progress: { _ in }) }
        try cluster.start { _ in }
        #expect(try psql(cluster, "show listen_addresses") == "")
        #expect(try psql(cluster, "show fsync") == "on")
        for directory in [cluster.socketDirectory, cluster.dataDirectory] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o700, "\(directory.path)")
        }
    }

    @Test("two starts at once make one cluster")
    func concurrentStarts() throws {
        let temporary = try TemporaryHome()
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        defer { try? cluster.reset(progress: { _ in }) }
        let failures = Failures()
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                do { try cluster.start { _ in } } catch { failures.append("\(error)") }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty)
        #expect(try runningPID(cluster) != nil)
        #expect(try psql(cluster, "select count(*) from pg_database where datname = 'ecpa'") == "1")
    }

    @Test("a postmaster.pid left by a crash, naming a live unrelated process, reads as stopped")
    func stalePIDFile() throws {
        let temporary = try TemporaryHome()
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        defer { try? cluster.reset(progress: { _ in }) }
        try cluster.start { _ in }
        try cluster.stop()
        let pidFile = cluster.dataDirectory.appendingPathComponent("postmaster.pid")
        try "\(getpid())\n\(cluster.dataDirectory.path)\n".write(to: pidFile, atomically: true, encoding: .utf8)
        #expect(try cluster.status() == .stopped)
        try cluster.start { _ in }
        #expect(try psql(cluster, "select 1") == "1")
    }

    @Test("after the server is killed, status says stopped and start recovers with the data")
    func crashRecovery() throws {
        let temporary = try TemporaryHome()
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        defer { try? cluster.reset(progress: { _ in }) }
        try cluster.start { _ in }
        _ = try psql(cluster, "create table kept (note text); insert into kept values ('survived')")
        let pid = try #require(try runningPID(cluster))
        kill(pid, SIGKILL)
        let deadline = Date().addingTimeInterval(10)
        while try cluster.status() != .stopped, Date() < deadline { usleep(20_000) }
        #expect(try cluster.status() == .stopped)
        try cluster.start { _ in }
        #expect(try psql(cluster, "select note from kept") == "survived")
    }

    @Test("missing server programs give the one-sentence install hint")
    func missingPrograms() throws {
        let temporary = try TemporaryHome()
        let empty = temporary.parent.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["ECPA_PG_BINDIR"] = empty.path
        let cluster = LocalCluster(home: temporary.home, environment: environment)
        let error = #expect(throws: LocalClusterError.self) { try cluster.start { _ in } }
        #expect(error == .serverProgramsNotFound)
        #expect(
            error?.description == "PostgreSQL's server programs were not found; install them with "
                + "`sudo apt-get install postgresql` (Debian/Ubuntu), or set ECPA_PG_BINDIR.")
        #expect(!FileManager.default.fileExists(atPath: temporary.home.path))
    }

    @Test("a home too deep for a Unix socket path is refused with advice")
    func socketPathTooLong() throws {
        let temporary = try TemporaryHome(name: String(repeating: "deep/", count: 20) + "home")
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        let error = #expect(throws: LocalClusterError.self) { try cluster.start { _ in } }
        #expect(error?.description.contains("set ECPA_HOME to a shorter folder") == true)
    }

    @Test("as root, a home the postgres user cannot reach is refused with advice", .enabled(if: geteuid() == 0))
    func unreachableHomeAsRoot() throws {
        let temporary = try TemporaryHome(name: "closed/home")
        let closed = temporary.parent.appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        chmod(closed.path, 0o700)
        let cluster = LocalCluster(home: temporary.home, environment: ProcessInfo.processInfo.environment)
        let error = #expect(throws: LocalClusterError.self) { try cluster.start { _ in } }
        #expect(error == .homeUnreachable(home: temporary.home.path, blockedAt: closed.path))
    }

    @Test("conninfo quotes values with spaces for libpq")
    func conninfo() {
        let plain = LocalCluster(home: URL(fileURLWithPath: "/srv/ecpa"), environment: [:])
        #expect(plain.conninfo == "host=/srv/ecpa/run port=5432 user=ecpa_admin dbname=ecpa")
        let spaced = LocalCluster(home: URL(fileURLWithPath: "/srv/my ecpa"), environment: [:])
        #expect(spaced.conninfo == "host='/srv/my ecpa/run' port=5432 user=ecpa_admin dbname=ecpa")
        #expect(LocalCluster.quotedConninfoValue(#"it's a\b"#) == #"'it\'s a\\b'"#)
        #expect(LocalCluster.quotedConfigValue("/it's") == "'/it''s'")
        let arguments = plain.psqlArguments()
        #expect(arguments.first?.hasSuffix("psql") == true)
        #expect(arguments.dropFirst() == ["--host=/srv/ecpa/run", "--port=5432", "--username=ecpa_admin", "--dbname=ecpa"])
    }

    @Test("the default home: ECPA_HOME, else /var/lib/ecpa as root, else XDG_DATA_HOME, else ~/.local/share")
    func defaultHome() {
        #expect(LocalCluster.defaultHome(environment: ["ECPA_HOME": "/x/e", "HOME": "/h"]).path == "/x/e")
        let xdg = LocalCluster.defaultHome(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).path
        let plain = LocalCluster.defaultHome(environment: ["HOME": "/h"]).path
        if geteuid() == 0 {
            #expect(xdg == "/var/lib/ecpa")
            #expect(plain == "/var/lib/ecpa")
        } else {
            #expect(xdg == "/d/ecpa")
            #expect(plain == "/h/.local/share/ecpa")
        }
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        messages.append(message)
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
