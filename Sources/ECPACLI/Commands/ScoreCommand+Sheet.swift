import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

extension ScoreCommand {
    /// `ecpa score sheet`: a juror's scores as a spreadsheet to fill in and import.
    struct Sheet: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a juror's score sheet as CSV: one row per entry and criterion.",
            discussion: """
                The rows are the eligible competing entries the juror scores (not those they are in \
                conflict with or abstained on), each with every criterion, by entry id then criterion, \
                with the current values and comments filled in. Fill in the value column (and comment, \
                if you like) in a spreadsheet and read it back with `ecpa score import`. Written to a \
                file, the sheet starts with a UTF-8 byte order mark so Excel opens it as UTF-8; on \
                standard output it has none. --delimiter semicolon writes decimal commas (7,5), as \
                spreadsheets in most European locales expect.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "The juror's login name (default: you; the secretariat names one).") var juror: String?
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Replace the file given with -o if it exists (without it, an existing file is left as it is).") var force = false
        @Option(help: "The field separator: comma, or semicolon for European spreadsheets.")
        var delimiter: ScoreSheetDelimiter = .comma

        func run(in env: CLIEnvironment) throws {
            try output.map { try OutputFile(path: $0, force: force).refuseIfExists() }
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            _ = try SchemeRepository(db).requireScheme(edition: edition)
            let seat = try JurorResolver.resolveOwn(juror, edition: edition, db: db, doing: "read the score sheet of")
            let writer = ScoreSheetWriter(delimiter: delimiter, edition: edition.year, juror: seat.roleName)
            var sink = try TextSink(path: output, force: force, env: env)
            var rows = 0
            var entries = Set<EntryID>()
            do {
                try sink.write((output == nil ? "" : ScoreSheetWriter.byteOrderMark) + writer.header)
                try ScoreSheetRepository(db).forEachSheetRow(edition: edition, juror: seat) { batch in
                    rows += batch.count
                    batch.forEach { entries.insert($0.entry) }
                    try sink.write(batch.map(writer.line).joined())
                }
                try sink.close()
            } catch {
                sink.discard()
                throw error
            }
            if let output {
                env.info("Wrote the \(edition.year) score sheet of \(seat.roleName) to \(output): \(rows) rows, \(entries.count) entries.")
            }
        }
    }
}
