import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

extension ScoreCommand {
    /// `ecpa score import`: a filled-in score sheet read back, all rows or none.
    struct Import: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read a filled-in score sheet back: every row is checked, then all are written or none.",
            discussion: """
                FILE is a sheet from `ecpa score sheet` saved as CSV UTF-8, with or without a byte \
                order mark, with commas or semicolons (found from the header line) and decimal points \
                or commas; its columns may be in any order. A row with an empty value leaves that \
                cell as it is. Every problem is listed with its line (the file's physical line; \
                the header is line 1) and nothing is written until there are none; then the new \
                and changed cells are written together as one batch of the score ledger, and \
                unchanged ones are left alone. Exits with 65 when the file has problems.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Argument(help: "The score sheet (CSV).") var file: String
        @Option(help: "The juror whose sheet it is (default: you; the secretariat names one).") var juror: String?
        @Flag(help: "Also say how long reading, checking and writing took (on standard error).") var timings = false
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let scheme = try SchemeRepository(db).requireScheme(edition: edition)
            let seat = try JurorResolver.resolveOwn(juror, edition: edition, db: db, doing: "import the scores of")
            guard seat.voting else {
                throw CLIError(
                    "\(seat.roleName) is an advisory member of the \(edition.year) jury and does not score; nothing was imported.",
                    status: .permissionDenied)
            }
            guard edition.phase == .scoring, edition.scoringOpen else {
                let when = [.frozen, .published].contains(edition.phase) ? "is over: the scores are frozen" : "is not open"
                throw CLIError("Scoring for the \(edition.year) edition \(when); nothing was imported.", status: .refused)
            }
            let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0
            let progress = ImportProgress(env: env, name: (file as NSString).lastPathComponent, size: size, timings: timings)
            let outcome: ScoreImportOutcome
            do {
                defer { progress.finish() }
                outcome = try ScoreSheetRepository(db).importSheet(
                    path: file, edition: edition, juror: seat, criteria: scheme.criteria,
                    progress: { progress.read($0, of: $1) }, phase: { progress.begin($0) })
            } catch let error as ScoreImportError {
                if case .unreadable = error { throw CLIError(error.description, status: .noInput) }
                throw CLIError("\(file): \(error.description) Nothing was imported.", status: .invalidInput)
            }
            switch outcome {
            case .refused(let problems):
                if output.format == .table {
                    for problem in problems { env.writeError(Self.line(problem, file: file) + "\n") }
                } else {
                    env.write(Renderer.list(problems.map(Self.record), columns: ["line", "column", "code", "message"], format: output.format))
                }
                throw CLIError(
                    "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was imported.",
                    status: .invalidInput, code: "sheet.problems")
            case .imported(let summary):
                if output.format == .table {
                    env.print(Self.sentence(summary, file: file, juror: seat.roleName, year: edition.year))
                } else {
                    env.write(Renderer.single(Self.record(summary, juror: seat.roleName, year: edition.year), format: output.format))
                }
            }
        }

        /// E.g. "sheet.csv:12: value: 11 is not on the scale of Innovation: ...".
        static func line(_ problem: ScoreSheetProblem, file: String) -> String {
            var text = file
            if let line = problem.line { text += ":\(line)" }
            text += ": "
            if let column = problem.column { text += "\(column.rawValue): " }
            return text + problem.message
        }

        static func record(_ problem: ScoreSheetProblem) -> Record {
            Record([
                ("line", .integer(problem.line.map(Int64.init))),
                ("column", .text(problem.column?.rawValue)),
                ("code", .text(problem.code)),
                ("message", .text(problem.message)),
            ])
        }

        static func sentence(_ summary: ScoreImportSummary, file: String, juror: String, year: Int) -> String {
            func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
            let what = [
                count(summary.added, "new score", "new scores"), "\(summary.changed) changed",
                "\(summary.unchanged) unchanged", "\(summary.empty) left empty",
            ].joined(separator: ", ")
            let batch = summary.batch.map { " Written as ledger batch \($0)." } ?? " Nothing changed."
            return "Imported \(file) for \(juror) (\(year) edition): \(count(summary.rows, "row", "rows")); \(what).\(batch)"
        }

        static func record(_ summary: ScoreImportSummary, juror: String, year: Int) -> Record {
            Record([
                ("edition", .integer(Int64(year))),
                ("juror", .text(juror)),
                ("rows", .integer(Int64(summary.rows))),
                ("added", .integer(Int64(summary.added))),
                ("changed", .integer(Int64(summary.changed))),
                ("unchanged", .integer(Int64(summary.unchanged))),
                ("empty", .integer(Int64(summary.empty))),
                ("batch", .integer(summary.batch)),
            ])
        }
    }
}
