import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa entry`: the projects the member states send.
struct EntryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Write, check, submit and manage entries (the Annex I template).",
        discussion: """
            A national representative fills in `ecpa entry template`, checks it with `ecpa entry \
            validate FILE` and sends it with `ecpa entry submit FILE`, while submissions are open.
            """,
        subcommands: [
            Template.self, Validate.self, Submit.self, List.self, Show.self, Read.self, Withdraw.self,
            AcceptLate.self, Eligibility.self,
        ]
    )

    struct Template: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Print the entry template to fill in.")

        @Option(help: "Fill in the edition's year.") var edition: Int?
        @Option(help: "Fill in the country code, such as FI.") var country: String?
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @Flag(help: "Replace the file given with -o if it exists (without it, an existing file is left as it is).") var force = false

        func run(in env: CLIEnvironment) throws {
            let code = try country.map { try Parse.country($0, flag: "--country") }
            let text = EntryTemplate.text(edition: edition, country: code)
            if let output {
                try OutputFile(path: output, force: force).write(text)
                env.info("Wrote the template to \(output). Fill it in, then run `ecpa entry validate \(output)`.")
            } else {
                env.write(text)
            }
        }
    }

    struct Validate: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an entry file and list every problem with its line.",
            discussion: "Exits with 0 when the file can be submitted and 65 when it has problems. Needs no database.")

        @OptionGroup var output: OutputOptions
        @Argument(help: "The entry file.") var file: String

        func run(in env: CLIEnvironment) throws {
            let (form, problems) = try EntryFileReader.read(file)
            if output.format == .table {
                for problem in problems { env.print(EntryFileReader.line(problem, file: file)) }
                if problems.isEmpty {
                    let words = WordCount.count(form.description ?? "")
                    env.print("\(file): no problems; the description has \(words) of 600 words.")
                } else {
                    env.print("\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
                }
            } else {
                env.write(Renderer.list(problems.map(EntryFileReader.record), columns: ["line", "field", "code", "message"], format: output.format))
            }
            if !problems.isEmpty { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }
    }

    struct Submit: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or update your country's entry from a file and submit it.",
            discussion: """
                A competing entry updates your country's draft if there is one; an entry that is \
                already submitted is changed only when you name it with --entry. Everything \
                happens in one transaction: on any problem nothing is written. On a terminal \
                without a file, ecpa asks for each field of the template in turn (long answers \
                open $EDITOR), checks each answer as you give it and saves it at once to a \
                file (entry-CC-YEAR.toml, or --save-as), then offers to submit; after Ctrl-C, \
                --resume FILE goes on where you stopped. A submission prints a receipt with the \
                SHA-256 of the text received, which `ecpa entry show` prints too.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The entry file (leave it out on a terminal to be asked field by field).") var file: String?
        @Option(help: "The edition's year, when the file does not say.") var edition: Int?
        @Option(help: "Update this entry (by id) instead of your country's draft.") var entry: Int64?
        @Flag(help: "Save as a draft without submitting.") var draft = false
        @Option(name: .customLong("save-as"), help: "Without a file: where to save your answers (default: entry-CC-YEAR.toml here).")
        var saveAs: String?
        @Option(help: ArgumentHelp("Go on answering on a terminal where you stopped, from the answers saved in this file.", valueName: "file"))
        var resume: String?

        func validate() throws {
            if file != nil && saveAs != nil {
                throw ValidationError("'--save-as' is for answering on a terminal without a file.")
            }
            if file != nil && resume != nil {
                throw ValidationError("Give the file or '--resume FILE', not both: `ecpa entry submit FILE` sends a finished file as it is.")
            }
            if resume != nil && saveAs != nil {
                throw ValidationError("'--resume FILE' saves your answers in that file; leave '--save-as' out.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            if let file {
                try submit(file, env: env)
                return
            }
            guard env.inputIsTerminal else {
                throw CLIError(
                    "Give the entry file: `ecpa entry submit FILE` (on a terminal, leave it out to be asked field by field).", status: .usage)
            }
            if let resume, !FileManager.default.fileExists(atPath: resume) {
                throw CLIError(
                    "There is no file \(resume) to go on from. Check the name the walkthrough printed, or leave --resume out to start afresh.",
                    status: .noInput)
            }
            defer { env.noteOnInterrupt(nil) }
            let saved = try EntryWalkthrough(env: env, connection: connection, edition: edition, entry: entry, saveAs: saveAs, resume: resume).run()
            env.writeError("Submit this entry now\(draft ? " as a draft" : "")? [y/N] ")
            guard let answer = env.readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                env.print("Not submitted. When you are ready: ecpa entry submit \(saved)")
                return
            }
            // From here on the entry may be sent: the note's "nothing was submitted" could be wrong.
            env.noteOnInterrupt(nil)
            try submit(saved, env: env)
        }

        func submit(_ file: String, env: CLIEnvironment) throws {
            var (form, problems) = try EntryFileReader.read(file, requireComplete: !draft, edition: edition)
            if let edition, let inFile = form.edition, edition != inFile {
                problems.append(EntryProblem(field: "edition", line: nil, message: "the file says \(inFile) but --edition says \(edition)."))
            }
            guard problems.isEmpty else {
                for problem in problems { env.writeError(EntryFileReader.line(problem, file: file) + "\n") }
                throw CLIError("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was submitted.", status: .invalidInput)
            }
            guard let year = form.edition ?? edition else {
                throw CLIError("Say which edition this entry is for: add `edition = YEAR` to the file or give --edition.", status: .usage)
            }
            form.edition = year
            let state: EntryState = draft ? .draft : .submitted
            let db = try connection.connect(env)
            let (saved, zone, created) = try db.transaction(retry: .concurrentChange) { db in
                let editionRecord = try EditionRepository(db).requireEdition(year: year)
                let entries = EntryRepository(db)
                let existing: Entry?
                if let entry {
                    let named = try entries.requireEntry(id: EntryID(entry))
                    var differences: [String] = []
                    if named.editionYear != year { differences.append("edition \(named.editionYear), the file \(year)") }
                    if named.country != form.country {
                        differences.append("country \(named.country.rawValue), the file \(form.country?.rawValue ?? "none")")
                    }
                    if named.kind != form.kind { differences.append("kind \(named.kind.rawValue), the file \(form.kind?.rawValue ?? "none")") }
                    guard differences.isEmpty else {
                        throw CLIError(
                            "Entry \(entry) does not match \(file): entry \(entry) has \(differences.joined(separator: "; ")). Nothing was changed.",
                            status: .invalidInput)
                    }
                    existing = named
                } else if form.kind == .competing, let country = form.country {
                    existing = try entries.fetchActiveCompetingEntry(edition: editionRecord.id, country: country)
                        .flatMap { $0.state == .draft ? $0 : nil }
                } else if let country = form.country, let title = form.title,
                    let same = try entries.fetchActiveAdditionalEntry(edition: editionRecord.id, country: country, title: title)
                {
                    // Sending the same additional project twice would publish it twice.
                    guard same.state == .draft else {
                        throw CLIError(
                            "\(Country.named(country)?.name ?? country.rawValue) already sent an additional entry with this title: entry \(same.id) (\(same.state.rawValue)). Change it with `ecpa entry submit \(file) --entry \(same.id)`.",
                            status: .conflict)
                    }
                    existing = same
                } else {
                    existing = nil
                }
                let saved: Entry
                if let existing {
                    saved = try entries.updateEntry(id: existing.id, form: form, state: state)
                } else {
                    saved = try entries.insertEntry(form, edition: editionRecord.id, state: state)
                }
                return (saved, TimeText.zone(editionRecord.timeZone), existing == nil)
            }
            if output.format == .table {
                let country = Country.named(saved.country)?.name ?? saved.country.rawValue
                let verb = draft ? "Saved draft" : "Submitted"
                let when = (created ? saved.submittedAt : saved.updatedAt).map { " at \(TimeText.display($0, in: zone))" } ?? ""
                env.print(
                    "\(verb) entry \(saved.id) \"\(saved.form.title ?? "")\" for \(country) (\(saved.kind.rawValue)) in the \(saved.editionYear) edition\(draft ? "" : when)\(created ? "" : ", replacing the earlier text")."
                )
                if !draft {
                    env.print(EntryReceipt(entry: saved, at: (created ? saved.submittedAt : saved.updatedAt) ?? saved.updatedAt, zone: zone).text)
                }
            } else {
                var record = Records.entry(saved, zone: zone)
                record.fields.append((key: "sha256", value: .text(saved.form.receiptDigest)))
                env.write(Renderer.single(record, format: output.format))
            }
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the entries you may see.",
            discussion: "National representatives see their own country's entries; the secretariat sees all.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The edition's year (default: the newest edition).") var edition: Int?
        @Option(help: "Only this country's entries.") var country: String?
        @Option(help: "Only entries in this state: draft, submitted, eligible, ineligible or withdrawn.") var state: EntryState?

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let editions = EditionRepository(db)
            let chosen: Edition
            if let edition {
                chosen = try editions.requireEdition(year: edition)
            } else {
                guard let newest = try editions.fetchEditions().first else {
                    throw CLIError("There are no editions yet. The secretariat creates one with `ecpa edition create`.", status: .notFound)
                }
                chosen = newest
            }
            let code = try country.map { try Parse.country($0, flag: "--country") }
            let entries = try EntryRepository(db).fetchEntries(edition: chosen.id, country: code, state: state, answers: false)
            let zone = TimeText.zone(chosen.timeZone)
            env.write(Renderer.list(entries.map { Records.entry($0, zone: zone) }, columns: Records.entryColumns, format: output.format))
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one entry in full.",
            discussion: "To read an entry wrapped to your terminal's width, a screen at a time, use `ecpa entry read ID`.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The entry's id.") var id: Int64

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let entry = try EntryRepository(db).requireEntry(id: EntryID(id))
            let zone = TimeText.zone(try EditionRepository(db).fetchEdition(id: entry.editionID)?.timeZone ?? Edition.defaultTimeZone)
            env.write(Renderer.single(Records.entryDetail(entry, zone: zone), format: output.format))
        }
    }

    struct Withdraw: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw an entry.",
            discussion: "A national representative may withdraw while submissions are open; the secretariat until publication.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The entry's id.") var id: Int64

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let entry = try db.transaction(retry: .concurrentChange) { try EntryRepository($0).updateState(id: EntryID(id), to: .withdrawn) }
            try EntryCommand.report(entry, db: db, env: env, format: output.format) { "Withdrew entry \($0.id) \"\($0.form.title ?? "")\"." }
        }
    }

    struct AcceptLate: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept-late",
            abstract: "Let a country submit after the deadline, until a given time, with a reason (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The edition's year.") var edition: Int
        @Option(help: "The country code, such as FI.") var country: String
        @Option(help: "Until when the country may submit (in the edition's time zone unless an offset is given).") var until: String
        @Option(help: "Why the late entry is accepted; recorded in the audit log.") var reason: String

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("'--reason' cannot be empty: a late acceptance must say why.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            let code = try Parse.country(country, flag: "--country")
            _ = try Parse.text(reason, flag: "--reason", field: .reason, wanted: "the reason the late entry is accepted")
            let db = try connection.connect(env)
            let (zone, instant) = try db.transaction(retry: .concurrentChange) { db in
                let chosen = try EditionRepository(db).requireEdition(year: edition)
                let zone = TimeText.zone(chosen.timeZone)
                let instant = try Parse.time(until, flag: "--until", zone: zone)
                do {
                    try EntryRepository(db).insertLateAcceptance(edition: chosen.id, country: code, until: instant, reason: reason)
                } catch StoreError.invalidData where instant <= env.now() {
                    // PostgreSQL's rule (late_acceptances_until_after_recording), said with the flag.
                    throw CLIError(
                        "--until \"\(until)\" has already passed; a late acceptance runs until a time in the future (read in \(zone.identifier) unless an offset is given).",
                        status: .invalidInput)
                }
                return (zone, instant)
            }
            let name = Country.named(code)?.name ?? code.rawValue
            guard output.format == .table else {
                env.write(
                    Renderer.single(
                        Record([
                            ("edition", .integer(Int64(edition))), ("country", .text(code.rawValue)),
                            ("until", .time(instant, zone: zone)), ("reason", .text(reason)),
                        ]), format: output.format))
                return
            }
            env.print("\(name) may submit to the \(edition) edition until \(TimeText.display(instant, in: zone)).")
        }
    }

    struct Eligibility: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record whether a submitted entry is eligible (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The entry's id.") var id: Int64
        @Flag(help: "The entry meets the rules.") var eligible = false
        @Flag(help: "The entry does not meet the rules (give --reason).") var ineligible = false
        @Option(help: "Why the entry is ineligible.") var reason: String?

        func validate() throws {
            guard eligible != ineligible else {
                throw ValidationError("Give exactly one of '--eligible' or '--ineligible'.")
            }
            if ineligible && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("'--ineligible' needs '--reason'.")
            }
            if eligible && reason != nil {
                throw ValidationError("'--reason' goes with '--ineligible' only.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            _ = try reason.map { try Parse.text($0, flag: "--reason", field: .reason, wanted: "why the entry is ineligible") }
            let db = try connection.connect(env)
            let entry = try db.transaction(retry: .concurrentChange) {
                try EntryRepository($0).updateState(id: EntryID(id), to: eligible ? .eligible : .ineligible, reason: reason)
            }
            try EntryCommand.report(entry, db: db, env: env, format: output.format) {
                "Entry \($0.id) \"\($0.form.title ?? "")\" is \($0.state.rawValue)."
            }
        }
    }
}

extension EntryCommand {
    /// A sentence on a table format, the entry as data otherwise.
    static func report(_ entry: Entry, db: Connection, env: CLIEnvironment, format: OutputFormat, sentence: (Entry) -> String) throws {
        guard format != .table else {
            env.print(sentence(entry))
            return
        }
        let zone = TimeText.zone(try EditionRepository(db).fetchEdition(id: entry.editionID)?.timeZone ?? Edition.defaultTimeZone)
        env.write(Renderer.single(Records.entry(entry, zone: zone), format: format))
    }
}

extension EntryState: ExpressibleByArgument {}

/// Reads an entry file and collects every problem.
enum EntryFileReader {
    /// `edition` is the year the command gives, for a file that names none.
    static func read(_ path: String, requireComplete: Bool = true, edition: Int? = nil) throws -> (EntryForm, [EntryProblem]) {
        let data = try InputFile.read(path, what: "the entry file")
        guard let text = String(data: data, encoding: .utf8) else {
            let line = EntryFileReader.firstLineNotUTF8(data).map { " (line \($0) has bytes that are not UTF-8)" } ?? ""
            throw CLIError(
                "\(path) is not saved as UTF-8 text\(line), so its accented letters would be garbled. Save it again as UTF-8 (in Notepad: Save As, Encoding UTF-8) and check it again.",
                status: .invalidInput)
        }
        let file = EntryFile(parsing: text)
        // A draft may leave answers out, but must still keep to the limits and be readable.
        let all = file.problems(edition: edition)
        let problems = requireComplete ? all : all.filter { $0.kind != .required }
        return (file.form, problems)
    }

    /// The first line (from 1) whose bytes are not UTF-8, if any.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
    }

    /// `FILE:LINE: field: message`, the shape editors and compilers use.
    static func line(_ problem: EntryProblem, file: String) -> String {
        var text = file
        if let line = problem.line { text += ":\(line)" }
        text += ": "
        if let field = problem.field { text += "\(field): " }
        return text + problem.message
    }

    static func record(_ problem: EntryProblem) -> Record {
        Record([
            ("line", .integer(problem.line.map(Int64.init))),
            ("field", .text(problem.field)),
            ("code", .text(problem.code)),
            ("message", .text(problem.message)),
        ])
    }
}
