import LibPQ
import Testing

@Suite struct MigrationFileTests {
    @Test func versionAndNameComeFromTheFileName() throws {
        let migration = try Migration(fileName: "0007_create_entries.sql", sql: "SELECT 1")
        #expect(migration.version == 7)
        #expect(migration.name == "create_entries")
        #expect(migration.sql == "SELECT 1")
        #expect(try Migration(fileName: "sql/0012_add_ledger.sql", sql: "").version == 12)
    }

    @Test(arguments: ["create_entries.sql", "0007_.sql", "0007_create entries.sql", "0007_create.txt", "x7_a.sql", "0007.sql", ""])
    func badFileNamesAreRefused(fileName: String) {
        #expect(throws: PQError.self) { try Migration(fileName: fileName, sql: "SELECT 1") }
    }
}
