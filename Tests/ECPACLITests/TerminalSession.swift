import Foundation

/// Runs the built `ecpa` program on a real pseudo-terminal, the way a person at a terminal runs it:
/// prompts, echo, the terminal's width and Ctrl-C behave as they do for them. util-linux's `script`
/// makes the pseudo-terminal and the program's controlling terminal; what the test sends goes
/// through the terminal's line discipline, so a Ctrl-C byte reaches the program as SIGINT.
final class TerminalSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var received = Data()
    private var consumed = 0

    /// What the shell around `ecpa` prints when it ends: `script` itself stays until its input
    /// ends, and the status it returns is its own. The test runner starts children with SIGINT
    /// ignored, which a shell cannot undo: `env --default-signal=INT` gives `ecpa` Ctrl-C's default
    /// action back, as a person's shell would, while the shell around it survives to say the status.
    private static let exitMark = "[ecpa exited with status "

    /// The `ecpa` program `swift build` put beside the test bundle.
    static var program: URL {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        // The bundle's executable lives inside ecpaPackageTests.xctest on some layouts.
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ecpa").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("ecpa")
    }

    /// Starts `ecpa` with the given arguments on a terminal of `columns` × 24, with the test's
    /// environment plus `environment` (no colour unless the test asks: NO_COLOR is left as given).
    init(_ arguments: [String], environment: [String: String] = [:], columns: Int = 80, directory: URL? = nil) throws {
        let command = ([Self.program.path] + arguments).map(Self.quoted).joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = [
            "--quiet", "--return", "--flush", "--command",
            "stty cols \(columns) rows 24; trap true INT; env --default-signal=INT \(command); echo \"\(Self.exitMark)$?]\"", "/dev/null",
        ]
        var variables = ProcessInfo.processInfo.environment
        variables["TERM"] = "xterm-256color"
        variables.merge(environment) { _, given in given }
        process.environment = variables
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.received.append(data) }
        }
        try process.run()
    }

    deinit {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { process.terminate() }
    }

    /// Everything the terminal showed so far (with the terminal's \r\n line ends made \n).
    var transcript: String {
        lock.withLock { Self.text(received) }
    }

    /// Waits until the terminal shows `text` after what earlier `expect` calls consumed; returns what
    /// was shown up to and including it. Throws, with the transcript, when it does not come.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 60) throws -> String {
        var deadline = Date().addingTimeInterval(timeout)
        var ended = false
        while true {
            let found: String? = lock.withLock {
                let shown = Self.text(received)
                let fresh = String(decoding: Array(shown.utf8.dropFirst(consumed)), as: UTF8.self)
                guard let range = fresh.range(of: text) else { return nil }
                let upTo = String(fresh[..<range.upperBound])
                consumed += upTo.utf8.count
                return upTo
            }
            if let found { return found }
            guard Date() < deadline else {
                throw TerminalError(waitingFor: text, transcript: transcript)
            }
            if !ended && !process.isRunning {
                // The program ended: what it wrote last arrives within moments.
                ended = true
                deadline = min(deadline, Date().addingTimeInterval(0.5))
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Types a line and presses Enter.
    func type(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\r").utf8))
    }

    /// Presses Ctrl-C.
    func interrupt() {
        input.fileHandleForWriting.write(Data([0x03]))
    }

    /// Presses Ctrl-D (end of input) at the start of a line.
    func endOfInput() {
        input.fileHandleForWriting.write(Data([0x04]))
    }

    /// Waits for the program to end and returns its exit status (128 + n when signal n ended it).
    func wait(timeout: TimeInterval = 60) throws -> Int32 {
        try expect(Self.exitMark, timeout: timeout)
        let status = try expect("]", timeout: 5).dropLast()
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard let code = Int32(status) else { throw TerminalError(waitingFor: "an exit status", transcript: transcript) }
        return code
    }

    struct TerminalError: Error, CustomStringConvertible {
        var waitingFor: String
        var transcript: String
        var description: String { "the terminal never showed \(waitingFor.debugDescription); it showed:\n\(transcript)" }
    }

    private static func text<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: Array(bytes), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
