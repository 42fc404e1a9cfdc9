import Foundation

/// A command line running on a thread of its own, for tests in which the command waits for
/// another session's lock while the test decides what that session does.
final class BackgroundRun: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: CLIHarness.Result?

    init(_ cli: CLIHarness, _ arguments: [String], environment: [String: String] = [:]) {
        Thread.detachNewThread { [self] in
            let outcome = cli.run(arguments, environment: environment)
            lock.withLock { result = outcome }
            done.signal()
        }
    }

    /// What the command printed and its status, once it has ended.
    func finish() throws -> CLIHarness.Result {
        guard done.wait(timeout: .now() + 300) == .success, let result = lock.withLock({ result }) else {
            throw CLIHarness.HarnessError(message: "The command did not end.")
        }
        return result
    }
}
