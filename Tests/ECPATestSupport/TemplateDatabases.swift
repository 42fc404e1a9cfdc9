import Foundation
import LibPQ

/// Migrated template databases, made once per process per migration set, and the clones made from them.
final class TemplateDatabases: @unchecked Sendable {
    static let shared = TemplateDatabases()

    // Guards `ready`, and serializes clones: PostgreSQL refuses to copy a template that another session is connected to.
    private let lock = NSLock()
    private var ready: Set<String> = []

    func clone(migrations: [Migration], into name: String) throws {
        let template = "ecpa_tpl_" + Self.shortHash(of: migrations)
        lock.lock()
        defer { lock.unlock() }
        do {
            let admin = try Connection(conninfo: TestServer.adminConninfo)
            defer { admin.close() }
            if !ready.contains(template) {
                // A template left by an earlier run may come from other migration files with the same hash prefix, or be half made.
                try admin.execute("DROP DATABASE IF EXISTS \(identifier: template) WITH (FORCE)")
                try admin.execute("CREATE DATABASE \(identifier: template)")
                let connection = try Connection(conninfo: "dbname=\(TestServer.conninfoValue(template))")
                defer { connection.close() }
                try Migrator(migrations: migrations).migrate(on: connection)
                connection.close()
                ready.insert(template)
            }
            try admin.execute("CREATE DATABASE \(identifier: name) TEMPLATE \(identifier: template) STRATEGY file_copy")
        }
    }

    /// Copies a database that tests prepared (not a migration template), ending any session still
    /// connected to it first.
    func clone(template: String, into name: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let admin = try Connection(conninfo: TestServer.adminConninfo)
        defer { admin.close() }
        _ = try admin.query(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(template) AND pid <> pg_backend_pid()
            """)
        try admin.execute("CREATE DATABASE \(identifier: name) TEMPLATE \(identifier: template) STRATEGY file_copy")
    }

    /// FNV-1a over the versions, names and scripts: stable across processes, unlike Hasher.
    private static func shortHash(of migrations: [Migration]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            for byte in "\(migration.version)\u{0}\(migration.name)\u{0}\(migration.sql)\u{0}".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
