import Foundation

/// Reads a new password from a file, standard input or a terminal prompt, never from argv.
enum PasswordSource {
    static let minimumLength = 8

    static func read(file: String?, role: String, env: CLIEnvironment) throws -> String {
        let password: String
        if let file {
            let data: Data
            if file == "-" {
                data = env.readStandardInput()
            } else {
                data = try InputFile.read(file, what: "the password file")
            }
            let text = String(decoding: data, as: UTF8.self)
            password = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        } else if env.inputIsTerminal {
            guard let first = env.readSecret("Password for \(role): "),
                let second = env.readSecret("Repeat the password: ")
            else {
                throw CLIError("No password was read.", status: .invalidInput)
            }
            guard first == second else {
                throw CLIError("The two passwords differ; nothing was created.", status: .invalidInput)
            }
            password = first
        } else {
            throw CLIError(
                "Give the password with --password-file FILE, or --password-file - to read it from standard input; it is never taken from the command line.",
                status: .usage)
        }
        guard password.count >= minimumLength else {
            throw CLIError("The password must have at least \(minimumLength) characters.", status: .invalidInput)
        }
        return password
    }
}
