import Foundation
import LibPQ
import Testing

/// Values in PostgreSQL's text format, both ways, without a server.
@Suite struct TextFormatTests {
    private static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    @Test(arguments: [
        ("2018-12-04 09:00:00+00", 1_543_914_000_000_000 as Int64),
        ("2018-12-04 09:00:00.5+00", 1_543_914_000_500_000),
        ("2018-12-04 14:30:00.123456+05:30", 1_543_914_000_123_456),
        ("2018-12-04 05:00:00-04", 1_543_914_000_000_000),
        ("1900-01-01 00:00:00+00:09:21", -2_208_989_361_000_000),
    ])
    func isoTextFromTheServerDecodes(text: String, micros: Int64) throws {
        #expect(Self.microseconds(try Date(sqlText: text)) == micros)
    }

    @Test(arguments: ["infinity", "-infinity", "2018-12-04", "2018-12-04 09:00:00", "yesterday"])
    func nonInstantsAreDecodingErrors(text: String) {
        #expect(throws: PQError.self) { try Date(sqlText: text) }
    }

    @Test func decodingIsStrict() {
        #expect(throws: PQError.self) { try Int(sqlText: "12abc") }
        #expect(throws: PQError.self) { try Int32(sqlText: "3000000000") }
        #expect(throws: PQError.self) { try Bool(sqlText: "yes") }
        #expect(throws: PQError.self) { try Decimal(sqlText: "1.2.3") }
        #expect(throws: PQError.self) { try Data(sqlText: "\\x0") }
        #expect(throws: PQError.self) { try [String](sqlText: "{a,b") }
        #expect(throws: PQError.self) { try [String](sqlText: "{{a},{b}}") }
        #expect(throws: PQError.self) { try UUID(sqlText: "not-a-uuid") }
    }

    @Test func arrayLiteralsWithDimensionsAndSpacesDecode() throws {
        #expect(try [String](sqlText: "[0:1]={a,b}") == ["a", "b"])
        #expect(try [String](sqlText: "{ a b , \"c\" }") == ["a b", "c"])
        #expect(try [String](sqlText: "{\"NULL\"}") == ["NULL"])
        #expect(throws: PQError.self) { try [String](sqlText: "{a,NULL}") }
    }

    @Test func valuesEncodeAsThePostgreSQLTextFormat() {
        #expect(Date(timeIntervalSince1970: 1_543_914_000.123456).sqlText == "2018-12-04 09:00:00.123456+00")
        #expect(Date(timeIntervalSince1970: -62_167_219_200).sqlText == "0001-01-01 00:00:00.000000+00 BC")
        #expect(Date(timeIntervalSince1970: 0).sqlText == "1970-01-01 00:00:00.000000+00")
        #expect(Double.nan.sqlText == "NaN")
        #expect((-Double.infinity).sqlText == "-Infinity")
        #expect(Decimal(string: "-12.50")!.sqlText == "-12.5")
        #expect(Data([0, 15, 255]).sqlText == "\\x000fff")
        #expect(["a", "b,c", "\"q\"", "\\"].sqlText == "{\"a\",\"b,c\",\"\\\"q\\\"\",\"\\\\\"}")
        #expect(true.sqlText == "t")
    }
}
