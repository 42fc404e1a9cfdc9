/// The steps of a score sheet import, reported as each begins (for progress and timings).
public enum ScoreImportPhase: String, Sendable, CaseIterable {
    /// COPY streams the file into the staging table.
    case reading
    /// Every row is parsed, joined and checked in SQL.
    case checking
    /// The new and changed cells are written (with the ledger batch and the rule checks).
    case writing
}
