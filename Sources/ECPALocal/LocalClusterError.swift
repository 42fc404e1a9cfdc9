import Foundation

/// Why the embedded local PostgreSQL cluster could not be created, started or stopped.
public enum LocalClusterError: Error, Equatable, CustomStringConvertible {
    /// No initdb, pg_ctl and postgres were found.
    case serverProgramsNotFound
    /// Running as root, but there is no `postgres` system user to run the server as.
    case postgresUserMissing
    /// Running as root, but `runuser` is missing.
    case runuserMissing
    /// Running as root, and the `postgres` user cannot traverse a folder on the way to the home.
    case homeUnreachable(home: String, blockedAt: String)
    /// The data directory exists but belongs to another user.
    case dataNotAccessible(path: String)
    /// The socket path exceeds what a Unix socket address can hold.
    case socketPathTooLong(path: String)
    /// The data directory was made by another major version than the server programs found.
    case versionMismatch(dataDirectory: String, dataVersion: String, serverVersion: String)
    /// A file or folder could not be created, changed or removed.
    case fileSystem(path: String, reason: String)
    /// A PostgreSQL program exited with an error.
    case commandFailed(program: String, message: String)
    /// A PostgreSQL program did not finish in time and was stopped.
    case timedOut(program: String, seconds: Int)
    /// `pg_ctl start` failed; the reason is the last FATAL line of the log, when there is one.
    case startFailed(reason: String?, logFile: String)
    /// The server started but did not accept connections in time.
    case notReady(seconds: Int, logFile: String)
    /// The server did not stop.
    case stopFailed(reason: String, logFile: String)
    /// Another ecpa process held the cluster's lock for too long.
    case lockTimeout(lockFile: String, seconds: Int)

    /// One or two plain sentences: what went wrong and what to do.
    public var description: String {
        switch self {
        case .serverProgramsNotFound:
            return "PostgreSQL's server programs were not found; install them with "
                + "`sudo apt-get install postgresql` (Debian/Ubuntu), or set ECPA_PG_BINDIR."
        case .postgresUserMissing:
            return "PostgreSQL refuses to run as root and there is no `postgres` system user to run it as; "
                + "install the server with `sudo apt-get install postgresql`, or run ecpa as a normal user."
        case .runuserMissing:
            return "PostgreSQL refuses to run as root and `runuser` was not found to run it as the `postgres` user; "
                + "install util-linux, or run ecpa as a normal user."
        case let .homeUnreachable(home, blockedAt):
            return "As root, ecpa runs PostgreSQL as the `postgres` user, who cannot reach \(home) because "
                + "\(blockedAt) is not searchable by that user. Set ECPA_HOME to a folder it can reach "
                + "(or unset it to use /var/lib/ecpa), or run ecpa as a normal user."
        case let .dataNotAccessible(path):
            return "The local cluster in \(path) belongs to another user; run ecpa as that user, "
                + "or set ECPA_HOME to a folder of your own."
        case let .socketPathTooLong(path):
            return "The socket path \(path) is longer than a Unix socket allows (107 bytes); "
                + "set ECPA_HOME to a shorter folder."
        case let .versionMismatch(dataDirectory, dataVersion, serverVersion):
            return "The local cluster in \(dataDirectory) was created by PostgreSQL \(dataVersion), but the "
                + "server programs found are PostgreSQL \(serverVersion). Install PostgreSQL \(dataVersion) "
                + "(`sudo apt-get install postgresql-\(dataVersion)`) or set ECPA_PG_BINDIR to its bin folder; "
                + "`ecpa local reset` starts afresh but deletes the data."
        case let .fileSystem(path, reason):
            return "Could not prepare \(path): \(reason). Set ECPA_HOME to a folder you can write to."
        case let .commandFailed(program, message):
            return "\(program) failed: \(message)"
        case let .timedOut(program, seconds):
            return "\(program) did not finish within \(seconds) seconds and was stopped; try again."
        case let .startFailed(reason, logFile):
            if let reason {
                return "The local PostgreSQL server did not start (\(reason)); see \(logFile) for details."
            }
            return "The local PostgreSQL server did not start; see \(logFile) for the reason."
        case let .notReady(seconds, logFile):
            return "The local PostgreSQL server did not accept connections within \(seconds) seconds; "
                + "see \(logFile) for the reason."
        case let .stopFailed(reason, logFile):
            return "The local PostgreSQL server did not stop (\(reason)); see \(logFile) and try again."
        case let .lockTimeout(lockFile, seconds):
            return "Another ecpa process has been using the local cluster for over \(seconds) seconds "
                + "(lock \(lockFile)); wait for it to finish and try again."
        }
    }
}
