import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa scheme`: each edition's scoring scheme.
struct SchemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheme",
        abstract: "Show and set an edition's scoring scheme (criteria, weights, scale, tie-breaks).",
        discussion: """
            The shipped scheme `ecpa-default` is an assumption: the official evaluation form's \
            scale and weights are not public. The scheme is fixed once scoring opens.
            """,
        subcommands: [Show.self, Set.self]
    )

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Show an edition's scheme, or a shipped one.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Option(help: "Show a shipped scheme instead, such as ecpa-default.") var shipped: String?

        func run(in env: CLIEnvironment) throws {
            let scheme: ScoringScheme
            if let shipped {
                scheme = try SchemeCommand.shippedScheme(shipped)
            } else {
                let db = try connection.connect(env)
                scheme = try SchemeRepository(db).requireScheme(edition: try selection.resolve(db))
            }
            if output.format == .table {
                env.print(
                    "Scheme \(scheme.name): method \(scheme.method.rawValue); ties: \(scheme.tieBreaks.map(\.rawValue).joined(separator: ", ")).")
                if let note = scheme.note { env.print(note) }
                env.print()
            }
            let records = scheme.criteria.map { criterion in
                Record([
                    ("code", .text(criterion.code)),
                    ("name", .text(criterion.name)),
                    ("weight", .decimal(criterion.weight)),
                    ("min", .decimal(criterion.min)),
                    ("max", .decimal(criterion.max)),
                    ("step", .decimal(criterion.step)),
                ])
            }
            env.write(Renderer.list(records, columns: ["code", "name", "weight", "min", "max", "step"], format: output.format))
        }
    }

    struct Set: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an edition's scheme from a file or a shipped scheme (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "A scheme file (TOML, like config/schemes/ecpa-default.toml).") var file: String?
        @Option(help: "A shipped scheme by name.") var shipped: String?

        func validate() throws {
            if file != nil && shipped != nil {
                throw ValidationError("Give '--file' or '--shipped', not both.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            let text: String
            let source: String
            if let file {
                let data = try InputFile.read(file, what: "the scheme file")
                text = String(decoding: data, as: UTF8.self)
                source = file
            } else {
                let name = shipped ?? "ecpa-default"
                guard let shippedText = Schema.shippedSchemeText(name) else {
                    throw SchemeCommand.unknownShipped(name)
                }
                text = shippedText
                source = name
            }
            let (parsed, problems) = ScoringScheme.parse(text)
            guard let scheme = parsed, problems.isEmpty else {
                for problem in problems {
                    env.writeError("\(source)\(problem.line.map { ":\($0)" } ?? ""): \(problem.field.map { "\($0): " } ?? "")\(problem.message)\n")
                }
                throw CLIError(
                    "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(source); the scheme was not set.", status: .invalidInput)
            }
            let db = try connection.connect(env)
            let edition = try db.transaction(retry: .concurrentChange) { db in
                let edition = try selection.resolve(db)
                try SchemeRepository(db).setScheme(scheme, edition: edition.id, sourceText: text)
                return edition
            }
            env.print(
                "The \(edition.year) edition is scored with \(scheme.name): \(scheme.criteria.count) \(scheme.criteria.count == 1 ? "criterion" : "criteria"), \(scheme.method.rawValue)."
            )
        }
    }

    static func shippedScheme(_ name: String) throws -> ScoringScheme {
        guard let text = Schema.shippedSchemeText(name), let scheme = ScoringScheme.parse(text).scheme else {
            throw unknownShipped(name)
        }
        return scheme
    }

    static func unknownShipped(_ name: String) -> CLIError {
        CLIError(
            "There is no shipped scheme \"\(name)\"; the shipped ones are: \(Schema.shippedSchemeNames.joined(separator: ", ")).", status: .notFound)
    }
}
