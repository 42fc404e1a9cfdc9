import ECPATestSupport
import Foundation
import LibPQ
import Testing

@Suite struct ConnectionTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    @Test func sessionSettingsMakeTextOutputDeterministic() throws {
        let row = try #require(
            try connection.queryOne(
                """
                SELECT current_setting('TimeZone') AS zone, current_setting('DateStyle') AS style,
                       current_setting('IntervalStyle') AS interval, current_setting('client_encoding') AS encoding,
                       '2018-12-04 10:00:00+01'::timestamptz::text AS instant
                """))
        #expect(try row.decode("zone", as: String.self) == "UTC")
        #expect(try row.decode("style", as: String.self) == "ISO, YMD")
        #expect(try row.decode("interval", as: String.self) == "iso_8601")
        #expect(try row.decode("encoding", as: String.self) == "UTF8")
        #expect(try row.decode("instant", as: String.self) == "2018-12-04 09:00:00+00")
    }

    @Test func theCallersOwnOptionsAreKept() throws {
        let own = try Connection(conninfo: database.conninfo + " options='-c application_name=ecpa_own -c TimeZone=Asia/Tokyo'")
        let row = try #require(try own.queryOne("SELECT current_setting('application_name') AS app, current_setting('TimeZone') AS zone"))
        #expect(try row.decode("app", as: String.self) == "ecpa_own")
        #expect(try row.decode("zone", as: String.self) == "UTC")
    }

    @Test func aURLAndTheEnvironmentBothConnect() throws {
        let viaURL = try Connection(conninfo: "postgresql:///\(database.name)")
        #expect(try viaURL.queryOne("SELECT current_database() AS db")?.decode("db", as: String.self) == database.name)
        let viaEnvironment = try Connection(conninfo: "")
        #expect(viaEnvironment.serverVersion >= 150000)
        let currentUser = try viaEnvironment.queryOne("SELECT current_user AS who")?.decode("who", as: String.self)
        #expect(viaEnvironment.user == currentUser)
    }

    @Test func executeCountsAffectedRowsAndQueryOneReturnsNilWhenEmpty() throws {
        #expect(try connection.execute("CREATE TABLE t (id int)") == 0)
        #expect(try connection.execute("INSERT INTO t SELECT generate_series(1, 5)") == 5)
        #expect(try connection.execute("UPDATE t SET id = id + 10 WHERE id > \(2)") == 3)
        #expect(try connection.queryOne("SELECT id FROM t WHERE id < 0") == nil)
        let rows = try connection.query("SELECT id FROM t ORDER BY id")
        #expect(try rows.map { try $0.decode("id", as: Int.self) } == [1, 2, 13, 14, 15])
    }

    @Test func executeScriptRunsManyStatements() throws {
        try connection.executeScript(unsafeRaw: "CREATE TABLE a (x int); INSERT INTO a VALUES (1), (2); CREATE TABLE b (y int);")
        #expect(try connection.queryOne("SELECT count(*) AS n FROM a")?.decode("n", as: Int.self) == 2)
        #expect(try connection.query("SELECT * FROM b").isEmpty)
    }

    @Test func aClosedConnectionRefusesWork() throws {
        connection.close()
        let error = try #require(throws: PQError.self) { try connection.query("SELECT 1") }
        #expect(error.kind == .usage)
        connection.close()
    }
}
