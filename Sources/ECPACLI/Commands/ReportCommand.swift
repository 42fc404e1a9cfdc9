import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa report`: the winners' report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the winners' report.",
        subcommands: [Winners.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json, csv
    }

    struct Winners: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "The podium, full ranking, method, ties and overrides, robustness, agreement, coverage and digest.",
            discussion: """
                Uses the frozen results when the edition is frozen, and says "provisional" otherwise. \
                Individual jurors' scores are left out unless --include-juror-scores. The same data \
                always gives the same bytes.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "md, html, json or csv.") var format: Format = .md
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Add each juror's total per entry.") var includeJurorScores = false
        @Option(help: "A line printed at the top, such as \"Scores are illustrative\".") var label: String?

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let report = try WinnersReport.load(edition: edition, db: db, includeJurorScores: includeJurorScores, label: label)
            let text: String
            switch format {
            case .md: text = report.markdown
            case .html: text = report.html
            case .json: text = report.json
            case .csv: text = report.csv
            }
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw CLIError("Cannot write \(output): \(error.localizedDescription)", status: .noInput)
                }
                env.info("Wrote the \(edition.year) winners' report to \(output).")
            } else {
                env.write(text)
            }
        }
    }
}
