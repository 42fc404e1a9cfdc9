import ECPATestSupport
import LibPQ
import Testing

@Suite struct TestDatabaseTests {
    static let migrations = [
        try! Migration(fileName: "0001_create_entries.sql", sql: "CREATE TABLE entries (title text);\n"),
        try! Migration(fileName: "0002_seed_entries.sql", sql: "INSERT INTO entries VALUES ('seed');\n"),
    ]

    private func databaseExists(_ name: String, via admin: Connection) throws -> Bool {
        try #require(try admin.queryOne("SELECT count(*) AS n FROM pg_database WHERE datname = \(name)"))
            .decode("n", as: Int.self) == 1
    }

    @Test func clonesAreMigratedAndIndependent() throws {
        let one = try TestDatabase.make(migrations: Self.migrations)
        let two = try TestDatabase.make(migrations: Self.migrations)
        #expect(one.name != two.name)
        let first = try one.connect()
        let second = try two.connect()
        try first.execute("INSERT INTO entries VALUES (\("only in one"))")
        #expect(try first.query("SELECT title FROM entries").count == 2)
        #expect(try second.query("SELECT title FROM entries").map { try $0.decode("title", as: String.self) } == ["seed"])
        #expect(try Migrator(migrations: Self.migrations).pending(on: second).isEmpty)
    }

    @Test func aDatabaseIsDroppedWhenReleasedEvenWithOpenConnections() throws {
        var database: TestDatabase? = try TestDatabase.make()
        let name = try #require(database?.name)
        let leftOpen = try database?.connect()
        let admin = try Connection(conninfo: "dbname=postgres")
        #expect(try databaseExists(name, via: admin))
        database = nil
        #expect(try !databaseExists(name, via: admin))
        #expect(throws: PQError.self) { try leftOpen?.query("SELECT 1") }
    }

    @Test func uniqueNamesDoNotRepeat() {
        let names = (0..<1000).map { _ in TestDatabase.uniqueName("juror") }
        #expect(Set(names).count == 1000)
        #expect(names.allSatisfy { $0.hasPrefix("juror_") && $0 == $0.lowercased() && $0.count <= 63 })
    }
}
