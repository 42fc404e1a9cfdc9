/// One result row: column names and text values (nil for NULL).
public struct Row: Sendable, Hashable {
    /// The names of the result columns, in order.
    public var columnNames: [String]
    /// The values in PostgreSQL's text format, nil for NULL, in column order.
    public var values: [String?]

    /// Creates a row; `values` must have one entry per column name.
    public init(columnNames: [String], values: [String?]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// Decodes the first column with this name; decode as an Optional to accept NULL.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columnNames.firstIndex(of: column) else {
            throw PQError.usage(
                "The result has no column \"\(column)\"; its columns are \(columnNames.map { "\"\($0)\"" }.joined(separator: ", ")).")
        }
        return try decodeValue(at: index, as: type)
    }

    /// Decodes the first column with this name, NULL as nil. The same as decoding as an Optional
    /// through the generic path, without asking the runtime at every NULL whether the type can hold one.
    public func decode<T: SQLDecodable>(_ column: String, as type: T?.Type = T?.self) throws -> T? {
        guard let index = columnNames.firstIndex(of: column) else {
            throw PQError.usage(
                "The result has no column \"\(column)\"; its columns are \(columnNames.map { "\"\($0)\"" }.joined(separator: ", ")).")
        }
        guard values[index] != nil else { return nil }
        return try decodeValue(at: index, as: T.self)
    }

    /// Decodes the column at this zero-based position; decode as an Optional to accept NULL.
    public func decode<T: SQLDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw PQError.usage("The result has no column at position \(index); it has \(values.count) columns.")
        }
        return try decodeValue(at: index, as: type)
    }

    /// Whether the named column is NULL; false when there is no such column.
    public func isNull(_ column: String) -> Bool {
        guard let index = columnNames.firstIndex(of: column), values.indices.contains(index) else { return false }
        return values[index] == nil
    }

    private func decodeValue<T: SQLDecodable>(at index: Int, as type: T.Type) throws -> T {
        let name = columnNames.indices.contains(index) ? columnNames[index] : "#\(index)"
        guard let text = values[index] else {
            if let nullable = T.self as? any SQLNullable.Type, let null = nullable.sqlNull as? T {
                return null
            }
            throw PQError(
                kind: .decoding,
                message: "Column \"\(name)\" is NULL, but \(T.self) cannot hold NULL; decode it as \(T.self)? instead.",
                column: name)
        }
        do {
            return try T(sqlText: text)
        } catch var error as PQError {
            // The value itself stays out of the message: it may be confidential.
            error.message = "Column \"\(name)\" is \(error.message)."
            error.kind = .decoding
            error.column = name
            throw error
        } catch {
            throw PQError(
                kind: .decoding, message: "Column \"\(name)\" could not be decoded as \(T.self): \(error)",
                column: name)
        }
    }
}
