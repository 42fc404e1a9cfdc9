import ECPACore
import ECPAStore
import Foundation

extension Verification {
    /// The decision record against the ledger: the record read now gives (computed here) the hash
    /// the chair signed, and exactly one ledger note names it, sealed into the hash chain (a record
    /// signed after the freeze joins the chain at the publication).
    mutating func checkDecisionRecord(_ record: DecisionRecord, notes: [(operation: String, sealed: Bool)], published: Bool) {
        let computed = record.hash
        let expected = DecisionRecord.ledgerNote(edition: record.edition, hash: computed)
        guard let signoff = record.signoff else {
            fail(
                "decision.record",
                "the ledger says the decision record was signed (\(notes.map(\.operation).joined(separator: "; "))), but no sign-off is stored")
            return
        }
        var problems: [String] = []
        if signoff.recordHash != computed {
            problems.append(
                "the record read now gives SHA-256 \(computed.prefix(16))…, but the chair signed \(signoff.recordHash.prefix(16))…: the record changed after it was signed"
            )
        }
        if notes.count != 1 {
            problems.append("the ledger holds \(notes.count) notes signing this record, not one")
        } else if notes[0].operation != expected {
            problems.append("the ledger's sign-off note names another record: \(notes[0].operation)")
        } else if !notes[0].sealed && published {
            problems.append("the ledger's sign-off note is not sealed into the hash chain")
        }
        if !problems.isEmpty {
            fail("decision.record", "the decision record differs from what was signed:", details: problems)
        } else if notes[0].sealed {
            pass(
                "decision.record",
                "the decision record gives SHA-256 \(computed.prefix(16))… (computed here), the hash the chair signed and the sealed ledger note names"
            )
        } else {
            pass(
                "decision.record",
                "the decision record gives SHA-256 \(computed.prefix(16))… (computed here), the hash the chair signed and the ledger note names; the note joins the hash chain at the publication"
            )
        }
    }
}
