import ECPAStore
import Foundation

/// What a long import shows on standard error: the bytes read and the step under way, on one
/// line rewritten in place (only on a terminal and for files over a few megabytes), and, when
/// asked, how long each step took.
final class ImportProgress: @unchecked Sendable {
    static let threshold = 4 << 20

    private let env: CLIEnvironment
    private let name: String
    private let live: Bool
    private let timings: Bool
    private let clock = ContinuousClock()
    private var steps: [(phase: ScoreImportPhase, start: ContinuousClock.Instant)] = []
    private var lastPercent = -1

    init(env: CLIEnvironment, name: String, size: Int, timings: Bool) {
        self.env = env
        self.name = name
        self.live = env.outputIsTerminal && size > Self.threshold
        self.timings = timings
    }

    /// Called by COPY's progress callback with the file position.
    func read(_ bytes: Int, of size: Int) {
        guard live, size > 0 else { return }
        let percent = min(100, bytes * 100 / size)
        guard percent != lastPercent else { return }
        lastPercent = percent
        env.writeError("\r\u{1B}[KReading \(name): \(percent)% (\(Self.megabytes(bytes)) of \(Self.megabytes(size)) MB)")
    }

    func begin(_ phase: ScoreImportPhase) {
        steps.append((phase, clock.now))
        guard live else { return }
        switch phase {
        case .reading: break
        case .checking: env.writeError("\r\u{1B}[KChecking every row of \(name)...")
        case .writing: env.writeError("\r\u{1B}[KWriting the changes of \(name)...")
        }
    }

    /// Clears the progress line and, when asked, says how long each step took.
    func finish() {
        let end = clock.now
        if live { env.writeError("\r\u{1B}[K") }
        guard timings, let first = steps.first else { return }
        var parts: [String] = []
        for (index, step) in steps.enumerated() {
            let stop = index + 1 < steps.count ? steps[index + 1].start : end
            parts.append("\(step.phase.rawValue) \(Self.seconds(step.start, stop))")
        }
        env.info("Timings: \(parts.joined(separator: ", ")); total \(Self.seconds(first.start, end)).")
    }

    static func seconds(_ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) -> String {
        let duration = end - start
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
