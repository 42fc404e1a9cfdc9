extension String: SQLEncodable, SQLDecodable {
    /// The string itself.
    public var sqlText: String { self }
    /// text.
    public static var sqlTypeOID: UInt32 { 25 }

    /// Takes the text as is.
    public init(sqlText: String) {
        self = sqlText
    }
}
