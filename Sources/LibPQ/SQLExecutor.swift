/// Something that runs SQL: a connection, or a connection inside a transaction.
public protocol SQLExecutor {
    /// Runs a statement and returns all rows.
    func query(_ sql: SQL) throws -> [Row]
    /// Runs a statement and returns the number of rows it affected.
    @discardableResult func execute(_ sql: SQL) throws -> Int
    /// Streams the rows of a `COPY ... TO STDOUT`, one line of COPY's text format at a time.
    func copyOut(_ sql: SQL, row: (UnsafeRawBufferPointer) throws -> Void) throws -> Int
}
