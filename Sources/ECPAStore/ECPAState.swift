import LibPQ

/// ecpa's own SQLSTATE codes, raised by its triggers and functions (sql/) and read by `StoreError`.
public enum ECPAState {
    /// A window or phase is closed: submissions, scoring, a deadline passed.
    public static let closed = "EC001"
    /// The edition is frozen or published, or a frozen record would change.
    public static let frozen = "EC002"
    /// A phase or state may not move that way.
    public static let invalidTransition = "EC003"
    /// A row may not change that way (a cell moving to another entry, a final state changing).
    public static let invalidChange = "EC004"
    /// This login may not do this here.
    public static let notAllowed = "EC005"
    /// Another session holds the edition or row this write needs, in a transaction still open.
    public static let busy = "EC006"
}
