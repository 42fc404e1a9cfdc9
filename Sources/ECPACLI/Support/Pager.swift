import ECPACore
import Foundation

/// Long text for reading: wrapped to the terminal's width and shown through the person's pager
/// (`$PAGER`, or `less -R`) when standard output is a terminal; written as it is otherwise.
enum Pager {
    /// Shows the text a screen at a time on a terminal; writes it to standard output otherwise, or
    /// when the pager cannot be started. `PAGER=cat` (or an empty PAGER) writes it straight out.
    static func show(_ text: String, env: CLIEnvironment) {
        let command = env.variables["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? "less -R"
        guard env.outputIsTerminal, !command.isEmpty, command != "cat" else {
            env.write(text)
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var variables = env.variables
        // less: leave the text on the screen when it fits; without a terminal-wide LESS setting only.
        if variables["LESS"] == nil { variables["LESS"] = "FRX" }
        process.environment = variables
        let input = Pipe()
        process.standardInput = input
        // Ctrl-C belongs to the pager while it runs (less uses it to stop a search), not to ecpa.
        // A pager that is quit before the end closes the pipe: that is not an error of ecpa's.
        let previous = signal(SIGINT, SIG_IGN)
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGINT, previous)
            signal(SIGPIPE, previousPipe)
        }
        guard (try? process.run()) != nil else {
            env.write(text)
            return
        }
        // Stored text could hold characters a terminal acts on: shown by name, as env.write does.
        let safe = ControlCharacters.escaped(text, multiline: true)
        try? input.fileHandleForWriting.write(contentsOf: Data(safe.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
