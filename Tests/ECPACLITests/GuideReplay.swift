import ECPACLI
import ECPATestSupport
import Foundation

/// Replays a guide in docs/: every `$ ecpa ...` line of its ```console blocks runs, in order,
/// against a database of its own, and what it prints must match what the guide shows.
///
/// Conventions a guide may use (HTML comments, invisible when the guide is read):
/// - `<!-- replay-roles: a b -->`: login names the guide creates; a replay first drops logins of
///   those names left by an earlier replay on the same server (logins are server-wide).
/// - `<!-- replay-as: ROLE -->` before a console block: its commands run as that person (`--as`).
/// - `<!-- replay-file: NAME -->` before a fenced block: the block is saved as the file NAME.
/// - `<!-- replay-run ... -->`: commands run at that point, unseen, one per line (`ecpa ...`).
/// - `<!-- replay-write: NAME TEXT -->`: saves a one-line file (a password file, say) unseen.
/// - `<!-- replay-write-lines: NAME` followed by lines and `-->`: saves a file of several lines
///   unseen (a scheme file the guide does not need to show in full).
/// - `<!-- replay-sql ... -->`: SQL run at that point as the database's administrator, unseen, for
///   what no ecpa command does on purpose (a deadline that has passed).
/// - A line `…` in shown output stands for any number of lines. Times, digests and the replay's
///   own folder are masked on both sides before comparing.
struct GuideReplay {
    struct Step {
        var command: String
        var role: String?
        var expected: [String]
        var line: Int
        /// A `replay-run` command: not shown in the guide, only has to succeed.
        var hidden = false
        /// A `replay-sql` script, run instead of a command.
        var sql: String?
    }

    struct Mismatch: CustomStringConvertible {
        var line: Int
        var command: String
        var expected: String
        var actual: String
        var description: String { "line \(line): $ \(command)\n--- the guide shows:\n\(expected)\n--- the replay printed:\n\(actual)" }
    }

    var roles: [String] = []
    var steps: [Step] = []
    /// Files are saved when the replay reaches them, so a guide can show a file changing.
    var fileAtStep: [Int: [(name: String, text: String)]] = [:]

