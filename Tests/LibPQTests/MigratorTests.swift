import ECPATestSupport
import Foundation
import LibPQ
import Testing

@Suite struct MigratorTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    static let first = try! Migration(fileName: "0001_create_a.sql", sql: "CREATE TABLE a (id int);\n")
    static let second = try! Migration(
        fileName: "0002_create_b.sql", sql: "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1), (2);\n")
    static let third = try! Migration(fileName: "0003_add_note.sql", sql: "ALTER TABLE a ADD COLUMN note text;\n")

    private func tableExists(_ name: String) throws -> Bool {
        try #require(try connection.queryOne("SELECT to_regclass(\(name)) IS NOT NULL AS present")).decode("present")
    }

    @Test func migrateAppliesPendingInOrderAndRecordsChecksums() throws {
        var announced: [Int] = []
        let applied = try Migrator(migrations: [Self.second, Self.first])
            .migrate(on: connection, willApply: { announced.append($0.version) })
        #expect(applied.map(\.version) == [1, 2])
        #expect(announced == [1, 2])
        #expect(try tableExists("a") && tableExists("b"))
        let records = try connection.query("SELECT version, name, checksum FROM ecpa_meta.schema_migrations ORDER BY version")
        #expect(try records.map { try $0.decode("name", as: String.self) } == ["create_a", "create_b"])
        // sha256sum of "CREATE TABLE a (id int);\n"
        #expect(
            try records[0].decode("checksum", as: String.self)
                == "c2de7559380e5ebf65caa7d59e166558e80243cf7e70006cc98d1593d94203c1")
    }

    @Test func migrateIsIdempotent() throws {
        let migrator = Migrator(migrations: [Self.first, Self.second])
        try migrator.migrate(on: connection)
        var announced: [Int] = []
        #expect(try migrator.migrate(on: connection, willApply: { announced.append($0.version) }).isEmpty)
        #expect(announced.isEmpty)
        #expect(try connection.queryOne("SELECT count(*) AS n FROM b")?.decode("n", as: Int.self) == 2)
    }

    @Test func statusAndPendingListWhatIsLeft() throws {
        let all = Migrator(migrations: [Self.first, Self.second, Self.third])
        #expect(try all.pending(on: connection).map(\.version) == [1, 2, 3])
        #expect(try all.status(on: connection).allSatisfy { $0.appliedAt == nil && $0.checksumMatches == nil })
        #expect(try !tableExists("ecpa_meta.schema_migrations"))

        try Migrator(migrations: [Self.first]).migrate(on: connection)
        #expect(try all.pending(on: connection) == [Self.second, Self.third])
        let status = try all.status(on: connection)
        #expect(status.map(\.version) == [1, 2, 3])
        #expect(status.map(\.name) == ["create_a", "create_b", "add_note"])
        #expect(status.map { $0.appliedAt != nil } == [true, false, false])
        #expect(status.map(\.checksumMatches) == [true, nil, nil])
    }

    @Test func aChangedAppliedMigrationIsRefused() throws {
        try Migrator(migrations: [Self.first]).migrate(on: connection)
        let edited = try Migration(fileName: "0001_create_a.sql", sql: "CREATE TABLE a (id bigint);\n")
        let migrator = Migrator(migrations: [edited, Self.second])
        let error = try #require(throws: PQError.self) { try migrator.migrate(on: connection) }
        #expect(error.description.contains("Migration 1 (create_a) was changed"))
        #expect(error.description.contains("new migration"))
        #expect(try !tableExists("b"))
        #expect(try migrator.status(on: connection).first?.checksumMatches == false)
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        try Migrator(migrations: [Self.first, Self.second]).migrate(on: connection)
        let older = Migrator(migrations: [Self.first, Self.third])
        let error = try #require(throws: PQError.self) { try older.migrate(on: connection) }
        #expect(error.description.contains("2 (create_b)"))
        #expect(error.description.contains("newer version"))
        let columns = try connection.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'a'")
        #expect(columns.count == 1)
        let status = try older.status(on: connection)
        #expect(status.map(\.version) == [1, 2, 3])
        #expect(status[1].checksumMatches == nil && status[1].appliedAt != nil)
    }

    @Test func aFailingMigrationIsRolledBackAndNamed() throws {
        let broken = try Migration(fileName: "0002_broken.sql", sql: "CREATE TABLE c (id int);\nSELECT * FROM missing_table;\n")
        let error = try #require(throws: PQError.self) {
            try Migrator(migrations: [Self.first, broken]).migrate(on: connection)
        }
        #expect(error.sqlState == "42P01")
        #expect(error.description.contains("Migration 2 (broken) failed"))
        #expect(try tableExists("a"))
        #expect(try !tableExists("c"))
        #expect(try Migrator(migrations: [Self.first, broken]).pending(on: connection).map(\.version) == [2])
    }

    @Test func anyRecordSchemaAndTableNameWorks() throws {
        let migrator = Migrator(migrations: [Self.first], schema: "Award Meta", table: #"applied "migrations""#)
        #expect(try migrator.migrate(on: connection).map(\.version) == [1])
        #expect(try migrator.pending(on: connection).isEmpty)
        let recorded = try connection.queryOne(#"SELECT count(*) AS n FROM "Award Meta"."applied ""migrations""""#)
        #expect(try recorded?.decode("n", as: Int.self) == 1)
        #expect(try Migrator(migrations: [Self.first]).pending(on: connection).map(\.version) == [1])
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() throws {
        let conninfo = database.conninfo
        let migrations = [Self.first, Self.second, Self.third]
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let connection = try Connection(conninfo: conninfo)
                let applied = try Migrator(migrations: migrations).migrate(on: connection)
                outcomes.record(.success(applied.count))
            } catch {
                outcomes.record(.failure(error))
            }
        }
        let results = outcomes.all
        #expect(results.count == 4)
        let counts = results.compactMap { try? $0.get() }
        #expect(counts.count == 4)
        #expect(counts.reduce(0, +) == 3)
        #expect(try connection.queryOne("SELECT count(*) AS n FROM b")?.decode("n", as: Int.self) == 2)
    }
}

/// Collects results from several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Int, any Error>] = []

    func record(_ result: Result<Int, any Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [Result<Int, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
