import Foundation

/// Whether one migration is applied, and whether the applied one still matches its file.
public struct MigrationStatus: Sendable, Hashable {
    /// The migration's version.
    public var version: Int
    /// The migration's name (from the file, or from the database when this binary does not know it).
    public var name: String
    /// When it was applied; nil while pending.
    public var appliedAt: Date?
    /// Whether the applied script's checksum equals the file's; nil when pending or unknown to this binary.
    public var checksumMatches: Bool?

    /// Creates a status line.
    public init(version: Int, name: String, appliedAt: Date?, checksumMatches: Bool?) {
        self.version = version
        self.name = name
        self.appliedAt = appliedAt
        self.checksumMatches = checksumMatches
    }
}
