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
        @Flag(
            help: ArgumentHelp(
                "Print what the edition declared when scoring opened, exactly as stored (`sha256sum` of it gives the declared hash)."))
        var declared = false

        func validate() throws {
            if declared && shipped != nil { throw ValidationError("'--declared' shows an edition's declaration; give it without '--shipped'.") }
        }

        func run(in env: CLIEnvironment) throws {
            let scheme: ScoringScheme
            var declaration: Declaration?
            if let shipped {
                scheme = try SchemeCommand.shippedScheme(shipped)
            } else {
                let db = try connection.connect(env)
                let edition = try selection.resolve(db)
                scheme = try SchemeRepository(db).requireScheme(edition: edition)
                declaration = try SchemeRepository(db).fetchDeclaration(edition: edition.id)
                if declared {
                    guard let declaration else {
                        throw CLIError(
                            "The \(edition.year) edition has not declared its scheme yet: it is declared when scoring opens (`ecpa edition scoring open \(edition.year)`).",
                            status: .notFound)
                    }
                    try showDeclaration(declaration, in: env)
                    return
                }
            }
            if output.format == .table {
                env.print(
                    "Scheme \(scheme.name): method \(scheme.method.rawValue); ties: \(scheme.tieBreaks.map(\.rawValue).joined(separator: ", ")).")
                if let note = scheme.note { env.print(note) }
                if Schema.shippedSchemeText(scheme.name) != nil {
                    env.print("This is a shipped scheme; replace it with your own: ecpa scheme set --edition YEAR --file FILE")
                }
                let analysis = scheme.analysis
                env.print(
                    "Analysis: \(analysis.resamples.grouped) resamples, seed \(analysis.seed), \(analysis.intervalLevel * 100)% rank intervals; a medal is contested when its holder keeps it in under \(analysis.keepChance * 100)% of resamples or a weight change under \(analysis.weightRadius * 100)% would move it."
                )
                env.print("Decision: " + scheme.decision.sentence)
                if let declaration {
                    env.print(
                        "Declared when scoring opened, \(TimeText.display(declaration.declaredAt, in: .gmt)), by \(declaration.declaredBy): sha256 \(declaration.hash)\(declaration.recordedLate ? " (recorded late, when ecpa was upgraded)" : "")."
                    )
                }
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

        /// The text as stored (table), or the text with its hash and stamp (json, csv).
        func showDeclaration(_ declaration: Declaration, in env: CLIEnvironment) throws {
            guard output.format != .table else {
                env.write(declaration.text)
                return
            }
            let record = Record([
                ("hash", .text(declaration.hash)), ("declared_at", .time(declaration.declaredAt, zone: .gmt)),
                ("declared_by", .text(declaration.declaredBy)), ("recorded_late", .bool(declaration.recordedLate)),
                ("text", .text(declaration.text)),
            ])
            env.write(Renderer.list([record], columns: ["hash", "declared_at", "declared_by", "recorded_late", "text"], format: output.format))
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
