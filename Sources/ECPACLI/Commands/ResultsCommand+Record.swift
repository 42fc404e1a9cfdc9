import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

extension Medal: ExpressibleByArgument {}

/// A long text for the decision record: from `--text`, from `--file`, or on a terminal from the
/// person's editor.
struct RecordText: ParsableArguments {
    @Option(help: "The text itself (for short texts and scripts).") var text: String?
    @Option(help: ArgumentHelp("A UTF-8 text file holding the text ('-' for standard input).", valueName: "path")) var file: String?

    func validate() throws {
        if text != nil && file != nil { throw ValidationError("Give the text with '--text' or '--file', not both.") }
    }

    /// The text, checked against the field's limit and characters; `guidance` heads the editor's file.
    func read(_ env: CLIEnvironment, field: FreeText, wanted: String, guidance: String) throws -> String {
        let given: String
        let flag: String
        if let text {
            (given, flag) = (text, "--text")
        } else if let file {
            let data = file == "-" ? env.readStandardInput() : try InputFile.read(file, what: "the text file")
            (given, flag) = (String(decoding: data, as: UTF8.self), file == "-" ? "standard input" : file)
        } else if env.inputIsTerminal, let edited = env.editText("", guidance) {
            (given, flag) = (edited, "the text")
        } else {
            throw CLIError(
                "Give \(wanted) with --text \"...\" or --file FILE (on a terminal with $EDITOR set, leave both out to write it in your editor).",
                status: .usage)
        }
        let normalized = given.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return try Parse.text(normalized, flag: flag, field: field, wanted: wanted)
    }
}

extension ResultsCommand {
    /// `ecpa results rapporteur`: the chair names the juror who writes a medal's reasons.
    struct Rapporteur: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the juror who writes the jury's reasons for a medal (the chair of the jury).",
            discussion: """
                The decision record is written once scoring has closed, until the chair signs it off \
                (`ecpa results sign`), and never after publication. Naming another rapporteur for a medal \
                starts its reasons afresh.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "gold, silver or bronze.") var medal: Medal
        @Option(help: ArgumentHelp("The rapporteur's login role, a voting juror of the edition.", valueName: "role")) var juror: String

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let seat = try JuryRepository(db).requireJuror(edition: edition, roleName: juror)
            try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                try DecisionRecordRepository(db).nameRapporteur(edition: edition.id, medal: medal, juror: seat.id)
            }
            env.print(
                "\(seat.roleName) is the rapporteur for \(medal) in the \(edition.year) edition; they write the jury's reasons with `ecpa results reasons --medal \(medal)`."
            )
        }
    }

    /// `ecpa results reasons`: a medal's rapporteur writes the jury's reasons.
    struct Reasons: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the jury's reasons for a medal (its rapporteur).",
            discussion: """
                At most 4,000 characters; paragraphs are kept. Running it again replaces your text, until \
                the chair signs the record off. The winners' report prints the reasons beside the medal.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "gold, silver or bronze.") var medal: Medal
        @OptionGroup var input: RecordText

