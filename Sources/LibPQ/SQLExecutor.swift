/// Something that runs SQL: a connection, or a connection inside a transaction.
public protocol SQLExecutor {
    /// Runs a statement and returns all rows.
    func query(_ sql: SQL) throws -> [Row]
    /// Runs a statement and returns the number of rows it affected.
    @discardableResult func execute(_ sql: SQL) throws -> Int
}
