import Foundation

/// One juror's score for one criterion of one entry: the unit a score sheet asks for (DESIGN section 4).
public struct ScoreCell: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The entry scored.
    public var entry: EntryID
    /// The juror scoring.
    public var juror: JurorID
    /// The criterion's code, e.g. "evaluation".
    public var criterion: String

    /// Names a cell.
    public init(entry: EntryID, juror: JurorID, criterion: String) {
        self.entry = entry
        self.juror = juror
        self.criterion = criterion
    }

    /// E.g. "entry 12, juror 3, evaluation".
    public var description: String { "entry \(entry), juror \(juror), \(criterion)" }
}
