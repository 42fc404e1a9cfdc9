import Foundation

/// Terminal helpers: reading a secret without echo.
enum Terminal {
    /// Prompts on standard error and reads one line from the terminal with echo turned off.
    static func readSecret(prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }

    /// Opens the person's editor on a temporary file holding the text under guidance lines
    /// (starting with #, dropped afterwards); returns the edited text, or nil without an editor.
    static func edit(_ text: String, guidance: String, environment: [String: String]) -> String? {
        guard isatty(STDIN_FILENO) == 1,
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else { return nil }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecpa-answer-\(UUID().uuidString).txt")
        let header =
            wrap(guidance).map { "# " + $0 }.joined(separator: "\n")
            + "\n# Lines starting with # are left out. Save and close the editor when you are done.\n"
        guard (try? Data((header + text + "\n").utf8).write(to: url)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \(editor) \"$1\"", "sh", url.path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The width in columns of the terminal open on `descriptor`, or nil when it is none or does not say.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Breaks a text between words so that no line is wider than `width` terminal columns (as
    /// `DisplayWidth` counts them); a word wider than the line is cut.
    static func wrap(_ text: String, width: Int = 76) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var columns = DisplayWidth.of(word)
            if used > 0 && used + 1 + columns > width {
                lines.append(line)
                line = ""
                used = 0
            }
            while columns > width {
                let head = DisplayWidth.prefix(word, columns: width)
                lines.append(head)
                word = String(word.dropFirst(head.count))
                columns = DisplayWidth.of(word)
            }
            line += (used > 0 ? " " : "") + word
            used += (used > 0 ? 1 : 0) + columns
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
