import Foundation

/// The chair's sign-off of a decision record: who signed, when, and the SHA-256 of the record's
/// canonical text as it stood then.
public struct DecisionSignoff: Hashable, Sendable {
    public var chair: JurorID
    public var signedAt: Date
    public var recordHash: String

    public init(chair: JurorID, signedAt: Date, recordHash: String) {
        self.chair = chair
        self.signedAt = signedAt
        self.recordHash = recordHash
    }
}
