import Foundation

/// What a finished program wrote and how it exited.
struct SubprocessResult: Sendable {
    var status: Int32
    var output: String
    var errorOutput: String

    var succeeded: Bool { status == 0 }

    /// The last few non-empty lines of stderr (else stdout), joined for a one-line error message.
    var diagnostic: String {
        let text = errorOutput.isEmpty ? output : errorOutput
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let last = lines.filter { !$0.isEmpty }.suffix(3).joined(separator: " ")
        return last.isEmpty ? "exit status \(status)" : last
    }
}
