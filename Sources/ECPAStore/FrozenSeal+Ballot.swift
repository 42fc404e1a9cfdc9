import ECPACore
import Foundation

extension FrozenSeal {
    /// A ballot as sql/0033's ecpa.ballot_line writes it: `[id, juror, [entries best first]]`.
    public static func ballotLine(id: Int64, _ ballot: Ballot) -> String {
        "[\(id), \(ballot.juror.rawValue), [" + ballot.ranking.map { String($0.rawValue) }.joined(separator: ", ") + "]]"
    }

    /// The ballot set as ecpa.ballot_set_digest hashes it: the ballot's salt, the shortlist's line,
    /// then every ballot cast (the superseded ones too) by id.
    public static func ballotSetText(salt: String, shortlist: [EntryID], ballots: [StoredBallot]) -> String {
        ([salt, "[" + shortlist.map { String($0.rawValue) }.joined(separator: ", ") + "]"]
            + ballots.sorted { $0.id < $1.id }.map { ballotLine(id: $0.id, $0.ballot) })
            .joined(separator: "\n")
    }

    /// The ledger's note that sealed one ballot when the ballot closed, as ecpa.close_ballot writes
    /// it: the SHA-256 of the salt's line and the ballot's (unsalted, a shortlist of three has only
    /// six rankings to try).
    public static func ballotSealNote(edition: EditionID, salt: String, _ stored: StoredBallot) -> String {
        "seal ballot \(stored.id) of edition \(edition.rawValue) juror \(stored.ballot.juror.rawValue) sha256:"
            + SHA256.hex(salt + "\n" + ballotLine(id: stored.id, stored.ballot))
    }

    /// The ledger's note that closed the ballot, naming the set's SHA-256.
    public static func ballotCloseNote(edition: EditionID, salt: String, shortlist: [EntryID], ballots: [StoredBallot]) -> String {
        "close ballot of edition \(edition.rawValue) sha256:" + SHA256.hex(ballotSetText(salt: salt, shortlist: shortlist, ballots: ballots))
    }
}

/// A ballot as stored: its id (the order cast) and what it says.
public struct StoredBallot: Hashable, Sendable {
    public var id: Int64
    public var ballot: Ballot

    public init(id: Int64, ballot: Ballot) {
        self.id = id
        self.ballot = ballot
    }
}
