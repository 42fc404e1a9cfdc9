import ECPATestSupport
import Foundation
import LibPQ

/// A session of its own, on a thread of its own, that begins a transaction, makes a change (which
/// may wait for other sessions) and commits when told to.
final class QueuedChange: @unchecked Sendable {
    let pid: Int
    private let changed = DispatchSemaphore(value: 0)
    private let committing = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(_ database: TestDatabase, _ login: (role: String, password: String), _ change: String) throws {
        let started = DispatchSemaphore(value: 0)
        let box = PidBox()
        Thread.detachNewThread { [changed, committing, done] in
            defer { done.signal() }
            guard let connection = try? database.connect(role: login.role, password: login.password) else {
                started.signal()
                return
            }
            box.pid = (try? CLIHarness.pid(of: connection)) ?? 0
            _ = try? connection.execute("BEGIN")
            started.signal()
            _ = try? connection.execute(SQL(unsafeRaw: change))
            changed.signal()
            committing.wait()
            _ = try? connection.execute("COMMIT")
            connection.close()
        }
        started.wait()
        pid = box.pid
        guard pid != 0 else { throw CLIHarness.HarnessError(message: "The queued change could not connect.") }
    }

    func waitUntilChanged() { changed.wait() }

    func commit() {
        committing.signal()
        done.wait()
    }

    private final class PidBox: @unchecked Sendable { var pid = 0 }
}
