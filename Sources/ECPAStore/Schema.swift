import LibPQ

/// The SQL migrations of `sql/`, embedded in the binary at build time.
public enum Schema {
    /// Every migration this binary knows, in version order.
    public static func migrations() throws -> [Migration] {
        try EmbeddedMigrations.files.map { try Migration(fileName: $0.name, sql: $0.sql) }
    }

    /// A migrator over the embedded migrations.
    public static func migrator() throws -> Migrator {
        Migrator(migrations: try migrations())
    }
}
