import ECPATestSupport
import LibPQ
import Testing

@Suite struct TransactionTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
        try connection.execute("CREATE TABLE items (name text PRIMARY KEY)")
    }

    private struct Refusal: Error, Equatable {
        let reason: String
    }

    private func names() throws -> [String] {
        try connection.query("SELECT name FROM items ORDER BY name").map { try $0.decode("name") }
    }

    @Test func aCommittedTransactionKeepsItsWritesAndReturnsTheValue() throws {
        let count = try connection.transaction { connection in
            try connection.execute("INSERT INTO items VALUES (\("a")), (\("b"))")
        }
        #expect(count == 2)
        #expect(try names() == ["a", "b"])
    }

    @Test func aThrownErrorRollsBackEverythingAndIsRethrownUnchanged() throws {
        let error = try #require(throws: Refusal.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                throw Refusal(reason: "juror withdrew")
            }
        }
        #expect(error == Refusal(reason: "juror withdrew"))
        #expect(try names() == [])
    }

    @Test func aServerErrorRollsBackEarlierWrites() throws {
        let error = try #require(throws: PQError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                try connection.execute("INSERT INTO items VALUES (\("a"))")
            }
        }
        #expect(error.sqlState == "23505")
        #expect(try names() == [])
        try connection.execute("INSERT INTO items VALUES (\("c"))")
        #expect(try names() == ["c"])
    }

    @Test func aNestedTransactionRollsBackOnlyItsSavepoint() throws {
        try connection.transaction { connection in
            try connection.execute("INSERT INTO items VALUES (\("outer"))")
            #expect(throws: Refusal.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO items VALUES (\("inner"))")
                    throw Refusal(reason: "inner only")
                }
            }
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("second"))")
            }
        }
        #expect(try names() == ["outer", "second"])
    }

    @Test func aServerErrorInsideASavepointLeavesTheOuterTransactionUsable() throws {
        try connection.transaction { connection in
            try connection.execute("INSERT INTO items VALUES (\("a"))")
            #expect(throws: PQError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO items VALUES (\("a"))")
                }
            }
            try connection.execute("INSERT INTO items VALUES (\("b"))")
        }
        #expect(try names() == ["a", "b"])
    }

    @Test func swallowingAStatementErrorInsideTheBodyDoesNotPretendToCommit() throws {
        let error = try #require(throws: PQError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO items VALUES (\("a"))")
                _ = try? connection.execute("INSERT INTO items VALUES (\("a"))")
            }
        }
        #expect(error.kind == .usage)
        #expect(try names() == [])
    }
}
