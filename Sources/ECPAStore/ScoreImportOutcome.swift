import ECPACore

/// The result of importing a score sheet: written in one transaction, or refused with every problem.
public enum ScoreImportOutcome: Sendable, Equatable {
    /// Every row was valid; the changes were written as one ledger batch.
    case imported(ScoreImportSummary)
    /// Nothing was written; every problem found, by line.
    case refused([ScoreSheetProblem])
}
