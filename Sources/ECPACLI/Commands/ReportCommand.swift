import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa report`: the winners' report, the booklet of entries and the feedback letters.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the winners' report, the booklet or the feedback letters.",
        subcommands: [Winners.self, Booklet.self, Feedback.self]
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
        @Flag(help: "Replace the file given with -o if it exists (without it, an existing file is left as it is).") var force = false
        @Flag(help: "Add each juror's total per entry.") var includeJurorScores = false
        @Option(help: "A line printed at the top, such as \"Scores are illustrative\".") var label: String?

        func run(in env: CLIEnvironment) throws {
            try output.map { try OutputFile(path: $0, force: force).refuseIfExists() }
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
            try ReportCommand.deliver(text, to: output, force: force, env: env, what: "the \(edition.year) winners' report")
        }
    }

    /// Writes a report's text to a file (whole, and over an existing one only with --force, saying
    /// where) or to standard output.
    static func deliver(_ text: String, to output: String?, force: Bool, env: CLIEnvironment, what: String) throws {
        guard let output else { return env.write(text) }
        try OutputFile(path: output, force: force).write(text)
        env.info("Wrote \(what) to \(output).")
    }

    enum BookletFormat: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    struct Booklet: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every entry's Annex I answers with a table of contents: the jury's reading packet or the public overview.",
            discussion: """
                Two forms. The reading packet (--packet) holds the eligible competing entries in entry \
                order, without scores or ranking; the edition's jurors and the secretariat can write it \
                once submissions have closed. The public overview (--public) holds every eligible \
                competing and additional entry, without contact persons' names, e-mail addresses or \
                telephone numbers; anyone with a login can write it once the results are published. \
                Without either flag: the public overview once published, else the packet. The same data \
                always gives the same bytes.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "md or html.") var format: BookletFormat = .md
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Replace the file given with -o if it exists (without it, an existing file is left as it is).") var force = false
        @Flag(help: "The jury's reading packet (jurors of the edition and the secretariat, once submissions have closed).")
        var packet = false
        @Flag(name: .customLong("public"), help: "The public overview (everyone, once the results are published).")
        var overview = false

        func validate() throws {
            if packet && overview {
                throw ValidationError("'--packet' and '--public' cannot be used together: the booklet is one or the other.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            try output.map { try OutputFile(path: $0, force: force).refuseIfExists() }
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let asked: ECPAUseCases.Booklet.Form? = packet ? .packet : overview ? .overview : nil
            let booklet = try ECPAUseCases.Booklet.load(edition: edition, db: db, form: asked)
            let text: String
            switch format {
            case .md: text = booklet.markdown
            case .html: text = booklet.html
            }
            let what = booklet.form == .packet ? "the \(edition.year) reading packet" : "the \(edition.year) public overview"
            try ReportCommand.deliver(text, to: output, force: force, env: env, what: what)
        }
    }

    /// The formats of a letter: documents for people, not data.
    enum LetterFormat: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    struct Feedback: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a feedback letter for each competing entry of a published edition, one file per entry.",
            discussion: """
                Each letter gives the entry's place (a band of three places below the podium), its \
                mean per criterion beside the edition's, the jurors' comments without their names, and \
                the jury's reasons where it won a medal. The secretariat writes every letter; a national \
                representative writes the letters of their own country's entries, and PostgreSQL \
                refuses anyone else. Files are named by year, entry and country, such as \
                2018-entry-1-FI.html.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "Only this entry's letter.") var entry: Int64?
        @Option(name: .shortAndLong, help: "The folder to write the letters into (created if missing).") var output: String
        @Flag(help: "Replace letters already in the folder (without it, nothing is written when one exists).") var force = false
        @Option(help: "md or html.") var format: LetterFormat = .html

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let letters = try FeedbackLetter.load(edition: edition, entry: entry.map(EntryID.init), db: db)
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError("Cannot create the folder \(output): \(error.localizedDescription)", status: .noInput)
            }
            // Every letter's name is checked before any is written: an existing letter stops the command
            // before it writes anything.
            let files = letters.map { OutputFile(path: folder.appendingPathComponent("\($0.fileStem).\(format.rawValue)").path, force: force) }
            try files.forEach { try $0.refuseIfExists() }
            for (letter, file) in zip(letters, files) {
                try file.write(format == .md ? letter.markdown : letter.html)
                env.info("Wrote the \(edition.year) feedback letter of entry \(letter.entry.id) (\(letter.entry.country)) to \(file.path).")
            }
        }
    }
}
