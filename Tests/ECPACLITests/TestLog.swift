import Foundation

/// Appends one line to the file an environment variable names, for a script to count what a run
/// checked (scripts/security-doc, scripts/reliability-doc, scripts/test). Without the variable it
/// does nothing.
enum TestLog {
    private static let lock = NSLock()

    /// Appends `words` joined by spaces (white space inside a word becomes `_`) and a line end.
    static func append(_ words: [String], toFileIn variable: String) {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return }
        let line = words.map { String($0.map { $0.isWhitespace ? "_" : $0 }) }.joined(separator: " ") + "\n"
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
