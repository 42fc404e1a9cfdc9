/// What an import of a score sheet wrote: counts of rows by what happened to their cell.
public struct ScoreImportSummary: Sendable, Equatable {
    /// Rows read, not counting the header and rows whose every field is empty.
    public var rows: Int
    /// Cells that had no score and now have one.
    public var added: Int
    /// Cells whose value or comment changed.
    public var changed: Int
    /// Rows whose value and comment equal what is stored (not rewritten).
    public var unchanged: Int
    /// Rows with an empty value: their cells were left as they were.
    public var empty: Int
    /// The ledger batch holding every change, or nil when nothing changed.
    public var batch: Int64?

    public init(rows: Int, added: Int, changed: Int, unchanged: Int, empty: Int, batch: Int64?) {
        self.rows = rows
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.empty = empty
        self.batch = batch
    }
}
