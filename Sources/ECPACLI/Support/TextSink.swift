import Foundation

/// Where long output goes as it is made: a file (whole or not at all, see `OutputFile`) or
/// standard output.
struct TextSink {
    let env: CLIEnvironment
    let draft: OutputFile.Draft?

    init(path: String?, force: Bool, env: CLIEnvironment) throws {
        self.env = env
        draft = try path.map { try OutputFile(path: $0, force: force).open() }
    }

    mutating func write(_ text: String) throws {
        guard let draft else {
            env.write(text)
            return
        }
        try draft.write(text)
    }

    func close() throws {
        try draft?.commit()
    }

    func discard() {
        draft?.discard()
    }
}
