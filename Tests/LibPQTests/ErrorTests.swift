import ECPATestSupport
import LibPQ
import Testing

@Suite struct ErrorTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
        try connection.executeScript(
            unsafeRaw: """
                CREATE TABLE jurors (
                    email text CONSTRAINT jurors_email_key UNIQUE,
                    weight int CONSTRAINT jurors_weight_positive CHECK (weight > 0)
                )
                """)
    }

    @Test func aUniqueViolationCarriesStateConstraintAndDetail() throws {
        try connection.execute("INSERT INTO jurors VALUES (\("ana@example.org"), \(1))")
        let error = try #require(throws: PQError.self) {
            try connection.execute("INSERT INTO jurors VALUES (\("ana@example.org"), \(2))")
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == "23505")
        #expect(error.constraint == "jurors_email_key")
        #expect(error.table == "jurors")
        #expect(error.severity == "ERROR")
        #expect(error.detail?.contains("already exists") == true)
        #expect(error.description.contains("DETAIL: "))
    }

    @Test func aCheckViolationCarriesStateAndConstraint() throws {
        let error = try #require(throws: PQError.self) {
            try connection.execute("INSERT INTO jurors VALUES (\("bo@example.org"), \(0))")
        }
        #expect(error.sqlState == "23514")
        #expect(error.constraint == "jurors_weight_positive")
        #expect(try connection.query("SELECT * FROM jurors").isEmpty)
    }

    @Test func theDescriptionLeavesOutBoundValues() throws {
        let error = try #require(throws: PQError.self) {
            try connection.query("SELECT \("s3cret-token") AS token FROM no_such_table")
        }
        #expect(error.sqlState == "42P01")
        #expect(error.description.contains("no_such_table"))
        #expect(!error.description.contains("s3cret-token"))
    }

    @Test func theConnectionIsUsableAfterAnError() throws {
        #expect(throws: PQError.self) { try connection.query("SELEKT 1") }
        #expect(try connection.queryOne("SELECT 2 AS two")?.decode("two", as: Int.self) == 2)
    }

    @Test func aHintIsKept() throws {
        let error = try #require(throws: PQError.self) {
            try connection.executeScript(unsafeRaw: "DO $$ BEGIN RAISE EXCEPTION 'nope' USING HINT = 'try again', ERRCODE = 'P0001'; END $$")
        }
        #expect(error.message == "nope")
        #expect(error.hint == "try again")
        #expect(error.sqlState == "P0001")
        #expect(error.description.contains("HINT: try again"))
    }
}