    init(markdown: String) {
        let lines = markdown.components(separatedBy: "\n")
        var index = 0
        var pendingRole: String?
        var pendingFile: String?
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<!-- replay-roles:") {
                roles += Self.value(trimmed, "replay-roles:").split(separator: " ").map(String.init)
            } else if trimmed.hasPrefix("<!-- replay-as:") {
                pendingRole = Self.value(trimmed, "replay-as:")
            } else if trimmed.hasPrefix("<!-- replay-file:") {
                pendingFile = Self.value(trimmed, "replay-file:")
            } else if trimmed.hasPrefix("<!-- replay-write:") {
                let parts = Self.value(trimmed, "replay-write:").split(separator: " ", maxSplits: 1).map(String.init)
                fileAtStep[steps.count, default: []].append((parts[0], (parts.count > 1 ? parts[1] : "") + "\n"))
            } else if trimmed.hasPrefix("<!-- replay-write-lines:") {
                let name = Self.value(trimmed, "replay-write-lines:")
                var text: [String] = []
                index += 1
                while index < lines.count && !lines[index].contains("-->") {
                    text.append(lines[index])
                    index += 1
                }
                fileAtStep[steps.count, default: []].append((name, text.joined(separator: "\n") + "\n"))
            } else if trimmed.hasPrefix("<!-- replay-sql") {
                var script: [String] = []
                let first = index + 1
                index += 1
                while index < lines.count && !lines[index].contains("-->") {
                    script.append(lines[index])
                    index += 1
                }
                steps.append(Step(command: "", role: nil, expected: [], line: first, hidden: true, sql: script.joined(separator: "\n")))
            } else if trimmed.hasPrefix("<!-- replay-run") {
                index += 1
                while index < lines.count && !lines[index].contains("-->") {
                    let command = lines[index].trimmingCharacters(in: .whitespaces)
                    if !command.isEmpty { steps.append(Step(command: command, role: nil, expected: [], line: index + 1, hidden: true)) }
                    index += 1
                }
            } else if trimmed.hasPrefix("```") {
                let language = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                var body: [String] = []
                index += 1
                while index < lines.count && !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    body.append(lines[index])
                    index += 1
                }
                if let name = pendingFile {
                    fileAtStep[steps.count, default: []].append((name, body.joined(separator: "\n") + "\n"))
                    pendingFile = nil
                } else if language == "console" {
                    var blockStart = index - body.count
                    for (offset, text) in body.enumerated() {
                        if text.hasPrefix("$ ") {
                            steps.append(Step(command: String(text.dropFirst(2)), role: pendingRole, expected: [], line: blockStart + offset + 1))
                        } else if !steps.isEmpty {
                            steps[steps.count - 1].expected.append(text)
                        }
                    }
                    blockStart = 0
                    pendingRole = nil
                }
            }
            index += 1
        }
    }

    static func value(_ comment: String, _ key: String) -> String {
        comment.replacingOccurrences(of: "<!--", with: "").replacingOccurrences(of: "-->", with: "")
            .replacingOccurrences(of: key, with: "").trimmingCharacters(in: .whitespaces)
    }

    /// Runs the guide; returns every place where the replay differs from the guide, and what each
    /// shown command printed (by step), so a guide can be refreshed from a real run.
    func replay(in cli: CLIHarness) throws -> (mismatches: [Mismatch], outputs: [Int: [String]]) {
        let admin = try cli.database.connect()
        for role in roles { try admin.execute("DROP ROLE IF EXISTS \(identifier: role)") }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: cli.folder.path + "/", with: "") }
        var mismatches: [Mismatch] = []
        var outputs: [Int: [String]] = [:]
        for (number, step) in steps.enumerated() {
            for file in fileAtStep[number] ?? [] {
                try Data(file.text.utf8).write(to: cli.folder.appendingPathComponent(file.name))
            }
            if let sql = step.sql {
                try admin.executeScript(unsafeRaw: sql)
                continue
            }
            var (arguments, input) = try Self.split(step.command)
            if let role = step.role { arguments += ["--as", role] }
            let result = cli.run(resolve(arguments, cli), input: input)
            if step.hidden {
                if result.status != 0 {
                    mismatches.append(Mismatch(line: step.line, command: step.command, expected: "(success)", actual: clean(result.error)))
                }
                continue
            }
            let actual = Self.trimmed(clean(result.output + result.error).components(separatedBy: "\n"))
            outputs[number] = actual
            if !Self.matches(expected: step.expected.map(Self.mask), actual: actual.map(Self.mask)) {
                mismatches.append(
                    Mismatch(
                        line: step.line, command: step.command,
                        expected: step.expected.joined(separator: "\n"),
                        actual: actual.joined(separator: "\n")))
            }
        }
        return (mismatches, outputs)
    }

    /// The guide with each shown command's output replaced by what the replay printed (steps whose
    /// shown output uses `…` are kept as written).
    func refreshed(_ markdown: String, outputs: [Int: [String]]) -> String {
        var lines = markdown.components(separatedBy: "\n")
        for (number, step) in steps.enumerated().reversed() where !step.hidden && !step.expected.contains("…") {
            guard let actual = outputs[number] else { continue }
            let first = step.line
            lines.replaceSubrange(first..<(first + Self.trimmed(step.expected).count), with: actual)
        }
        return lines.joined(separator: "\n")
    }

    /// `ecpa` arguments from a shell line; `printf '...' | ecpa ...` gives standard input.
    static func split(_ line: String) throws -> (arguments: [String], input: String) {
        var input = ""
        var command = line
        if let pipe = line.range(of: " | ecpa "), line.hasPrefix("printf ") {
            let printf = try words(String(line[..<pipe.lowerBound]))
            input = (printf.dropFirst().first ?? "").replacingOccurrences(of: "\\n", with: "\n")
            command = "ecpa " + line[pipe.upperBound...]
        }
        let arguments = try words(command)
        guard arguments.first == "ecpa" else {
            throw CLIHarness.HarnessError(message: "not an ecpa command: \(line)")
        }
        return (Array(arguments.dropFirst()), input)
    }

    /// Shell words: single and double quotes, backslash escapes outside single quotes.
    static func words(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for character in text {
            if escape { current.append(character); escape = false; continue }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escape = true } else { current.append(character) }
                continue
            }
            switch character {
            case "'", "\"": quote = character; inWord = true
            case "\\": escape = true; inWord = true
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(character); inWord = true
            }
        }
        if quote != nil { throw CLIHarness.HarnessError(message: "unbalanced quote in: \(text)") }
        if inWord { words.append(current) }
        return words
    }

    /// Arguments naming a file of the guide, or the folder `site build` writes, point into the
    /// replay's folder.
    func resolve(_ arguments: [String], _ cli: CLIHarness) -> [String] {
        arguments.enumerated().map { index, argument in
            let path = cli.folder.appendingPathComponent(argument).path
            let known = fileAtStep.values.joined().contains { $0.name == argument }
            let folder = index == 2 && arguments.starts(with: ["site", "build"])
            return known || folder || argument.hasSuffix(".toml") || argument.hasSuffix(".csv") || argument.hasSuffix(".html")
                || argument.hasSuffix(".md")
                ? path : argument
        }
    }

    static func trimmed(_ lines: [String]) -> [String] {
        var lines = lines
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    static func mask(_ line: String) -> String {
        var line = line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        let patterns = [
            "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?[A-Z]{3,5}|[+-]\\d{2}:\\d{2}|Z)?",
            "[0-9a-f]{64}", "[0-9a-f]{16}…",
        ]
        for pattern in patterns {
            line = line.replacingOccurrences(of: pattern, with: "<masked>", options: .regularExpression)
        }
        // Tables widen or narrow with masked values; compare cells, not spacing.
        return line.replacingOccurrences(of: " {2,}", with: "  ", options: .regularExpression)
    }

    /// Whether actual output matches the shown output, a line `…` matching any run of lines.
    static func matches(expected: [String], actual: [String]) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            let rest = Array(expected.dropFirst())
            if rest.isEmpty { return true }
            return (0...actual.count).contains { matches(expected: rest, actual: Array(actual.dropFirst($0))) }
        }
        guard let head = actual.first, head == first else { return false }
        return matches(expected: Array(expected.dropFirst()), actual: Array(actual.dropFirst()))
    }
}
