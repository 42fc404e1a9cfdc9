import ECPATestSupport
import LibPQ
import Testing

@Suite struct NoticeTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    @Test func noticesGoToTheHandler() throws {
        var notices: [PQError] = []
        connection.noticeHandler = { notices.append($0) }
        try connection.executeScript(unsafeRaw: "DO $$ BEGIN RAISE NOTICE 'counted % rows', 3; RAISE WARNING 'careful'; END $$")
        #expect(notices.map(\.message) == ["counted 3 rows", "careful"])
        #expect(notices.map(\.severity) == ["NOTICE", "WARNING"])
    }

    @Test func withoutAHandlerNoticesDoNotReachStandardError() throws {
        let marker = TestDatabase.uniqueName("notice_marker")
        let captured = try capturingStandardError {
            try connection.executeScript(unsafeRaw: "DO $$ BEGIN RAISE NOTICE '\(marker)'; RAISE WARNING '\(marker)'; END $$")
        }
        #expect(!captured.contains(marker))
    }
}
