import ECPATestSupport
import Foundation
import LibPQ
import Testing

@Suite struct CopyTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
        try connection.execute("CREATE TABLE scores (id int PRIMARY KEY, juror text NOT NULL, points numeric NOT NULL)")
    }

    private func rowCount() throws -> Int {
        try #require(try connection.queryOne("SELECT count(*) AS n FROM scores")).decode("n")
    }

    @Test func oneHundredThousandGeneratedRowsAreCopiedAndCounted() throws {
        let batches = (0..<100).lazy.map { batch -> [UInt8] in
            var text = ""
            for id in batch * 1000..<(batch + 1) * 1000 {
                text += "\(id)\tjuror \(id % 17)\t\(id % 10).5\n"
            }
            return Array(text.utf8)
        }
        var reported: [Int] = []
        let copied = try connection.copyIn(
            "COPY scores (id, juror, points) FROM STDIN", chunks: batches, progress: { reported.append($0) })
        #expect(copied == 100_000)
        #expect(try rowCount() == 100_000)
        let totalBytes = batches.reduce(0) { $0 + $1.count }
        #expect(reported.count == 100)
        #expect(reported.last == totalBytes)
        #expect(reported == reported.sorted())
        let sum = try connection.queryOne("SELECT sum(points) AS s FROM scores")?.decode("s", as: Decimal.self)
        #expect(sum == Decimal(450_000 + 50_000))
    }

    @Test func aBadRowFailsNamingItsLineAndWritesNothing() throws {
        let data = "1\tana\t7\n2\tbo\t8\n3\tcy\tseven\n4\tdi\t9\n"
        let error = try #require(throws: PQError.self) {
            try connection.copyIn("COPY scores (id, juror, points) FROM STDIN", chunks: [Array(data.utf8)])
        }
        #expect(error.sqlState == "22P02")
        #expect(error.context?.contains("line 3") == true)
        #expect(error.description.contains("line 3"))
        #expect(try rowCount() == 0)
        #expect(try connection.queryOne("SELECT 1 AS one") != nil)
    }

    @Test func aServerErrorMidStreamStopsTheCopy() throws {
        let duplicate = (0..<50).lazy.map { batch -> [UInt8] in
            Array((0..<1000).map { "\(batch == 0 ? $0 : $0 % 5)\tx\t1\n" }.joined().utf8)
        }
        let error = try #require(throws: PQError.self) {
            try connection.copyIn("COPY scores FROM STDIN", chunks: duplicate)
        }
        #expect(error.sqlState == "23505")
        #expect(try rowCount() == 0)
    }

    @Test func aFileIsStreamedInChunks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scores-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = (1...500).map { "\($0),\"juror, \($0)\",\($0 % 10).25\n" }.joined()
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var lastProgress = 0
        let copied = try connection.copyIn(
            "COPY scores FROM STDIN (FORMAT csv)", fileAt: path, chunkSize: 7, progress: { lastProgress = $0 })
        #expect(copied == 500)
        #expect(lastProgress == csv.utf8.count)
        let juror = try connection.queryOne("SELECT juror FROM scores WHERE id = 42")?.decode("juror", as: String.self)
        #expect(juror == "juror, 42")
    }

    @Test func aMissingFileIsAUsageErrorBeforeAnythingRuns() throws {
        let error = try #require(throws: PQError.self) {
            try connection.copyIn("COPY scores FROM STDIN", fileAt: "/nonexistent/scores.tsv")
        }
        #expect(error.kind == .usage)
        #expect(error.description.contains("/nonexistent/scores.tsv"))
        #expect(try rowCount() == 0)
    }

    @Test func aFileThatFailsMidReadCancelsTheCopy() throws {
        // A directory opens but cannot be read, so the failure comes after the COPY has started.
        let directory = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: PQError.self) {
            try connection.copyIn("COPY scores FROM STDIN", fileAt: directory)
        }
        #expect(error.kind == .usage)
        #expect(error.description.contains("Cannot read"))
        #expect(try rowCount() == 0)
        #expect(try connection.execute("INSERT INTO scores VALUES (1, 'ana', 1)") == 1)
    }

    @Test func copyStatementsThroughQueryAreRefusedAndTheConnectionRecovers() throws {
        let error = try #require(throws: PQError.self) { try connection.query("COPY scores FROM STDIN") }
        #expect(error.kind == .usage)
        let script = try #require(throws: PQError.self) { try connection.executeScript(unsafeRaw: "COPY scores TO STDOUT") }
        #expect(script.kind == .usage)
        #expect(try connection.queryOne("SELECT 1 AS one")?.decode("one", as: Int.self) == 1)
    }

    @Test func aStatementThatIsNotACopyIsRefused() throws {
        let error = try #require(throws: PQError.self) {
            try connection.copyIn("SELECT 1", chunks: [[UInt8]]())
        }
        #expect(error.kind == .usage)
    }
}

@Suite struct CopyOutTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    @Test func aHundredThousandRowsArriveOneLineAtATimeInCOPYsTextFormat() throws {
        var lines = 0
        var sum = 0
        var first: String?
        let rows = try connection.copyOut("COPY (SELECT i, i % 7, 'a\tb' FROM generate_series(1, 100000) i) TO STDOUT") { line in
            if first == nil { first = String(decoding: line, as: UTF8.self) }
            lines += 1
            sum += Int(String(decoding: line.prefix { $0 != UInt8(ascii: "\t") }, as: UTF8.self)) ?? 0
        }
        #expect(rows == 100_000)
        #expect(lines == 100_000)
        #expect(sum == 100_000 * 100_001 / 2)
        // The text format escapes a tab inside a value and ends each line with a newline.
        #expect(first == "1\t1\ta\\tb\n")
    }

    @Test func anErrorInTheReaderStopsNothingButIsRethrownAndTheConnectionStaysUsable() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try connection.copyOut("COPY (SELECT i FROM generate_series(1, 1000) i) TO STDOUT") { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
        #expect(try connection.queryOne("SELECT 41 + 1 AS n")?.decode("n", as: Int.self) == 42)
    }

    @Test func aFailingQueryIsTheServersErrorAndOtherStatementsAreRefused() throws {
        #expect(throws: PQError.self) {
            try connection.copyOut("COPY (SELECT 1 / (i - 5) FROM generate_series(1, 10) i) TO STDOUT") { _ in }
        }
        #expect(try connection.queryOne("SELECT 1 AS n")?.decode("n", as: Int.self) == 1)
        #expect(throws: PQError.self) {
            try connection.copyOut("SELECT 1") { _ in }
        }
        #expect(throws: PQError.self) {
            try connection.query("COPY (SELECT 1) TO STDOUT")
        }
        #expect(try connection.queryOne("SELECT 2 AS n")?.decode("n", as: Int.self) == 2)
    }
}
