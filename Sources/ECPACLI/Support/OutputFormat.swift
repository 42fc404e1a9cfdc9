import ArgumentParser

/// How a command prints its data.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// The `--format` option shared by every command that prints data.
struct OutputOptions: ParsableArguments {
    @Option(help: "How to print the result.")
    var format: OutputFormat = .table

    @Flag(help: "Show every table cell whole, however long.")
    var wide = false

    /// The output options of a parsed command, when it has them.
    static func of(_ command: ParsableCommand) -> OutputOptions? {
        Mirror(reflecting: command).children.lazy.compactMap { ($0.value as? OptionGroup<OutputOptions>)?.wrappedValue }.first
    }
}
