/// A Swift value that can be read from a text-format result value.
public protocol SQLDecodable {
    /// Parses PostgreSQL's text output; throws a decoding error when the text does not fit.
    init(sqlText: String) throws
}

/// A type that can hold SQL NULL; lets `Row.decode` return nil instead of throwing.
protocol SQLNullable {
    static var sqlNull: Self { get }
}
