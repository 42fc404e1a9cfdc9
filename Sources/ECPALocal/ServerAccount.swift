import Foundation

/// The account the server programs run as.
///
/// PostgreSQL refuses to run as root, so as root they run as the `postgres` system user through
/// `runuser`; the files they write must then belong to that user.
enum ServerAccount: Sendable {
    /// The current (non-root) user.
    case currentUser
    /// The `postgres` system user, reached from root with `runuser`.
    case postgres(uid: uid_t, gid: gid_t, runuser: URL)

    /// The account for this process: the current user, or `postgres` when running as root.
    static func resolve(environment: [String: String]) throws -> ServerAccount {
        guard geteuid() == 0 else { return .currentUser }
        guard let (uid, gid) = userIDs(named: "postgres") else { throw LocalClusterError.postgresUserMissing }
        guard let runuser = Subprocess.find("runuser", environment: environment, extraDirectories: ["/usr/sbin", "/sbin"])
        else { throw LocalClusterError.runuserMissing }
        return .postgres(uid: uid, gid: gid, runuser: runuser)
    }

    /// The executable and arguments that run `program` as this account.
    func command(_ program: URL, _ arguments: [String]) -> (URL, [String]) {
        switch self {
        case .currentUser:
            return (program, arguments)
        case let .postgres(_, _, runuser):
            return (runuser, ["-u", "postgres", "--", program.path] + arguments)
        }
    }

    /// Hands `url` over to this account (a no-op for the current user).
    func takeOwnership(of url: URL) throws {
        guard case let .postgres(uid, gid, _) = self else { return }
        if chown(url.path, uid, gid) != 0 {
            throw LocalClusterError.fileSystem(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// The first folder from `/` down to `directory` that this account may not search, if any.
    func firstUnsearchableFolder(on directory: URL) -> URL? {
        guard case let .postgres(uid, gid, _) = self else { return nil }
        var current = URL(fileURLWithPath: "/", isDirectory: true)
        for component in [""] + directory.standardizedFileURL.pathComponents.dropFirst() {
            if !component.isEmpty { current.appendPathComponent(component, isDirectory: true) }
            var info = stat()
            guard stat(current.path, &info) == 0 else { return current }
            let searchable: Bool
            if info.st_uid == uid {
                searchable = info.st_mode & S_IXUSR != 0
            } else if info.st_gid == gid {
                searchable = info.st_mode & S_IXGRP != 0
            } else {
                searchable = info.st_mode & S_IXOTH != 0
            }
            if !searchable { return current }
        }
        return nil
    }

    private static func userIDs(named name: String) -> (uid_t, gid_t)? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwnam_r(name, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil else { return nil }
        return (entry.pw_uid, entry.pw_gid)
    }
}
