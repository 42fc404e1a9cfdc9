import ECPAStore
import ECPAUseCases
import ECPALocal
import Foundation
import LibPQ

/// The exit codes of `ecpa`, documented in docs/cli.md.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case notFound = 2
    case refused = 3
    case conflict = 4
    case permissionDenied = 5
    case usage = 64
    case invalidInput = 65
    case noInput = 66
    case unavailable = 69
    /// Busy: nothing was written, and the same command may succeed when run again (EX_TEMPFAIL).
    case busy = 75

    /// The code of an error that has no more particular one, such as `invalid_input`.
    public var code: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .notFound: "not_found"
        case .refused: "refused"
        case .conflict: "conflict"
        case .permissionDenied: "permission_denied"
        case .usage: "usage"
        case .invalidInput: "invalid_input"
        case .noInput: "no_input"
        case .unavailable: "unavailable"
        case .busy: "busy"
        }
    }
}

/// An error the CLI reports as one or two plain sentences with an exit status, and a stable code
/// that `--format json` prints beside them (docs/cli.md, error codes).
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var status: ExitStatus
    /// Such as `store.closed`, `results.scores_missing`, or the status's own (`invalid_input`).
    public var code: String

    public init(_ message: String, status: ExitStatus = .failure, code: String? = nil) {
        self.message = message
        self.status = status
        self.code = code ?? status.code
    }

    public var description: String { message }

    /// Whether an error is one of ours (as opposed to ArgumentParser's help and usage errors).
    static func isOurs(_ error: Error) -> Bool {
        error is CLIError || error is StoreError || error is PQError || error is LocalClusterError || error is Refusal
    }

    /// Maps any error a command may throw to what the user sees; `session` adds what can be found
    /// out afterwards (who holds the lock a statement waited for).
    static func from(_ error: Error, session: CommandSession? = nil) -> CLIError {
        switch error {
        case let error as CLIError:
            return error
        case let error as StoreError:
            let explained = session?.explain(error) ?? error
            return CLIError(explained.description, status: status(of: explained), code: explained.code)
        case let error as PQError:
            return from(StoreError(error), session: session)
        case let error as LocalClusterError:
            return CLIError(error.description, status: .unavailable, code: "local.unavailable")
        case let error as Refusal:
            let status: ExitStatus
            switch error.kind {
            case .refused: status = .refused
            case .failed: status = .failure
            case .notFound: status = .notFound
            case .permissionDenied: status = .permissionDenied
            }
            return CLIError(error.message, status: status, code: error.code)
        default:
            return CLIError(String(describing: error), status: .failure)
        }
    }

    static func status(of error: StoreError) -> ExitStatus {
        switch error {
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .closed, .frozen, .invalidTransition: return .refused
        case .permissionDenied: return .permissionDenied
        case .invalidData: return .invalidInput
        case .unavailable, .notMigrated, .connectionLost: return .unavailable
        case .lockTimeout, .concurrentChange, .canceled, .busy: return .busy
        case .database: return .failure
        }
    }
}
