import Foundation

/// What an edition declared when its scoring opened (issue "what the numbers say", item 1): its
/// scheme as a scheme file (method, tie-break cascade, criteria, analysis settings), written by
/// PostgreSQL from the scheme's rows, with the SHA-256 of the text. Anyone can check the hash with
/// `sha256sum` and read the text back with the scheme file's own reader.
public struct Declaration: Hashable, Sendable {
    /// The scheme file as declared.
    public var text: String
    /// The SHA-256 stored with it, in lower-case hex.
    public var hash: String
    public var declaredAt: Date
    /// The role that opened scoring.
    public var declaredBy: String
    /// Declared when ecpa learnt to declare, after this edition's scoring had opened.
    public var recordedLate: Bool

    public init(text: String, hash: String, declaredAt: Date, declaredBy: String, recordedLate: Bool) {
        self.text = text
        self.hash = hash
        self.declaredAt = declaredAt
        self.declaredBy = declaredBy
        self.recordedLate = recordedLate
    }

    /// Whether the stored hash is the SHA-256 of the text, computed here.
    public var hashMatchesText: Bool { SHA256.hex(text) == hash }

    /// The scheme the text declares, read as a scheme file; nil when it cannot be read.
    public var scheme: ScoringScheme? { ScoringScheme.parse(text).scheme }

    /// The ledger operation that carries the declaration into the hash chain.
    public static func ledgerOperation(edition: EditionID, hash: String) -> String {
        "declare edition \(edition.rawValue) sha256:\(hash)"
    }

    /// One line for reports: "Declared when scoring opened (2018-05-02): sha256 3f2a…".
    public var shortHash: String { String(hash.prefix(16)) + "…" }
}
