/// A Swift value that can be sent as a text-format bound parameter.
public protocol SQLEncodable {
    /// The value in PostgreSQL's text input format.
    var sqlText: String { get }
    /// The parameter's type OID; 0 lets the server infer it.
    static var sqlTypeOID: UInt32 { get }
}
