extension Bool: SQLEncodable, SQLDecodable {
    /// `t` or `f`.
    public var sqlText: String { self ? "t" : "f" }
    /// bool.
    public static var sqlTypeOID: UInt32 { 16 }

    /// Parses `t` or `f` (PostgreSQL's output), or `true` or `false`.
    public init(sqlText: String) throws {
        switch sqlText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PQError.decoding("not a valid Bool (expected t or f)")
        }
    }
}