        func run(in env: CLIEnvironment) throws {
            let text = try input.read(
                env, field: .medalReasons, wanted: "the jury's reasons",
                guidance: "The jury's reasons for the \(medal) medal, as the winners' report will print them.")
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                try DecisionRecordRepository(db).writeReasons(edition: edition.id, medal: medal, text: text)
            }
            env.print("The jury's reasons for \(medal) in the \(edition.year) edition are written (\(text.unicodeScalars.count.grouped) characters).")
        }
    }

    /// `ecpa results minority`: a juror adds their minority view on a medal.
    struct Minority: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add your minority view on a medal to the decision record (a juror of the edition).",
            discussion: "One view per juror and medal; running it again replaces yours, until the chair signs the record off.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "gold, silver or bronze.") var medal: Medal
        @OptionGroup var input: RecordText

        func run(in env: CLIEnvironment) throws {
            let text = try input.read(
                env, field: .minorityView, wanted: "your minority view",
                guidance: "Your minority view on the \(medal) medal, printed in the winners' report under the jury's reasons.")
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                try DecisionRecordRepository(db).addMinorityView(edition: edition.id, medal: medal, text: text)
            }
            env.print("Your minority view on \(medal) in the \(edition.year) edition is in the decision record.")
        }
    }

    /// `ecpa results record`: the decision record as the current role may read it.
    struct ShowRecord: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Show the jury's decision record: each medal's reasons and minority views, and the sign-off.",
            discussion: "The secretariat and the edition's jurors read it before publication; everyone reads it once the results are published.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        static let columns = ["medal", "part", "juror", "text"]

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let decision = try JuryDecision.load(edition: edition, db: db)
            let rows = decision.medals.flatMap { part in
                (part.rapporteur.map {
                    [
                        Record([
                            ("medal", .text(part.medal.rawValue)), ("part", .text("reasons")), ("juror", .text($0)), ("text", .text(part.reasons)),
                        ])
                    ]
                } ?? [])
                    + part.minority.map {
                        Record([
                            ("medal", .text(part.medal.rawValue)), ("part", .text("minority")), ("juror", .text($0.juror)), ("text", .text($0.text)),
                        ])
                    }
            }
            switch output.format {
            case .table:
                env.print("The \(edition.year) decision record")
                for part in decision.medals {
                    env.print("")
                    env.print(part.medal.rawValue.capitalized)
                    if let rapporteur = part.rapporteur {
                        env.print("  Rapporteur: \(Renderer.visible(rapporteur))")
                        env.print("  Reasons: " + Self.paragraphs(part.reasons ?? "not written yet"))
                    }
                    for view in part.minority {
                        env.print("  Minority view of \(Renderer.visible(view.juror)): " + Self.paragraphs(view.text))
                    }
                }
                env.print("")
                if let signoff = decision.record.signoff {
                    env.print("Signed on \(TimeText.display(signoff.signedAt, in: edition.zone)).")
                }
                env.print(decision.statusSentence)
            case .json:
                env.write(
                    JSONWriter.document(
                        .object([
                            (key: "edition", value: .integer(edition.year)),
                            (key: "signed", value: .bool(decision.record.signoff != nil)),
                            (key: "signed_at", value: .text(decision.record.signoff.map { TimeText.iso($0.signedAt, in: edition.zone) })),
                            (key: "hash", value: .text(decision.record.signoff?.recordHash)),
                            (key: "parts", value: .array(rows.map(\.jsonValue))),
                        ])))
            case .csv:
                env.write(Renderer.list(rows, columns: Self.columns, format: .csv))
            }
        }

        /// A text of several lines as the record shows it: each line made visible, the lines after
        /// the first indented under it.
        static func paragraphs(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { Renderer.visible(String($0)) }
                .joined(separator: "\n           ")
        }
    }

    /// `ecpa results sign`: the chair signs the decision record off.
    struct Sign: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the jury's decision record off, after which nothing in it changes (the chair of the jury).",
            discussion: """
                Needs the jury's reasons for every medal the podium awards. The record's SHA-256 goes into \
                the score ledger, and `ecpa results verify` checks it. A freeze whose ranking has a jury \
                override needs the signed record. On a terminal you are asked to confirm; scripts pass --yes.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Flag(help: "Sign without asking (required when not on a terminal).") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            try Confirmation(
                consequence:
                    "Signing the \(edition.year) decision record puts its SHA-256 into the score ledger; nothing in it can change afterwards.",
                question: "Sign the \(edition.year) decision record?", declined: "The \(edition.year) decision record was not signed."
            ).require(yes: yes, env: env)
            let hash = try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                try DecisionRecordRepository(db).sign(edition: edition.id)
            }
            env.print("The \(edition.year) decision record is signed; its SHA-256 \(hash) is in the score ledger. Nothing in it changes now.")
        }
    }
}
