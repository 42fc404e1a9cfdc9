import Foundation

/// An exclusive `flock` on a file, so two ecpa processes never initialise or start one cluster at once.
enum FileLock {
    /// Runs `body` while holding the lock on `url`, waiting at most `timeout` seconds for it.
    static func withLock<T>(at url: URL, timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        // O_CLOEXEC: the server started inside `body` must not inherit the lock and hold it forever.
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LocalClusterError.fileSystem(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                throw LocalClusterError.fileSystem(path: url.path, reason: String(cString: strerror(failure)))
            }
            guard Date() < deadline else {
                throw LocalClusterError.lockTimeout(lockFile: url.path, seconds: Int(timeout))
            }
            usleep(50_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
