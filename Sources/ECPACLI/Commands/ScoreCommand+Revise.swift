import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

extension ScoreCommand {
    /// `ecpa score revise`: a juror revises round-1 scores in the deliberation, with a reason.
    struct Revise: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revise your scores of an entry under discussion in the deliberation, with your reason.",
            discussion: """
                Round 1 (the scores as scoring closed) is kept; each revision is recorded beside it with \
                its reason, and the report shows what changed. All values are written together, or none.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "The entry's id.") var entry: Int64
        @Option(name: .customLong("criterion"), help: ArgumentHelp("A new value, as CODE=VALUE (repeatable).", valueName: "code=value"))
        var values: [String] = []
        @Option(help: "Why you revise it (required; at most 500 characters, one line).") var reason: String
        @Option(help: "Revise for this juror (secretariat, on their behalf).") var juror: String?

        func run(in env: CLIEnvironment) throws {
            let reason = try Parse.text(self.reason, flag: "--reason", field: .revisionReason, wanted: "why you revise the score")
            guard !values.isEmpty else {
                throw CLIError("Give the new values with --criterion CODE=VALUE, one per criterion you revise.", status: .usage)
            }
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let scheme = try SchemeRepository(db).requireScheme(edition: edition)
            let given = try Enter.parseValues(values, scheme: scheme)
            let seat = try JurorResolver.resolve(juror, edition: edition, db: db)
            try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                for value in given {
                    try DeliberationRepository(db).revise(
                        entry: EntryID(entry), criterion: value.code, value: value.value, reason: reason, juror: juror == nil ? nil : seat.id)
                }
            }
            let list = given.map { "\($0.code) \(Values.text($0.value))" }.joined(separator: ", ")
            env.print("Revised \(seat.roleName)'s scores of entry \(entry): \(list). Round 1 is kept beside them.")
        }
    }

    /// `ecpa score revisions`: the deliberation's revisions one may read.
    struct Revisions: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the deliberation's revisions: a juror sees their own, the secretariat all.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        static let columns = ["entry", "juror", "criterion", "round_1", "from", "to", "reason"]

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let revisions = try DeliberationRepository(db).revisions(edition: edition.id)
            let seats = Dictionary(
                uniqueKeysWithValues: try JuryRepository(db).fetchJurors(edition: edition.id).map { ($0.id, $0.roleName) })
            let roundOne = revisions.roundOneValues
            let records = revisions.map { revision in
                Record([
                    ("entry", .integer(revision.entry.rawValue)), ("juror", .text(seats[revision.juror] ?? revision.juror.description)),
                    ("criterion", .text(revision.criterion)), ("round_1", .decimal(roundOne[revision.cell])),
                    ("from", .decimal(revision.oldValue)), ("to", .decimal(revision.newValue)), ("reason", .text(revision.reason)),
                ])
            }
            env.write(Renderer.list(records, columns: Self.columns, format: output.format))
        }
    }
}
