import LibPQ

extension Connection {
    /// Runs `body` in one read-only REPEATABLE READ transaction, so that every query in it sees the
    /// same committed state; inside a transaction already open (a freeze, say), in that one.
    func consistentRead<T>(_ body: (Connection) throws -> T) throws -> T {
        if isInTransaction { return try body(self) }
        return try transaction(isolation: .repeatableRead, readOnly: true, body)
    }
}
