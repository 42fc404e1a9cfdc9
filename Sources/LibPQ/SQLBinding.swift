/// One bound parameter: its text-format value (nil for NULL) and its type OID (0 lets the server infer it).
public struct SQLBinding: Sendable, Hashable {
    /// The value in PostgreSQL's text format, or nil for NULL.
    public var value: String?
    /// The parameter's type OID, such as 25 for text.
    public var typeOID: UInt32

    /// Creates a binding from a text value and a type OID.
    public init(value: String?, typeOID: UInt32) {
        self.value = value
        self.typeOID = typeOID
    }
}
