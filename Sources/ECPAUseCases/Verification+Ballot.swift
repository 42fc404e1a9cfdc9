import ECPACore
import ECPAStore
import Foundation

extension Verification {
    /// The final ballot, recomputed from the ballots read: each ballot's SHA-256 (computed here) is
    /// the one sealed in the ledger when the ballot closed, every ballot sealed is there and every
    /// one there was cast, the set's SHA-256 is the one the closing note names, and the ballots
    /// count (Schulze, as the ranking check then uses them).
    mutating func checkBallot(
        edition: Edition, scores: EditionScores, ledger: [(operation: String, sealed: Bool)], names: [JurorID: String]
    ) {
        guard edition.stage == .ballotClosed else {
            fail("ballot.ledger", "the edition declared a final ballot, but it was never closed")
            return
        }
        guard let ballot = scores.ballot else {
            fail("ballot.ledger", "the edition's final ballot closed, but no ballot can be read")
            return
        }
        let id = edition.id.rawValue
        var problems: [String] = []
        let sealed = Set(ledger.filter(\.sealed).map(\.operation))
        let sealNotes = ledger.filter { $0.operation.hasPrefix("seal ballot ") }.map(\.operation)
        for stored in ballot.cast {
            let who = names[stored.ballot.juror] ?? "juror \(stored.ballot.juror)"
            let expected = FrozenSeal.ballotSealNote(edition: edition.id, salt: ballot.salt, stored)
            if sealed.contains(expected) { continue }
            let prefix = "seal ballot \(stored.id) of edition \(id) "
            problems.append(
                sealNotes.contains { $0.hasPrefix(prefix) }
                    ? "ballot \(stored.id) of \(who) is not the ballot sealed in the ledger when the ballot closed: its SHA-256 computed here differs"
                    : "ballot \(stored.id) of \(who) was never sealed in the ledger")
        }
        let held = Set(ballot.cast.map(\.id))
        for note in sealNotes {
            let number = note.dropFirst("seal ballot ".count).prefix { $0.isNumber }
            if let ballotID = Int64(number), !held.contains(ballotID) {
                problems.append("ballot \(ballotID) was sealed in the ledger but is no longer held")
            }
        }
        let casts = ledger.filter { $0.operation.hasPrefix("cast ballot ") }.count
        if casts != ballot.cast.count {
            problems.append("the ledger records \(casts) ballot\(casts == 1 ? "" : "s") cast, but \(ballot.cast.count) are held")
        }
        if !sealed.contains(FrozenSeal.ballotCloseNote(edition: edition.id, salt: ballot.salt, shortlist: ballot.shortlist, ballots: ballot.cast)) {
            problems.append("the shortlist and ballots held are not the set whose SHA-256 the ledger sealed when the ballot closed")
        }
        if problems.isEmpty {
            pass(
                "ballot.ledger",
                "each of the \(ballot.cast.count) ballot\(ballot.cast.count == 1 ? "" : "s") cast matches the SHA-256 sealed in the ledger when the ballot closed (computed here)"
            )
        } else {
            fail("ballot.ledger", "the final ballot differs from the ledger:", details: problems)
        }
        if let count = ballot.count {
            pass("ballot.count", "the \(count.jurors.count) ballots counted by Schulze give the order the ranking is recomputed with")
        } else {
            fail("ballot.count", "the ballots cannot be counted:", details: ballot.problems.map(\.description))
        }
    }
}
