import Foundation

/// Where long output goes as it is made: a file (removed again if writing fails) or standard output.
struct TextSink {
    let path: String?
    let env: CLIEnvironment
    let handle: FileHandle?

    init(path: String?, env: CLIEnvironment) throws {
        self.path = path
        self.env = env
        guard let path else {
            handle = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CLIError("Cannot write \(path); check the folder exists and is writable.", status: .noInput)
        }
        self.handle = handle
    }

    mutating func write(_ text: String) throws {
        guard let handle else {
            env.write(text)
            return
        }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CLIError("Cannot write \(path ?? "the output"): \(error.localizedDescription)", status: .failure)
        }
    }

    func close() throws {
        try handle?.close()
    }

    func discard() {
        try? handle?.close()
        if let path { try? FileManager.default.removeItem(atPath: path) }
    }
}
