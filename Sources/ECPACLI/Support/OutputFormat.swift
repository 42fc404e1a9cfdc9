import ArgumentParser

/// How a command prints its data.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// The `--format` option shared by every command that prints data.
struct OutputOptions: ParsableArguments {
    @Option(help: "How to print the result.")
    var format: OutputFormat = .table
}
