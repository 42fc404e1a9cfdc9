import ArgumentParser

/// "Did you mean": a mistyped command or option named with the nearest right one, where
/// ArgumentParser does not say it itself (it suggests only options, only close to an option of
/// the command it reached, and reports a missing option before an unknown one).
enum Suggestion {
    /// ArgumentParser's usage error `message` for `arguments` with its first sentence replaced
    /// when a word is not a command or an option is unknown; nil to keep the message as it is.
    static func correcting(_ message: String, arguments: [String], root: ParsableCommand.Type = ECPACommand.self) -> String? {
        let first = message.prefix { $0 != "\n" }
        guard !first.contains("Did you mean"), let sentence = sentence(for: arguments, root: root), first != "Error: " + sentence
        else { return nil }
        return "Error: " + sentence + message.dropFirst(first.count)
    }

    /// What is wrong with the first unknown command or option of `arguments`, or nil when every
    /// word is known.
    static func sentence(for arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        var rest = arguments[...]
        // Down the command groups: a word that is none of the group's commands is the mistake.
        while !command.configuration.subcommands.isEmpty {
            let subcommands = command.configuration.subcommands
            guard let position = rest.firstIndex(where: { !$0.hasPrefix("-") }), rest[position] != "help" else { break }
            if let unknown = unknownOption(in: rest[..<position], of: command, root: root) { return unknown }
            let word = rest[position]
            let names = subcommands.map { $0._commandName }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(next._commandName)
                rest = rest[(position + 1)...]
                continue
            }
            let nearest = closest(to: word, among: names)
            // A group with a default command may be giving that command a value.
            if command.configuration.defaultSubcommand != nil && nearest == nil { break }
            return "Unknown command '\(word)' of '\(path.joined(separator: " "))'"
                + (nearest.map { ". Did you mean '\((path + [$0]).joined(separator: " "))'?" } ?? "")
        }
        if let fallback = command.configuration.defaultSubcommand { command = fallback }
        return unknownOption(in: rest, of: command, root: root)
    }

    /// The first long option among `arguments` that the command does not have, with the nearest it has.
    static func unknownOption(in arguments: ArraySlice<String>, of command: ParsableCommand.Type, root: ParsableCommand.Type) -> String? {
        let known = optionNames(of: command, root: root)
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") {
            let name = String(argument.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            return "Unknown option '\(name)'" + (closest(to: name, among: known).map { ". Did you mean '\($0)'?" } ?? "")
        }
        return nil
    }

    /// The long options the command's help lists (`--db`, `--help`, `--version`...).
    static func optionNames(of command: ParsableCommand.Type, root: ParsableCommand.Type) -> [String] {
        let help = root.helpMessage(for: command, includeHidden: true, columns: 10_000)
        guard let options = help.range(of: "OPTIONS:") else { return [] }
        return help[options.upperBound...].split(separator: "\n").flatMap { line -> [String] in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("-") else { return [] }
            // "-h, --help   Show help information.": the names come before the description.
            let names = trimmed.components(separatedBy: "  ")[0]
            return names.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init).filter { $0.hasPrefix("--") }
        }
    }

    /// The candidate nearest to a mistyped word: at most 2 edits away (1 for words of up to 4
    /// characters), or the only one the word starts; nil when none or several are equally near.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let bare = word.drop { $0 == "-" }
        let limit = bare.count <= 4 ? 1 : 2
        let scored = candidates.map { (candidate: $0, distance: distance(word, $0)) }.filter { $0.distance <= limit }
        if let best = scored.map(\.distance).min() {
            let nearest = scored.filter { $0.distance == best }
            return nearest.count == 1 ? nearest[0].candidate : nil
        }
        let starting = bare.count >= 3 ? candidates.filter { $0.drop { $0 == "-" }.hasPrefix(bare) } : []
        return starting.count == 1 ? starting[0] : nil
    }

    /// Edits (insert, delete, replace, swap two neighbours) from one word to the other.
    static func distance(_ one: String, _ other: String) -> Int {
        let a = Array(one)
        let b = Array(other)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
