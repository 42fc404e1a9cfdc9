extension Array: SQLEncodable where Element == String {
    /// An array literal with every element quoted, such as `{"a","b \"c\""}`.
    public var sqlText: String { PostgresArrayLiteral.format(self) }
    /// text[].
    public static var sqlTypeOID: UInt32 { 1009 }
}

extension Array: SQLDecodable where Element == String {
    /// Parses a one-dimensional array literal; NULL elements are an error.
    public init(sqlText: String) throws {
        self = try PostgresArrayLiteral.parse(sqlText)
    }
}
