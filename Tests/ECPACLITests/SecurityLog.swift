import Foundation

/// Records each permission cell and hostile-login attack a test asserts, one line each, in the
/// file named by ECPA_SECURITY_LOG (scripts/security-doc counts them into docs/security.md); does
/// nothing when the variable is unset.
enum SecurityLog {
    private static let lock = NSLock()

    /// Appends "<kind> <id> held" or "<kind> <id> broken".
    static func record(_ kind: String, _ id: String, held: Bool) {
        guard let path = ProcessInfo.processInfo.environment["ECPA_SECURITY_LOG"], !path.isEmpty else { return }
        lock.withLock {
            let line = "\(kind) \(id) \(held ? "held" : "broken")\n"
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(line.utf8))
                handle.closeFile()
            } else {
                FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
            }
        }
    }
}
