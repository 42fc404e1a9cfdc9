import ECPACore
import Foundation

/// Everything a command needs from the world outside it, so tests can supply their own.
public struct CLIEnvironment: Sendable {
    /// Environment variables (ECPA_*, PG*, HOME, EDITOR...).
    public var variables: [String: String]
    /// The clock. The domain never reads it itself.
    public var now: @Sendable () -> Date
    /// Writes to standard output.
    public var write: @Sendable (String) -> Void
    /// Writes to standard error (messages, progress).
    public var writeError: @Sendable (String) -> Void
    /// Reads all of standard input.
    public var readStandardInput: @Sendable () -> Data
    /// Whether standard output is a terminal (tables may use colour; progress may be shown).
    public var outputIsTerminal: Bool
    /// Whether standard input is a terminal (prompts are allowed).
    public var inputIsTerminal: Bool
    /// Asks for a secret on the terminal without echo; nil when there is no terminal.
    public var readSecret: @Sendable (String) -> String?
    /// Reads one line of standard input (interactive prompts); nil at the end of input.
    public var readLine: @Sendable () -> String?
    /// Lets the person edit a long text in their editor ($VISUAL or $EDITOR): the text to start
    /// from and a guidance note; nil when no editor could be used.
    public var editText: @Sendable (_ text: String, _ guidance: String) -> String?
    /// Whether standard error is a terminal (refusals and warnings may use colour).
    public var errorIsTerminal = false
    /// The width of the terminal on standard output, when it tells (TIOCGWINSZ).
    public var terminalColumns: Int?
    /// What to print if Ctrl-C ends the program from now on (nil: nothing more than usual).
    public var noteOnInterrupt: @Sendable (String?) -> Void
    /// The database session the command opens, for explaining its failure afterwards.
    let session = CommandSession()

    public init(
        variables: [String: String], now: @escaping @Sendable () -> Date,
        write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        readStandardInput: @escaping @Sendable () -> Data = { Data() },
        outputIsTerminal: Bool = false, inputIsTerminal: Bool = false,
        readSecret: @escaping @Sendable (String) -> String? = { _ in nil },
        readLine: @escaping @Sendable () -> String? = { nil },
        editText: @escaping @Sendable (_ text: String, _ guidance: String) -> String? = { _, _ in nil },
        noteOnInterrupt: @escaping @Sendable (String?) -> Void = { _ in }
    ) {
        self.noteOnInterrupt = noteOnInterrupt
        self.readLine = readLine
        self.editText = editText
        self.variables = variables
        self.now = now
        self.write = write
        self.writeError = writeError
        self.readStandardInput = readStandardInput
        self.outputIsTerminal = outputIsTerminal
        self.inputIsTerminal = inputIsTerminal
        self.readSecret = readSecret
    }

    /// The real process: its environment, clock, standard streams and terminal.
    public static func live() -> CLIEnvironment {
        // Stored text could hold characters a terminal acts on (rows older than sql/0028's
        // checks): on a terminal, they are shown by name; only the palette's own colour codes pass.
        let terminal = isatty(STDOUT_FILENO) == 1
        let palette = Palette.decide(isTerminal: terminal, variables: ProcessInfo.processInfo.environment)
        var env = CLIEnvironment(
            variables: ProcessInfo.processInfo.environment,
            now: { Date() },
            write: { text in
                FileHandle.standardOutput.write(Data((terminal ? palette.escaped(text, multiline: true) : text).utf8))
            },
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            inputIsTerminal: isatty(STDIN_FILENO) == 1,
            readSecret: { prompt in Terminal.readSecret(prompt: prompt) },
            readLine: { Swift.readLine(strippingNewline: true) },
            editText: { text, guidance in Terminal.edit(text, guidance: guidance, environment: ProcessInfo.processInfo.environment) },
            noteOnInterrupt: { InterruptNote.set($0) }
        )
        env.errorIsTerminal = isatty(STDERR_FILENO) == 1
        env.terminalColumns = terminal ? Terminal.columns(of: STDOUT_FILENO) : nil
        return env
    }

    /// Whether and how to colour what goes to standard output or standard error: `Palette.decide`.
    public func palette(forErrors: Bool = false) -> Palette {
        Palette.decide(isTerminal: forErrors ? errorIsTerminal : outputIsTerminal, variables: variables)
    }

    /// How tables are laid out: on a terminal, fitted to its width (`columns`) unless `wide` (every cell whole), and coloured as `palette()` says; piped, whole and plain.
    func tableStyle(wide: Bool) -> TableStyle {
        TableStyle(columns: outputIsTerminal && !wide ? columns : nil, palette: palette(), wide: wide)
    }

    /// The width text is laid out for: `COLUMNS` when set, else the terminal's own, else 80.
    var columns: Int {
        if let text = variables["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return terminalColumns ?? 80
    }

    /// Prints a warning on standard error ("Warning: ..."), in colour on a terminal.
    public func warn(_ line: String) { writeError(palette(forErrors: true).warning("Warning: " + line) + "\n") }

    /// Prints a line to standard output.
    public func print(_ line: String = "") { write(line + "\n") }

    /// Prints a status line to standard error, so standard output stays clean for scripts.
    public func info(_ line: String) { writeError(line + "\n") }
}
