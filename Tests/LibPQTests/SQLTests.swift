import Foundation
import LibPQ
import Testing

@Suite struct SQLTests {
    @Test func interpolatedValuesBecomeNumberedParametersWithTheirTypes() {
        let name = "Robert'); DROP TABLE entries; --"
        let sql: SQL = "SELECT * FROM entries WHERE name = \(name) AND year = \(2024) AND score > \(Decimal(string: "7.5")!)"
        #expect(sql.text == "SELECT * FROM entries WHERE name = $1 AND year = $2 AND score > $3")
        #expect(
            sql.bindings == [
                SQLBinding(value: name, typeOID: 25),
                SQLBinding(value: "2024", typeOID: 20),
                SQLBinding(value: "7.5", typeOID: 1700),
            ])
    }

    @Test func nilOptionalBindsNullOfTheWrappedType() {
        let missing: Int32? = nil
        let sql: SQL = "SELECT \(missing)"
        #expect(sql.bindings == [SQLBinding(value: nil, typeOID: 23)])
    }

    @Test func splicedFragmentsAreRenumberedOutsideStringsAndComments() {
        let filter: SQL = "year = \(2024) AND note <> '$1' AND tag <> $x$ $2 $x$ /* $1 */ AND b$1 = \(7) -- $2"
        let sql: SQL = "SELECT * FROM t WHERE name = \("a") AND \(filter)\nAND c = \(true)"
        #expect(
            sql.text == "SELECT * FROM t WHERE name = $1 AND year = $2 AND note <> '$1' AND tag <> $x$ $2 $x$ /* $1 */ AND b$1 = $3 -- $2\nAND c = $4"
        )
        #expect(sql.bindings.map(\.value) == ["a", "2024", "7", "t"])
    }

    @Test func plusJoinsFragmentsAndRenumbersTheSecond() {
        let sql = ("SELECT \(1) AS a" as SQL) + (", \(2) AS b, E'\\'$1' AS c" as SQL)
        #expect(sql.text == "SELECT $1 AS a, $2 AS b, E'\\'$1' AS c")
        #expect(sql.bindings.map(\.value) == ["1", "2"])
    }

    @Test func identifiersAreQuotedWithDoubledQuotes() {
        let sql: SQL = "SELECT * FROM \(identifier: #"weird"name"#)"
        #expect(sql.text == #"SELECT * FROM "weird""name""#)
        #expect(Connection.quoteIdentifier("entries") == "\"entries\"")
        #expect(sql.bindings.isEmpty)
    }

    @Test func unsafeRawTextIsKeptAsIs() {
        let sql: SQL = "SELECT \(unsafeRaw: "now()"), \(1)"
        #expect(sql.text == "SELECT now(), $1")
        #expect(SQL(unsafeRaw: "SELECT 1").text == "SELECT 1")
    }
}
