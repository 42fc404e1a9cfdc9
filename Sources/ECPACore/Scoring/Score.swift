import Foundation

/// One juror's value for one criterion of one entry, with an optional comment (DESIGN.md section 4).
public struct Score: Sendable, Equatable {
    public var entry: EntryID
    public var juror: JurorID
    public var criterion: String
    public var value: Decimal
    public var comment: String?

    public init(entry: EntryID, juror: JurorID, criterion: String, value: Decimal, comment: String? = nil) {
        self.entry = entry
        self.juror = juror
        self.criterion = criterion
        self.value = value
        self.comment = comment
    }
}
