import LibPQ

extension TransactionRetry {
    /// Runs a transaction once more when another session changed the same rows at the same moment
    /// (40001) or a deadlock stopped it (40P01): the second attempt sees the other change.
    public static let concurrentChange = TransactionRetry(attempts: 2) { StoreError.isConcurrentChange($0) }
}
