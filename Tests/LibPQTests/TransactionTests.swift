import ECPATestSupport
import Foundation
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

/// Retrying a transaction, and errors that end a COMMIT or the session.
@Suite struct TransactionFailureTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
        try connection.execute("CREATE TABLE items (name text PRIMARY KEY)")
    }

    private struct Busy: Error {}

    private static let retryBusy = TransactionRetry(attempts: 2) { $0 is Busy }

    private func names() throws -> [String] {
        try connection.query("SELECT name FROM items ORDER BY name").map { try $0.decode("name") }
    }

    @Test func aRetryableFailureRunsTheWholeTransactionAgain() throws {
        var attempts = 0
        let value = try connection.transaction(retry: Self.retryBusy) { connection in
            attempts += 1
            try connection.execute("INSERT INTO items VALUES (\("attempt \(attempts)"))")
            if attempts == 1 { throw Busy() }
            return attempts
        }
        #expect(value == 2)
        #expect(try names() == ["attempt 2"])
    }

    @Test func theLastAttemptsErrorIsThrown() throws {
        var attempts = 0
        #expect(throws: Busy.self) {
            try connection.transaction(retry: Self.retryBusy) { connection in
                attempts += 1
                try connection.execute("INSERT INTO items VALUES (\("attempt \(attempts)"))")
                throw Busy()
            }
        }
        #expect(attempts == 2)
        #expect(try names() == [])
    }

    @Test func aSavepointIsNotRetried() throws {
        var attempts = 0
        try connection.transaction { connection in
            #expect(throws: Busy.self) {
                try connection.transaction(retry: Self.retryBusy) { _ in
                    attempts += 1
                    throw Busy()
                }
            }
        }
        #expect(attempts == 1)
    }

    @Test func anErrorAtCommitSaysSo() throws {
        try connection.executeScript(
            unsafeRaw: """
                CREATE TABLE pairs (a int, CONSTRAINT pairs_a_key UNIQUE (a) DEFERRABLE INITIALLY DEFERRED)
                """)
        let error = try #require(throws: PQError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO pairs VALUES (1), (1)")
            }
        }
        #expect(error.sqlState == "23505")
        #expect(error.duringCommit)
        let early = try #require(throws: PQError.self) {
            try connection.transaction { connection in try connection.execute("INSERT INTO items VALUES (NULL)") }
        }
        #expect(!early.duringCommit)
    }

    @Test func aSessionEndedDuringTheCommitIsALostConnectionAtCommit() throws {
        // A deferred check waits for a lock this test holds, so the COMMIT is in progress when the session ends.
        try connection.executeScript(
            unsafeRaw: """
                CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock_shared(77); RETURN NULL; END $$;
                CREATE CONSTRAINT TRIGGER wait_at_commit AFTER INSERT ON items
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wait_at_commit();
                SELECT pg_advisory_lock(77);
                """)
        final class Outcome: @unchecked Sendable { var error: PQError? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [database] in
            do {
                let writer = try database.connect()
                try writer.transaction { try $0.execute("INSERT INTO items VALUES ('late')") }
            } catch let error as PQError {
                outcome.error = error
            } catch {}
            done.signal()
        }
        var writer: Int?
        for _ in 0..<1200 where writer == nil {
            writer = try connection.queryOne(
                """
                SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))
                """)?.decode("pid")
            if writer == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let pid = try #require(writer)
        _ = try connection.query("SELECT pg_terminate_backend(\(pid)::integer)")
        #expect(done.wait(timeout: .now() + 60) == .success)
        let error = try #require(outcome.error)
        #expect(error.sqlState == "57P01" || error.kind == .connection)
        #expect(error.duringCommit)
        #expect(try names() == [])
    }

    @Test func anIdleTransactionEndedByTheServerIsAConnectionError() throws {
        let idle = try database.connect()
        try idle.execute("SET idle_in_transaction_session_timeout = '100ms'")
        try idle.execute("BEGIN")
        Thread.sleep(forTimeInterval: 1.5)
        let error = try #require(throws: PQError.self) { try idle.query("SELECT 1") }
        // The server's parting message keeps its SQLSTATE, though libpq then reports the lost connection too.
        #expect(error.sqlState == "25P03")
        #expect(error.kind == .connection)
        #expect(!idle.isConnected)
        #expect(!error.duringCommit)
    }
}
