import ECPACore
import Foundation
import LibPQ

extension ScoreRepository {
    /// Asks PostgreSQL whether a juror may write scores for an entry now, before they type any
    /// value: one cell is written in a transaction that is always rolled back, so the write path's
    /// own trigger decides (the phase, a frozen edition, a conflict of interest, an abstention, an
    /// entry that is not scored, another juror's cell) and throws the same error a real write would.
    /// Nothing is kept; at most a batch number of the ledger's sequence is skipped.
    ///
    /// `current` is the juror's present value for `criterion`: the probe writes a different value,
    /// since an unchanged cell is not written and so not checked.
    public static func probeWrite(
        on connection: Connection, edition: EditionID, entry: EntryID, juror: JurorID, criterion: Criterion, current: Decimal?
    ) throws {
        struct RolledBack: Error {}
        let value = current == criterion.min ? criterion.max : criterion.min
        do {
            try connection.transaction { db in
                try ScoreRepository(db).recordScores(
                    edition: edition, [Score(entry: entry, juror: juror, criterion: criterion.code, value: value, comment: nil)])
                throw RolledBack()
            }
        } catch is RolledBack {
            return
        }
    }
}
