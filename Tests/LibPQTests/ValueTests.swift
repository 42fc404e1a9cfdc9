import ECPATestSupport
import Foundation
import LibPQ
import Testing

@Suite struct ValueTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    /// The value as the server received it, its type, and the value decoded back.
    private func echo<T: SQLEncodable & SQLDecodable>(_ value: T) throws -> (type: String, back: T) {
        let row = try #require(try connection.queryOne("SELECT \(value) AS v, pg_typeof(\(value))::text AS type"))
        return (try row.decode("type"), try row.decode("v"))
    }

    static let awkwardStrings = [
        "it's", #"say "cheese""#, #"back\slash \\ and \x00"#, "Ünïcödé — 日本語 🇪🇺", "",
        "Robert'); DROP TABLE stored; --", "$1 $$ $tag$", "line\nbreak\ttab",
    ]

    @Test func stringsAreStoredVerbatim() throws {
        try connection.execute("CREATE TABLE stored (position int, value text)")
        for (position, text) in Self.awkwardStrings.enumerated() {
            try connection.execute("INSERT INTO stored (position, value) VALUES (\(position), \(text))")
            #expect(try echo(text) == ("text", text))
        }
        let rows = try connection.query("SELECT value FROM stored ORDER BY position")
        #expect(try rows.map { try $0.decode("value", as: String.self) } == Self.awkwardStrings)
    }

    @Test func aNULCharacterIsRefusedBeforeReachingTheServer() throws {
        let error = try #require(throws: PQError.self) { try connection.query("SELECT \("a\u{0}b")") }
        #expect(error.kind == .usage)
        #expect(try connection.queryOne("SELECT 1 AS one") != nil)
    }

    @Test func integersBoolsDoublesUUIDsAndBytesRoundTrip() throws {
        #expect(try echo(Int.max) == ("bigint", Int.max))
        #expect(try echo(Int64.min) == ("bigint", Int64.min))
        #expect(try echo(Int32(-42)) == ("integer", -42))
        #expect(try echo(true) == ("boolean", true))
        #expect(try echo(false) == ("boolean", false))
        #expect(try echo(0.1) == ("double precision", 0.1))
        #expect(try echo(-1.5e-300) == ("double precision", -1.5e-300))
        #expect(try echo(Double.infinity) == ("double precision", .infinity))
        let id = UUID()
        #expect(try echo(id) == ("uuid", id))
        let bytes = Data((0...255).map { UInt8($0) } + [0, 0])
        #expect(try echo(bytes) == ("bytea", bytes))
        #expect(try connection.queryOne("SELECT length(\(bytes)) AS n")?.decode("n", as: Int.self) == 258)
    }

    @Test func nullDecodesAsNilAndNamesTheColumnOtherwise() throws {
        let missing: Int? = nil
        let row = try #require(try connection.queryOne("SELECT \(missing) AS score, pg_typeof(\(missing))::text AS type"))
        #expect(row.isNull("score"))
        #expect(try row.decode("score", as: Int?.self) == nil)
        let inferred: Int? = try row.decode("score")
        #expect(inferred == nil)
        #expect(try row.decode("type", as: String.self) == "bigint")
        let error = try #require(throws: PQError.self) { try row.decode("score", as: Int.self) }
        #expect(error.kind == .decoding)
        #expect(error.description.contains("score"))
        #expect(try row.decode(1, as: String?.self) == "bigint")
    }

    @Test func aValueThatDoesNotFitNamesColumnAndTypeButNotTheValue() throws {
        let row = try #require(try connection.queryOne("SELECT 'confidential-7' AS code"))
        let error = try #require(throws: PQError.self) { try row.decode("code", as: Int.self) }
        #expect(error.kind == .decoding)
        #expect(error.column == "code")
        #expect(error.description.contains("Int"))
        #expect(!error.description.contains("confidential"))
        let missing = try #require(throws: PQError.self) { try row.decode("nope", as: String.self) }
        #expect(missing.kind == .usage)
    }

    @Test func decimalsAreExact() throws {
        let sum = try #require(
            try connection.queryOne(
                "SELECT \(Decimal(string: "0.1")!) + \(Decimal(string: "0.2")!) AS sum, 0.1::numeric + 0.2::numeric AS literal"))
        #expect(try sum.decode("sum", as: Decimal.self) == Decimal(string: "0.3")!)
        #expect(try sum.decode("literal", as: Decimal.self) == Decimal(string: "0.3")!)
        let big = Decimal(string: "12345678901234567890.123456789")!
        #expect(try echo(big) == ("numeric", big))
        let negative = Decimal(string: "-0.000000000000000000000000000001")!
        #expect(try echo(negative) == ("numeric", negative))
        let exactText = try connection.queryOne("SELECT (\(big))::text AS t")?.decode("t", as: String.self)
        #expect(exactText == "12345678901234567890.123456789")
    }

    @Test func aNumericTooLongForDecimalIsAnErrorNotARounding() throws {
        let row = try #require(try connection.queryOne("SELECT 1234567890123456789012345678901234567890.5::numeric AS n"))
        let error = try #require(throws: PQError.self) { try row.decode("n", as: Decimal.self) }
        #expect(error.kind == .decoding)
    }

    /// 2018-12-04 09:00:00.123456 UTC.
    static let instant = Date(timeIntervalSince1970: 1_543_914_000.123456)

    private func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    @Test func datesKeepMicrosecondsAndReadOffsets() throws {
        let row = try #require(
            try connection.queryOne(
                """
                SELECT \(Self.instant) AS echoed,
                       \(Self.instant) = '2018-12-04 14:30:00.123456+05:30'::timestamptz AS same,
                       '2018-12-04 14:30:00.123456+05:30'::timestamptz AS offset,
                       '2018-12-04 09:00:00+00'::timestamptz AS whole,
                       '0044-03-15 12:00:00+00 BC'::timestamptz AS ides
                """))
        #expect(microseconds(try row.decode("echoed", as: Date.self)) == microseconds(Self.instant))
        #expect(try row.decode("same", as: Bool.self))
        #expect(microseconds(try row.decode("offset", as: Date.self)) == microseconds(Self.instant))
        #expect(try row.decode("whole", as: Date.self) == Date(timeIntervalSince1970: 1_543_914_000))
        let ides = try row.decode("ides", as: Date.self)
        let back = try connection.queryOne("SELECT (\(ides))::text AS t")?.decode("t", as: String.self)
        #expect(back == "0044-03-15 12:00:00+00 BC")
    }

    @Test func infinityFromTheServerIsAnError() throws {
        let row = try #require(try connection.queryOne("SELECT 'infinity'::timestamptz AS t"))
        let error = try #require(throws: PQError.self) { try row.decode("t", as: Date.self) }
        #expect(error.kind == .decoding)
    }

    @Test func textArraysSurviveAwkwardElements() throws {
        let elements = ["plain", "a,b", #"say "hi""#, "{braces}", #"back\slash"#, "", " padded ", "NULL", "日本"]
        #expect(try echo(elements) == ("text[]", elements))
        let row = try #require(
            try connection.queryOne(
                "SELECT cardinality(\(elements)) AS n, (\(elements))[4] AS fourth, (\(elements))[6] = '' AS empty"))
        #expect(try row.decode("n", as: Int.self) == elements.count)
        #expect(try row.decode("fourth", as: String.self) == "{braces}")
        #expect(try row.decode("empty", as: Bool.self))
        #expect(try echo([String]()) == ("text[]", []))
    }

    @Test func arraysWrittenByTheServerDecode() throws {
        let row = try #require(
            try connection.queryOne(
                #"SELECT ARRAY['x y', 'a,b', 'q"q', 'b\s', '', 'null']::text[] AS a, ARRAY['a', NULL]::text[] AS withNull"#))
        #expect(try row.decode("a", as: [String].self) == ["x y", "a,b", #"q"q"#, #"b\s"#, "", "null"])
        let error = try #require(throws: PQError.self) { try row.decode("withnull", as: [String].self) }
        #expect(error.kind == .decoding)
    }
}
