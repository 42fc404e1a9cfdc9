import Foundation

/// Applies numbered migrations in order, each in its own transaction, and records them in a table.
public struct Migrator: Sendable {
    /// The known migrations, in version order.
    public let migrations: [Migration]
    /// The schema that holds the record table.
    public let schema: String
    /// The table that records applied migrations.
    public let table: String

    /// Creates a migrator for these migrations, recording them in `schema.table`.
    public init(migrations: [Migration], schema: String = "ecpa_meta", table: String = "schema_migrations") {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.schema = schema
        self.table = table
    }

    /// Every known migration and every applied one, in version order. Without `checksums`, the
    /// scripts are not sent to the server to be hashed and `checksumMatches` stays nil: enough to
    /// know what is applied and pending, which every command checks first.
    public func status(on connection: Connection, checksums compare: Bool = true) throws -> [MigrationStatus] {
        try checkDistinctVersions()
        let applied = try recordTableExists(on: connection) ? try appliedRecords(on: connection) : [:]
        let checksums = applied.isEmpty || !compare ? [:] : try fileChecksums(on: connection)
        var statuses = migrations.map { migration in
            let record = applied[migration.version]
            return MigrationStatus(
                version: migration.version, name: migration.name, appliedAt: record?.appliedAt,
                checksumMatches: compare ? record.map { $0.checksum == checksums[migration.version] } : nil)
        }
        let known = Set(migrations.map(\.version))
        for record in applied.values where !known.contains(record.version) {
            statuses.append(
                MigrationStatus(
                    version: record.version, name: record.name, appliedAt: record.appliedAt, checksumMatches: nil))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    /// The known migrations that are not applied yet, in version order.
    public func pending(on connection: Connection) throws -> [Migration] {
        try checkDistinctVersions()
        let applied = try recordTableExists(on: connection) ? try appliedRecords(on: connection) : [:]
        return migrations.filter { applied[$0.version] == nil }
    }

    /// Applies every pending migration, each in its own transaction under an advisory lock, and returns them.
    @discardableResult
    public func migrate(on connection: Connection, willApply: ((Migration) -> Void)? = nil) throws -> [Migration] {
        try checkDistinctVersions()
        let checksums = try fileChecksums(on: connection)
        var applied: [Migration] = []
        while let migration = try applyNext(on: connection, checksums: checksums, willApply: willApply) {
            applied.append(migration)
        }
        return applied
    }

    /// Applies the first pending migration; re-reads the record under the lock, since another migrator may have run.
    private func applyNext(
        on connection: Connection, checksums: [Int: String], willApply: ((Migration) -> Void)?
    ) throws -> Migration? {
        try connection.transaction { connection in
            try connection.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("ecpa migrator " + qualifiedTable), 0))")
            try connection.executeScript(
                unsafeRaw: """
                    CREATE SCHEMA IF NOT EXISTS \(Connection.quoteIdentifier(schema));
                    CREATE TABLE IF NOT EXISTS \(qualifiedTable) (
                        version bigint PRIMARY KEY,
                        name text NOT NULL,
                        checksum text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """)
            let applied = try appliedRecords(on: connection)
            try verify(applied, checksums: checksums)
            guard let migration = migrations.first(where: { applied[$0.version] == nil }) else { return nil }
            willApply?(migration)
            do {
                try connection.executeScript(unsafeRaw: migration.sql)
            } catch var error as PQError {
                error.message = "Migration \(migration.version) (\(migration.name)) failed: \(error.message)"
                throw error
            }
            try connection.execute(
                """
                INSERT INTO \(recordTable) (version, name, checksum)
                VALUES (\(migration.version), \(migration.name), encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex'))
                """)
            return migration
        }
    }

    /// Refuses a database whose applied migrations were changed or come from a newer binary.
    private func verify(_ applied: [Int: AppliedRecord], checksums: [Int: String]) throws {
        let known = Set(migrations.map(\.version))
        let unknown = applied.values.filter { !known.contains($0.version) }.sorted { $0.version < $1.version }
        if !unknown.isEmpty {
            let list = unknown.map { "\($0.version) (\($0.name))" }.joined(separator: ", ")
            throw PQError.usage(
                "The database has migration \(list) applied, which this program does not know: it was migrated by a newer version. Use that newer version of the program, or a database made by this one."
            )
        }
        for migration in migrations {
            guard let record = applied[migration.version], record.checksum != checksums[migration.version] else {
                continue
            }
            throw PQError.usage(
                "Migration \(migration.version) (\(migration.name)) was changed after it was applied to this database. Applied migrations must not change: restore the file as it was and put the change in a new migration."
            )
        }
    }

    private struct AppliedRecord {
        var version: Int
        var name: String
        var checksum: String
        var appliedAt: Date
    }

    private var recordTable: SQL {
        "\(identifier: schema).\(identifier: table)"
    }

    private var qualifiedTable: String {
        Connection.quoteIdentifier(schema) + "." + Connection.quoteIdentifier(table)
    }

    private func checkDistinctVersions() throws {
        var names: [Int: String] = [:]
        for migration in migrations {
            if let other = names[migration.version] {
                throw PQError.usage(
                    "Migrations \(other) and \(migration.name) both have version \(migration.version); give each file its own number.")
            }
            names[migration.version] = migration.name
        }
    }

    private func recordTableExists(on connection: Connection) throws -> Bool {
        let row = try connection.queryOne("SELECT to_regclass(\(qualifiedTable)) IS NOT NULL AS present")
        return try row?.decode("present", as: Bool.self) ?? false
    }

    private func appliedRecords(on connection: Connection) throws -> [Int: AppliedRecord] {
        let rows = try connection.query(
            "SELECT version, name, checksum, applied_at FROM \(recordTable) ORDER BY version")
        var records: [Int: AppliedRecord] = [:]
        for row in rows {
            let record = AppliedRecord(
                version: try row.decode("version"), name: try row.decode("name"),
                checksum: try row.decode("checksum"), appliedAt: try row.decode("applied_at"))
            records[record.version] = record
        }
        return records
    }

    /// The SHA-256 of each known script, computed by the server exactly as it is recorded.
    private func fileChecksums(on connection: Connection) throws -> [Int: String] {
        guard !migrations.isEmpty else { return [:] }
        let rows = try connection.query(
            """
            SELECT encode(sha256(convert_to(script, 'UTF8')), 'hex') AS checksum
            FROM unnest(\(migrations.map(\.sql))) WITH ORDINALITY AS scripts(script, position)
            ORDER BY position
            """)
        guard rows.count == migrations.count else {
            throw PQError.usage("The server returned \(rows.count) checksums for \(migrations.count) migrations.")
        }
        var checksums: [Int: String] = [:]
        for (migration, row) in zip(migrations, rows) {
            checksums[migration.version] = try row.decode("checksum")
        }
        return checksums
    }
}
