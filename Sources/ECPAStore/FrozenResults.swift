import Foundation

/// What was stored when an edition was frozen.
public struct FrozenResults: Sendable, Equatable {
    public var method: String
    /// The ranking, by place then entry.
    public var places: [FrozenPlace]
    public var scoresDigest: String
    public var ledgerHead: String
    /// The hash of the edition's declaration, sealed into the digest; nil for an edition frozen
    /// before ecpa sealed declarations.
    public var declarationHash: String?
    /// SHA-256 over the ranking's canonical text, the score set digest, the ledger head and the
    /// declaration's hash.
    public var digest: String
    public var frozenAt: Date
    public var frozenBy: String
}
