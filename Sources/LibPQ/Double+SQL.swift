extension Double: SQLEncodable, SQLDecodable {
    /// The shortest text that reads back as the same Double; `NaN` and `Infinity` spelled as PostgreSQL does.
    public var sqlText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return description
    }
    /// float8.
    public static var sqlTypeOID: UInt32 { 701 }

    /// Parses PostgreSQL's float8 output, including `NaN` and `Infinity`.
    public init(sqlText: String) throws {
        switch sqlText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(sqlText), value.isFinite else {
                throw PQError.decoding("not a valid Double")
            }
            self = value
        }
    }
}
