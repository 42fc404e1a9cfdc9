extension Int: SQLEncodable, SQLDecodable {
    /// Decimal digits.
    public var sqlText: String { String(self) }
    /// int8.
    public static var sqlTypeOID: UInt32 { 20 }

    /// Parses decimal digits.
    public init(sqlText: String) throws {
        guard let value = Int(sqlText) else { throw PQError.decoding("not a valid Int") }
        self = value
    }
}

extension Int64: SQLEncodable, SQLDecodable {
    /// Decimal digits.
    public var sqlText: String { String(self) }
    /// int8.
    public static var sqlTypeOID: UInt32 { 20 }

    /// Parses decimal digits.
    public init(sqlText: String) throws {
        guard let value = Int64(sqlText) else { throw PQError.decoding("not a valid Int64") }
        self = value
    }
}

extension Int32: SQLEncodable, SQLDecodable {
    /// Decimal digits.
    public var sqlText: String { String(self) }
    /// int4.
    public static var sqlTypeOID: UInt32 { 23 }

    /// Parses decimal digits.
    public init(sqlText: String) throws {
        guard let value = Int32(sqlText) else { throw PQError.decoding("not a valid Int32") }
        self = value
    }
}
