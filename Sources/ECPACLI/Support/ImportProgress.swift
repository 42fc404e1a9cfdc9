import Foundation

/// Progress of a long import on standard error, one line rewritten in place; only on a terminal
/// and for files over a few megabytes, so scripts and small sheets see nothing.
final class ImportProgress: @unchecked Sendable {
    static let threshold = 4 << 20

    private let env: CLIEnvironment
    private let name: String
    private var lastPercent = -1
    private var shown = false

    init(env: CLIEnvironment, name: String) {
        self.env = env
        self.name = name
    }

    /// Whether a file of this size gets a progress line here.
    static func wanted(size: Int, env: CLIEnvironment) -> Bool {
        env.outputIsTerminal && size > threshold
    }

    func read(_ bytes: Int, of size: Int) {
        guard size > 0 else { return }
        let percent = min(100, bytes * 100 / size)
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        env.writeError("\rReading \(name): \(percent)% (\(Self.megabytes(bytes)) of \(Self.megabytes(size)) MB)")
        if percent == 100 { env.writeError("\n\(Self.checkingLine)") }
    }

    /// Ends the progress line so the next message starts on a line of its own.
    func finish() {
        if shown { env.writeError("\r\u{1B}[K") }
    }

    static let checkingLine = "Checking every row and writing the changes..."

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
