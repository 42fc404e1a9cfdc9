import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa jury`: the jurors of an edition and their conflicts of interest.
struct JuryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jury",
        abstract: "Seat the jury of an edition and record conflicts of interest.",
        discussion: """
            At most 8 voting jurors by default; advisory experts have no vote. A juror is in \
            conflict with their own country's entries (unless the edition turns that off) and \
            with any entry for which a conflict is declared.
            """,
        subcommands: [Add.self, List.self, Remove.self, ConflictCommand.self]
    )

    struct Add: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a juror to an edition's jury, creating their login (secretariat).",
            discussion:
                "The password is read from --password-file (a file, or - for standard input) or asked for on the terminal; never from the command line."
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Argument(help: "The juror's login name, such as at_juror_1.") var role: String
        @Option(help: "The juror's country code, such as AT.") var country: String
        @Option(help: "The juror's full name.") var name: String
        @Flag(help: "An advisory expert without a vote.") var advisory = false
        @Flag(help: "The chair of the jury, who names the rapporteurs and signs the decision record.") var chair = false
        @Option(help: "Read the new login's password from this file (- for standard input).") var passwordFile: String?
        @Flag(help: "Use a login role that already exists (a juror of an earlier edition, say).") var existingRole = false

        func validate() throws {
            if let problem = RoleName.problem(with: role) { throw ValidationError(problem) }
            if existingRole && passwordFile != nil {
                throw ValidationError("'--existing-role' keeps the role's password; leave out '--password-file'.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            let code = try Parse.country(country, flag: "--country")
            _ = try Parse.text(name, flag: "--name", field: .jurorName, wanted: "the juror's full name")
            let db = try connection.connect(env)
            // Say so before asking for a password that would not be used.
            if !existingRole, try PersonRepository(db).roleExists(role) {
                throw CLIError(
                    "A login role named \"\(role)\" already exists. Choose another name, or link it with --existing-role.", status: .conflict)
            }
            let password = existingRole ? nil : try PasswordSource.read(file: passwordFile, role: role, env: env)
            let (juror, edition) = try db.transaction(retry: .concurrentChange) { db in
                let edition = try selection.resolve(db)
                let people = PersonRepository(db)
                if let password {
                    try people.createLoginRole(role, passwordVerifier: try db.encryptPassword(password, role: role), group: "juror")
                } else {
                    try people.grantGroup(role, group: "juror")
                }
                let juror = try JuryRepository(db).insertJuror(
                    edition: edition.id, roleName: role, country: code, displayName: name, voting: !advisory, chair: chair)
                return (juror, edition)
            }
            guard output.format == .table else {
                env.write(Renderer.single(JuryCommand.record(juror), format: output.format))
                return
            }
            let country = Country.named(juror.country)?.name ?? juror.country.rawValue
            let what = juror.voting ? "voting juror" : "advisory juror (no vote)"
            env.print("Added \(role) (\(name), \(country)) to the \(edition.year) jury as \(what)\(juror.chair ? " and chair" : "").")
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "List an edition's jury.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let jurors = try JuryRepository(db).fetchJurors(edition: edition.id)
            let records = jurors.map(JuryCommand.record)
            env.write(Renderer.list(records, columns: ["role", "name", "country", "voting", "chair"], format: output.format))
        }
    }

    struct Remove: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a juror before scoring opens (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Argument(help: "The juror's login name.") var role: String

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try db.transaction(retry: .concurrentChange) { db in
                let edition = try selection.resolve(db)
                let juror = try JuryRepository(db).requireJuror(edition: edition, roleName: role)
                try JuryRepository(db).deleteJuror(juror.id)
                return edition
            }
            env.print("Removed \(role) from the \(edition.year) jury; the login itself remains.")
        }
    }

    struct ConflictCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflict",
            abstract: "Declare, list and clear conflicts of interest.",
            subcommands: [Declare.self, List.self, Clear.self])

        struct Declare: EnvironmentCommand {
            static let configuration = CommandConfiguration(
                abstract: "Declare that a juror is in conflict with an entry (the juror or the secretariat).")

            @OptionGroup var connection: ConnectionOptions
            @OptionGroup var selection: EditionSelection
            @Option(help: "The juror's login name (default: you).") var juror: String?
            @Option(help: "The entry's id.") var entry: Int64
            @Option(help: "Why; recorded and shown in every score view.") var reason: String

            func validate() throws {
                if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw ValidationError("'--reason' cannot be empty.")
                }
            }

            func run(in env: CLIEnvironment) throws {
                _ = try Parse.text(reason, flag: "--reason", field: .reason, wanted: "the reason")
                let db = try connection.connect(env)
                let seat = try db.transaction(retry: .concurrentChange) { db in
                    let edition = try selection.resolve(db)
                    let seat = try JurorResolver.resolve(juror, edition: edition, db: db)
                    try JuryRepository(db).declareConflict(juror: seat.id, entry: EntryID(entry), reason: reason)
                    return seat
                }
                env.print("Recorded: \(seat.roleName) is in conflict with entry \(entry) and will not score it.")
            }
        }

        struct List: EnvironmentCommand {
            static let configuration = CommandConfiguration(abstract: "List every conflict of an edition, automatic and declared.")

            @OptionGroup var connection: ConnectionOptions
            @OptionGroup var selection: EditionSelection
            @OptionGroup var output: OutputOptions

            func run(in env: CLIEnvironment) throws {
                let db = try connection.connect(env)
                let edition = try selection.resolve(db)
                let names = Dictionary(uniqueKeysWithValues: try JuryRepository(db).fetchJurors(edition: edition.id).map { ($0.id, $0.roleName) })
                let records = try JuryRepository(db).fetchConflicts(edition: edition.id).map { conflict in
                    Record([
                        ("entry", .integer(conflict.entry.rawValue)),
                        ("juror", .text(names[conflict.juror] ?? conflict.juror.description)),
                        ("source", .text(conflict.source.rawValue)),
                        ("reason", .text(conflict.reason)),
                    ])
                }
                env.write(Renderer.list(records, columns: ["entry", "juror", "source", "reason"], format: output.format))
            }
        }

        struct Clear: EnvironmentCommand {
            static let configuration = CommandConfiguration(abstract: "Clear a declared conflict (secretariat).")

            @OptionGroup var connection: ConnectionOptions
            @OptionGroup var selection: EditionSelection
            @Option(help: "The juror's login name.") var juror: String
            @Option(help: "The entry's id.") var entry: Int64

            func run(in env: CLIEnvironment) throws {
                let db = try connection.connect(env)
                let cleared = try db.transaction(retry: .concurrentChange) { db in
                    let edition = try selection.resolve(db)
                    let seat = try JuryRepository(db).requireJuror(edition: edition, roleName: juror)
                    return try JuryRepository(db).clearConflict(juror: seat.id, entry: EntryID(entry))
                }
                guard cleared else {
                    throw CLIError(
                        "\(juror) has no declared conflict with entry \(entry). Own-country conflicts cannot be cleared.", status: .notFound)
                }
                env.print("Cleared the declared conflict of \(juror) with entry \(entry).")
            }
        }
    }
}

extension JuryCommand {
    /// One juror as printed by `jury list` and `jury add --format`.
    static func record(_ juror: Juror) -> Record {
        Record([
            ("role", .text(juror.roleName)),
            ("name", .text(juror.displayName)),
            ("country", .text(juror.country.rawValue)),
            ("voting", .bool(juror.voting)),
            ("chair", .bool(juror.chair)),
        ])
    }
}

/// Finds the juror a command acts for: the one named, or the current role's own seat.
enum JurorResolver {
    static func resolve(_ name: String?, edition: Edition, db: any SQLExecutor) throws -> Juror {
        let jury = JuryRepository(db)
        if let name { return try jury.requireJuror(edition: edition, roleName: name) }
        let identity = try PersonRepository(db).currentIdentity()
        guard let seat = try jury.fetchJuror(edition: edition.id, roleName: identity.role) else {
            throw CLIError(
                "You (\(identity.role)) are not on the jury of the \(edition.year) edition. The secretariat can name a juror with --juror to act on their behalf.",
                status: .permissionDenied)
        }
        return seat
    }

    /// Like `resolve`, but a juror may name only themself: only the secretariat acts for others.
    static func resolveOwn(_ name: String?, edition: Edition, db: any SQLExecutor, doing what: String) throws -> Juror {
        let seat = try resolve(name, edition: edition, db: db)
        let identity = try PersonRepository(db).currentIdentity()
        guard identity.isSecretariat || identity.role == seat.roleName else {
            throw CLIError(
                "You (\(identity.role)) cannot \(what) \(seat.roleName); only the secretariat acts for another juror.",
                status: .permissionDenied)
        }
        return seat
    }
}
