import Foundation

/// What the security suites tried, one line per check, for scripts/security-doc to count.
///
/// The protocol shared by the permission matrix and the hostile-login suite: when the environment
/// variable `ECPA_SECURITY_LOG` names a file, every call appends one line to it,
/// `<kind> <id> held` when the rule held or `<kind> <id> broken` when it did not. Kinds in use:
/// `cell` (one permission-matrix cell) and `attack` (one hostile-login attack; `broken` means the
/// attack succeeded). Ids contain no white space. Without the variable every call does nothing.
enum SecurityLog {
    private static let lock = NSLock()

    /// Appends `<kind> <id> held|broken` to the file named by ECPA_SECURITY_LOG, if set.
    static func record(_ kind: String, _ id: String, held: Bool) {
        guard let path = ProcessInfo.processInfo.environment["ECPA_SECURITY_LOG"], !path.isEmpty else { return }
        let clean = { (text: String) in
            String(text.map { $0.isWhitespace ? "_" : $0 })
        }
        let line = "\(clean(kind)) \(clean(id)) \(held ? "held" : "broken")\n"
        lock.withLock {
            // O_APPEND: each line lands whole at the end, even with other test processes writing.
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
