import Foundation

/// A file a person names on the command line (an entry file, a scheme, a password file), read
/// whole, with a sentence that says why it cannot be when it cannot (exit 66).
enum InputFile {
    /// The file's bytes; `what` names it for the message, e.g. "the entry file".
    static func read(_ path: String, what: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CLIError("Cannot read \(path): there is no such file. Check the name and the folder.", status: .noInput)
        }
        if isFolder.boolValue {
            throw CLIError("Cannot read \(path): it is a folder, not a file; give \(what)'s name.", status: .noInput)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("Cannot read \(path): you may not read it; check its permissions.", status: .noInput)
        }
        return data
    }
}
