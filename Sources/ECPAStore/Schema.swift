/// The SQL migrations of `sql/`, embedded at build time.
public enum Schema {
    public static var files: [(name: String, sql: String)] { EmbeddedMigrations.files }
}
