import CLibPQ

extension Connection {
    /// Runs `body` in a transaction (a savepoint when one is already open); any thrown error rolls it back and is rethrown.
    @discardableResult
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try openHandle()
        if PQtransactionStatus(connection) == PQTRANS_IDLE {
            try executeScript(unsafeRaw: "BEGIN")
            let value: T
            do {
                value = try body(self)
                try failIfAborted()
            } catch {
                rollbackQuietly(to: nil)
                throw error
            }
            try executeScript(unsafeRaw: "COMMIT")
            return value
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
