import Foundation

extension Date: SQLEncodable, SQLDecodable {
    /// ISO 8601 in UTC with microseconds, such as `2018-12-04 09:00:00.123456+00`.
    public var sqlText: String { PostgresTimestamp.format(self) }
    /// timestamptz.
    public static var sqlTypeOID: UInt32 { 1184 }

    /// Parses timestamptz output in the ISO style, with any UTC offset; `infinity` is an error.
    public init(sqlText: String) throws {
        guard let date = PostgresTimestamp.parse(sqlText) else {
            throw PQError.decoding("not a finite timestamp with time zone in ISO format")
        }
        self = date
    }
}
