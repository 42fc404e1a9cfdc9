import Foundation
import LibPQ

/// A throwaway database for one test, empty or cloned from a migrated template; dropped on deinit.
public final class TestDatabase: Sendable {
    /// The database's name.
    public let name: String

    private init(name: String) {
        self.name = name
    }

    /// Creates a database on the server from the environment (PGHOST...), migrated with `migrations` if any.
    public static func make(migrations: [Migration] = []) throws -> TestDatabase {
        try TestServer.requireConfiguration()
        let name = uniqueName("ecpa_test")
        if migrations.isEmpty {
            let admin = try Connection(conninfo: TestServer.adminConninfo)
            defer { admin.close() }
            try admin.execute("CREATE DATABASE \(identifier: name)")
        } else {
            try TemplateDatabases.shared.clone(migrations: migrations, into: name)
        }
        return TestDatabase(name: name)
    }

    /// A new database copied from `template`, a test database some tests prepared once and share
    /// (nobody may be connected to it while it is copied).
    public static func make(cloning template: TestDatabase) throws -> TestDatabase {
        try TestServer.requireConfiguration()
        let name = uniqueName("ecpa_test")
        try TemplateDatabases.shared.clone(template: template.name, into: name)
        return TestDatabase(name: name)
    }

    /// A key=value connection string for this database as the admin; host, port, user and password come from the environment.
    public var conninfo: String {
        "dbname=\(TestServer.conninfoValue(name))"
    }

    /// Connects to this database as the admin (a superuser).
    public func connect() throws -> Connection {
        try Connection(conninfo: conninfo)
    }

    /// Connects to this database as a login role with password authentication.
    public func connect(role: String, password: String) throws -> Connection {
        try Connection(
            conninfo:
                "\(conninfo) user=\(TestServer.conninfoValue(role)) password=\(TestServer.conninfoValue(password))")
    }

    deinit {
        // WITH (FORCE) ends connections the test left open; a failed drop only leaves litter in a throwaway cluster.
        if let admin = try? Connection(conninfo: TestServer.adminConninfo) {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)")
            admin.close()
        }
    }

    /// A lowercase name that no other test in any process will pick, for databases and roles.
    public static func uniqueName(_ prefix: String) -> String {
        let random = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return "\(prefix)_\(random)"
    }
}
