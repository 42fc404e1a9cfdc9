import Foundation
import Testing

/// One input a national representative, a juror or the secretariat could type or feed to `ecpa`
/// that must be refused: what is typed, what is fed, and exactly what ecpa answers. The corpus
/// (`BadInputCorpus.cases`) runs each against a copy of its world and checks that nothing was
/// written; docs/reliability.md lists them as the tests assert them.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// What kind of input it is, as docs/reliability.md groups them.
    enum Kind: String, CaseIterable, Sendable {
        case entryFile = "entry-file"
        case scoreSheet = "score-sheet"
        case flag
        case time
        case connection

        /// The heading in docs/reliability.md.
        var title: String {
            switch self {
            case .entryFile: "Entry files"
            case .scoreSheet: "Score sheets"
            case .flag: "Flags"
            case .time: "Times"
            case .connection: "Connection strings"
            }
        }
    }

    /// A file the case writes into its folder before the command runs.
    struct File: Sendable {
        enum Content: Sendable {
            case text(String)
            case bytes([UInt8])
            case folder
        }

        var name: String
        var content: Content
    }

    var kind: Kind
    /// A short name, unique in the corpus, in kebab case.
    var name: String
    var world: BadInputWorld
    /// The command line as typed, `ecpa ...`, in shell quoting. `{x*N}` stands for the letter x
    /// written N times, `{ESC}` for the escape character.
    var command: String
    /// What the file or standard input holds, in words, for the docs ("" when nothing is fed).
    var fed: String = ""
    var files: [File] = []
    var input: String = ""
    var environment: [String: String] = [:]
    /// The exit status.
    var exit: Int32
    /// Standard error, exactly; a file in the case's folder is shown by its name alone and the
    /// test server's address as `{server}`.
    var error: String
    /// Standard output, exactly (a refused command usually prints nothing there).
    var output: String = ""

    var testDescription: String { "\(kind.rawValue)/\(name)" }

    /// The command's arguments after `ecpa`, with the stand-ins expanded.
    func arguments() throws -> [String] {
        let words = try GuideReplay.words(command)
        guard words.first == "ecpa" else { throw CLIHarness.HarnessError(message: "\(name): not an ecpa command: \(command)") }
        return words.dropFirst().map(Self.expand)
    }

    /// `{x*N}` as N times x, `{ESC}` as U+001B.
    static func expand(_ word: String) -> String {
        var text = word.replacingOccurrences(of: "{ESC}", with: "\u{1B}")
        while let range = text.range(of: #"\{[^{}*]+\*[0-9]+\}"#, options: .regularExpression) {
            let inner = text[range].dropFirst().dropLast()
            let parts = inner.split(separator: "*")
            let count = Int(parts[1]) ?? 0
            text.replaceSubrange(range, with: String(repeating: String(parts[0]), count: count))
        }
        return text
    }
}

extension BadInput.File {
    static func text(_ name: String, _ text: String) -> Self { Self(name: name, content: .text(text)) }
    static func bytes(_ name: String, _ bytes: [UInt8]) -> Self { Self(name: name, content: .bytes(bytes)) }
    static func folder(_ name: String) -> Self { Self(name: name, content: .folder) }
}
