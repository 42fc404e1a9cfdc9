import ECPACore
import LibPQ

/// The SQL migrations of `sql/` and the schemes of `config/schemes/`, embedded at build time.
public enum Schema {
    /// Every migration this binary knows, in version order.
    public static func migrations() throws -> [Migration] {
        try EmbeddedMigrations.files.map { try Migration(fileName: $0.name, sql: $0.text) }
    }

    /// A migrator over the embedded migrations.
    public static func migrator() throws -> Migrator {
        Migrator(migrations: try migrations())
    }

    /// The names of the shipped scoring schemes (`ecpa-default`, ...).
    public static var shippedSchemeNames: [String] {
        EmbeddedSchemes.files.map { String($0.name.dropLast(".toml".count)) }
    }

    /// The text of a shipped scoring scheme, by name.
    public static func shippedSchemeText(_ name: String) -> String? {
        EmbeddedSchemes.files.first { $0.name == name + ".toml" }?.text
    }
}
