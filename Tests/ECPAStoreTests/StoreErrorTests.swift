import ECPAStore
import LibPQ
import Testing

/// The SQLSTATEs of waiting, concurrent changes and lost sessions, each translated in StoreError's one place.
@Suite struct StoreErrorTests {
    static func server(_ state: String, duringCommit: Bool = false) -> PQError {
        PQError(kind: .server, message: "text the server wrote", sqlState: state, duringCommit: duringCommit)
    }

    @Test(arguments: [
        (server("55P03"), StoreError.lockTimeout(LockWait())),
        (server("40001"), .concurrentChange(deadlock: false)),
        (server("40P01"), .concurrentChange(deadlock: true)),
        (server("40001", duringCommit: true), .concurrentChange(deadlock: false)),
        (server("57014"), .canceled(limit: nil)),
        (server("57P01"), .connectionLost(ConnectionLoss(cause: .terminated, duringCommit: false))),
        (server("57P01", duringCommit: true), .connectionLost(ConnectionLoss(cause: .terminated, duringCommit: true))),
        (server("57P02"), .connectionLost(ConnectionLoss(cause: .serverStopped, duringCommit: false))),
        (server("57P03"), .connectionLost(ConnectionLoss(cause: .serverStopped, duringCommit: false))),
        (server("25P03"), .connectionLost(ConnectionLoss(cause: .idleInTransaction, duringCommit: false))),
        (server("08006"), .connectionLost(ConnectionLoss(cause: .connectionFailed, duringCommit: false))),
        (
            PQError(kind: .connection, message: "server closed the connection unexpectedly\n\tThis probably means..."),
            .connectionLost(ConnectionLoss(cause: .connectionFailed, duringCommit: false))
        ),
        (
            PQError(kind: .connection, message: "gone", duringCommit: true),
            .connectionLost(ConnectionLoss(cause: .connectionFailed, duringCommit: true))
        ),
    ])
    func eachSQLStateHasItsMeaning(error: PQError, expected: StoreError) {
        #expect(StoreError(error) == expected)
        #expect(!StoreError(error).description.contains("text the server wrote"))
        #expect(!StoreError(error).description.contains("\n"))
    }

    @Test func onlyConcurrentChangesAreWorthRetrying() {
        #expect(StoreError.isConcurrentChange(Self.server("40001")))
        #expect(StoreError.isConcurrentChange(StoreError.concurrentChange(deadlock: true)))
        #expect(!StoreError.isConcurrentChange(Self.server("55P03")))
        #expect(!StoreError.isConcurrentChange(Self.server("23505")))
    }

    @Test func aLostConnectionSaysWhetherAnythingWasWritten() {
        let before = StoreError.connectionLost(ConnectionLoss(cause: .connectionFailed, duringCommit: false))
        #expect(
            before.description
                == "The connection to the database was lost before anything was committed, so nothing was written: run the command again.")
        let during = StoreError.connectionLost(ConnectionLoss(cause: .connectionFailed, duringCommit: true))
        #expect(
            during.description
                == "The connection to the database was lost while the change was being committed, so whether it was saved is not known: check what the command should have changed before you run it again."
        )
    }

    @Test func aLockWaitNamesItsHolders() {
        let juror = DatabaseSession(
            pid: 4242, login: "fi_juror_1", state: "idle in transaction",
            inState: Elapsed(milliseconds: 6 * 60_000 + 3000))
        let rep = DatabaseSession(pid: 4243, login: "lt_rep", transactionOpenFor: Elapsed(milliseconds: 2000))
        let one = LockWait(waited: Elapsed(milliseconds: 10_000), holders: [juror], callerMayEndSessions: false)
        #expect(
            one.description
                == "Waited 10 s for a lock, most likely held by fi_juror_1 (session 4242, idle in transaction for 6 min 3 s), so nothing was written. Ask them to finish, or ask the secretariat to end that session (`ecpa db connections end 4242`)."
        )
        let two = LockWait(waited: Elapsed(milliseconds: 500), holders: [juror, rep], callerMayEndSessions: true)
        #expect(
            two.description
                == "Waited 500 ms for a lock, most likely held by one of these sessions, so nothing was written: fi_juror_1 (session 4242, idle in transaction for 6 min 3 s); lt_rep (session 4243, in a transaction open for 2 s). Ask them to finish, or end a session with `ecpa db connections end PID`."
        )
        let none = LockWait(waited: Elapsed(milliseconds: 60_000))
        #expect(none.description.hasPrefix("Waited 1 min for a lock that another session holds, so nothing was written;"))
    }

    @Test(arguments: [
        (0, "0 ms"), (999, "999 ms"), (1000, "1 s"), (59_999, "59 s"), (60_000, "1 min"), (90_000, "1 min 30 s"),
        (3_600_000, "1 h"), (3_660_000, "1 h 1 min"), (3_661_000, "1 h 1 min"), (90_000_000, "1 d 1 h"),
        (Int(Int32.max), "24 d 20 h"),
    ])
    func lengthsOfTimeReadAsPeopleSayThem(milliseconds: Int, text: String) {
        #expect(Elapsed(milliseconds: Int64(milliseconds)).description == text)
    }
}
