extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    /// Decodes a non-NULL value as the wrapped type; `Row.decode` turns NULL into nil.
    public init(sqlText: String) throws {
        self = .some(try Wrapped(sqlText: sqlText))
    }
}

extension Optional: SQLNullable where Wrapped: SQLDecodable {
    static var sqlNull: Optional { nil }
}
