import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa results`: ranking, its explanation, jury overrides and verification.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Rank the entries, explain the ranking, set jury overrides, keep the jury's decision record and verify frozen results.",
        discussion: "Ranking and its rules: docs/scoring.md.",
        subcommands: [
            Rank.self, Explain.self, Override.self, Rapporteur.self, Reasons.self, Minority.self, ShowRecord.self, Sign.self, Verify.self,
            History.self,
        ]
    )

    struct Rank: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the eligible competing entries and award the medals (secretariat).",
            discussion: "Refuses while any required score is missing, listing each missing cell, unless --provisional.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Option(help: "weighted-mean, normalized, median or borda (default: the edition's scheme).") var method: RankingMethod?
        @Flag(help: "Rank on the scores that are in, even if some are missing.") var provisional = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let results = try Results.compute(edition: edition, db: db, method: method, provisional: provisional)
            env.write(results.render(format: output.format))
        }
    }

    struct Explain: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how sure the podium is: contested places, every method, resampled chances, severity, weights.",
            discussion: """
                Everything follows the settings the edition declared when scoring opened (the scheme's \
                [analysis] section), so the same scores always give the same figures. docs/scoring.md \
                explains each figure with a worked example.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Option(help: "With --format csv: one row per voting juror (jurors) or per ranked entry (entries).")
        var rows: Explanation.Rows = .jurors

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            env.write(try Explanation.load(edition: edition, db: db).render(format: output.format, rows: rows))
        }
    }

    struct Override: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a place by jury decision, with its reason, before the freeze (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "The entry's id.") var entry: Int64
        @Option(help: "The place the jury decided.") var place: Int?
        @Option(help: "Why the jury decided so; printed in the report.") var reason: String?
        @Flag(help: "Remove the entry's override instead.") var clear = false

        func validate() throws {
            if clear {
                if place != nil || reason != nil { throw ValidationError("'--clear' goes without '--place' and '--reason'.") }
            } else {
                guard let place, place >= 1 else { throw ValidationError("Give '--place' (1 or more), or '--clear'.") }
                guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ValidationError("An override needs '--reason': the report prints it.")
                }
            }
        }

        func run(in env: CLIEnvironment) throws {
            _ = try reason.map { try Parse.text($0, flag: "--reason", field: .reason, wanted: "the jury's reason") }
            let db = try connection.connect(env)
            try db.transaction(retry: .concurrentChange) { db in
                let edition = try selection.resolve(db)
                let repository = ResultsRepository(db)
                if clear {
                    guard try repository.clearOverride(entry: EntryID(entry), edition: edition.id) else {
                        throw CLIError("Entry \(entry) has no override.", status: .notFound)
                    }
                } else if let place, let reason {
                    try repository.setOverride(JuryOverride(entry: EntryID(entry), place: place, reason: reason), edition: edition.id)
                    // The ranking engine checks the override against the others before it is kept.
                    let overrides = try repository.fetchOverrides(edition: edition.id)
                    let scores = try EditionScores.load(edition: edition, db: db)
                    do {
                        _ = try rank(scores.matrix, options: RankingOptions(scheme: scores.scheme, provisional: true, overrides: overrides))
                    } catch let error as RankingError {
                        throw CLIError("\(error) Nothing was changed.", status: .invalidInput)
                    }
                }
            }
            env.print(clear ? "Removed the override of entry \(entry)." : "Entry \(entry) is placed \(place ?? 0) by jury decision.")
        }
    }

    struct Verify: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the ledger chain, the digest and the ranking of a frozen edition and name any difference.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("The digest printed when the results were published; the stored one must equal it.", valueName: "hex"))
        var digest: String?

        func validate() throws {
            if let digest, digest.count != 64 || !digest.allSatisfy(\.isHexDigit) {
                throw ValidationError("'--digest' takes the 64 hexadecimal digits of a SHA-256 digest, as the report prints it.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let report = try Verification.run(edition: edition, db: db, publishedDigest: digest)
            if output.format == .table {
                for line in report.lines { env.print(line) }
            } else {
                env.write(
                    Renderer.list(
                        report.checks.map { check in
                            Record([
                                ("code", .text(check.code)), ("passed", .bool(check.passed)), ("sentence", .text(check.sentence)),
                                ("details", .text(check.details.isEmpty ? nil : check.details.joined(separator: "\n"))),
                            ])
                        }, columns: ["code", "passed", "sentence", "details"], format: output.format))
            }
            if !report.ok {
                throw CLIError(
                    "The \(edition.year) results do not verify: \(report.problems) problem\(report.problems == 1 ? "" : "s") above.", status: .failure
                )
            }
        }
    }
}

extension RankingMethod: ExpressibleByArgument {}
extension Explanation.Rows: ExpressibleByArgument {}
