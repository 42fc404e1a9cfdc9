import ECPACore
import Foundation

/// A cell whose stored value is not what the ledger's last event for it says.
public struct CellDifference: Sendable, Equatable {
    public var entry: EntryID
    public var juror: JurorID
    public var criterion: String
    public var ledgerValue: Decimal?
    public var tableValue: Decimal?
}
