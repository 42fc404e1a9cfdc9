import Foundation

extension UUID: SQLEncodable, SQLDecodable {
    /// The lowercase hyphenated form.
    public var sqlText: String { uuidString.lowercased() }
    /// uuid.
    public static var sqlTypeOID: UInt32 { 2950 }

    /// Parses the hyphenated form.
    public init(sqlText: String) throws {
        guard let value = UUID(uuidString: sqlText) else { throw PQError.decoding("not a valid UUID") }
        self = value
    }
}
