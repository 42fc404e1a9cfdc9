import CLibPQ

/// When a transaction that failed is run again from the start.
public struct TransactionRetry: Sendable {
    /// How many times the transaction runs at most: 2 runs it once more after a failure.
    public var attempts: Int
    /// Whether an error is one that running the whole transaction again may cure.
    public var isRetryable: @Sendable (Error) -> Bool

    public init(attempts: Int, when isRetryable: @escaping @Sendable (Error) -> Bool) {
        self.attempts = attempts
        self.isRetryable = isRetryable
    }
}

/// The isolation level a transaction asks for when it begins.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension Connection {
    /// Runs `body` in a transaction (a savepoint when one is already open); any thrown error rolls it back and is rethrown.
    ///
    /// With `retry`, a transaction this call opened is rolled back and run again, body and all,
    /// while its error is retryable and attempts are left; the last error is thrown. A savepoint
    /// is never retried, since the failures worth retrying end the whole transaction. An error
    /// from the COMMIT itself is thrown with `duringCommit` set.
    ///
    /// With `isolation`, a transaction this call opens begins at that level, whatever the session's
    /// default (a role setting or PGOPTIONS may have changed it); with `readOnly`, it may not write.
    /// A savepoint keeps the level and mode of the transaction it is in.
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel? = nil, readOnly: Bool = false, retry: TransactionRetry? = nil,
        _ body: (Connection) throws -> T
    ) throws -> T {
        let connection = try openHandle()
        if PQtransactionStatus(connection) == PQTRANS_IDLE {
            var attempt = 1
            while true {
                do {
                    return try topLevelTransaction(isolation: isolation, readOnly: readOnly, body)
                } catch {
                    guard let retry, attempt < retry.attempts, retry.isRetryable(error),
                        let handle = try? openHandle(), PQtransactionStatus(handle) == PQTRANS_IDLE
                    else { throw error }
                    retryHandler?(error)
                    attempt += 1
                }
            }
        }
        let savepoint = nextSavepointName()
        try executeScript(unsafeRaw: "SAVEPOINT \(savepoint)")
        let value: T
        do {
            value = try body(self)
            try failIfAborted()
            try executeScript(unsafeRaw: "RELEASE SAVEPOINT \(savepoint)")
        } catch {
            rollbackQuietly(to: savepoint)
            throw error
        }
        return value
    }

    /// Whether the connection is inside a transaction block (open, failed, or with a statement running).
    public var isInTransaction: Bool {
        guard let handle = try? openHandle() else { return false }
        let status = PQtransactionStatus(handle)
        return status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN
    }

    /// Whether the connection is open and still connected to the server.
    public var isConnected: Bool {
        guard let handle = try? openHandle() else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    private func topLevelTransaction<T>(isolation: IsolationLevel?, readOnly: Bool, _ body: (Connection) throws -> T) throws -> T {
        var begin = isolation.map { "BEGIN ISOLATION LEVEL \($0.rawValue)" } ?? "BEGIN"
        if readOnly { begin += " READ ONLY" }
        try executeScript(unsafeRaw: begin)
        let value: T
        do {
            value = try body(self)
            try failIfAborted()
        } catch {
            rollbackQuietly(to: nil)
            throw error
        }
        do {
            try executeScript(unsafeRaw: "COMMIT")
        } catch var error as PQError {
            error.duringCommit = true
            throw error
        }
        committedTransactions += 1
        return value
    }

    /// A body that caught a statement's error would otherwise COMMIT an aborted transaction, which silently rolls back.
    private func failIfAborted() throws {
        if let handle = try? openHandle(), PQtransactionStatus(handle) == PQTRANS_INERROR {
            throw PQError.usage(
                "A statement in the transaction failed and its error was caught inside the transaction; the transaction was rolled back.")
        }
    }

    private func rollbackQuietly(to savepoint: String?) {
        guard let handle = try? openHandle() else { return }
        if let savepoint {
            try? executeScript(unsafeRaw: "ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
        } else if PQtransactionStatus(handle) != PQTRANS_IDLE {
            try? executeScript(unsafeRaw: "ROLLBACK")
        }
    }
}
