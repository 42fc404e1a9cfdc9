/// One forward-only schema change, read from a file named like `0007_create_entries.sql`.
public struct Migration: Sendable, Hashable {
    /// The number that orders migrations, 7 for `0007_create_entries.sql`.
    public let version: Int
    /// The name after the number, `create_entries` for `0007_create_entries.sql`.
    public let name: String
    /// The SQL script, run with the simple protocol in one transaction.
    public let sql: String

    /// Reads the version and name from a file name such as `0007_create_entries.sql`; other names throw.
    public init(fileName: String, sql: String) throws {
        let baseName = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let parts = baseName.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, baseName.hasSuffix(".sql"),
            !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let version = Int(parts[0])
        else {
            throw PQError.usage(
                "Migration file \"\(baseName)\" is not named like 0007_create_entries.sql (a number, an underscore, a name, .sql).")
        }
        let name = String(parts[1].dropLast(".sql".count))
        guard !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            throw PQError.usage(
                "Migration file \"\(baseName)\" has no usable name after its number: use letters, digits and underscores, as in 0007_create_entries.sql."
            )
        }
        self.version = version
        self.name = name
        self.sql = sql
    }
}
