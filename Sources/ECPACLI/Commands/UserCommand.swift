import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa user`: login roles for the secretariat and the national representatives.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create and list the people who use ecpa, each a PostgreSQL login role.",
        subcommands: [Add.self, List.self, WhoAmI.self, Password.self]
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case secretariat
        case nationalRepresentative = "national-representative"

        var personKind: PersonKind {
            switch self {
            case .secretariat: return .secretariat
            case .nationalRepresentative: return .nationalRepresentative
            }
        }
    }

    struct Add: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a login role for a person and record who they are (secretariat).",
            discussion: """
                The password is read from --password-file (a file, or - for standard input) or \
                asked for on the terminal. It is hashed on this machine before it is sent, so it \
                is never in the command line, the server's logs or the audit log.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The login name, such as fi_representative.") var role: String
        @Option(help: "secretariat or national-representative.") var kind: Kind
        @Option(help: "The country a national representative represents, such as FI.") var country: String?
        @Option(help: "The person's full name.") var name: String
        @Option(help: "The person's e-mail address.") var email: String?
        @Option(help: "Read the password from this file (- for standard input).") var passwordFile: String?
        @Flag(help: "Link a login role that already exists instead of creating one (no password is set).")
        var existingRole = false

        func validate() throws {
            if let problem = RoleName.problem(with: role) {
                throw ValidationError(problem)
            }
            if kind == .nationalRepresentative && country == nil {
                throw ValidationError("A national representative needs '--country'.")
            }
            if kind == .secretariat && country != nil {
                throw ValidationError("'--country' is only for national representatives.")
            }
            if existingRole && passwordFile != nil {
                throw ValidationError("'--existing-role' keeps the role's password; leave out '--password-file'.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            _ = try Parse.text(name, flag: "--name", field: .personName, wanted: "the person's full name")
            _ = try email.map { try Parse.text($0, flag: "--email", field: .email, wanted: "their e-mail address, or leave --email out") }
            let person = Person(
                roleName: role, displayName: name, kind: kind.personKind, email: email,
                country: try country.map { try Parse.country($0, flag: "--country") })
            let db = try connection.connect(env)
            // Say so before asking for a password that would not be used.
            if !existingRole, try PersonRepository(db).roleExists(role) {
                throw CLIError(
                    "A login role named \"\(role)\" already exists. Choose another name, or link it with --existing-role.", status: .conflict)
            }
            let password = existingRole ? nil : try PasswordSource.read(file: passwordFile, role: role, env: env)
            try db.transaction(retry: .concurrentChange) { db in
                let people = PersonRepository(db)
                if let password {
                    let verifier = try db.encryptPassword(password, role: role)
                    try people.createLoginRole(role, passwordVerifier: verifier, kind: person.kind)
                } else {
                    try people.grantGroup(role, kind: person.kind)
                }
                try people.insertPerson(person)
            }
            guard output.format == .table else {
                env.write(Renderer.single(Records.person(person), format: output.format))
                return
            }
            let what =
                person.country.flatMap { Country.named($0)?.name }.map { "national representative of \($0)" }
                ?? "member of the secretariat"
            env.print("Added \(role) (\(name)) as \(what).")
        }
    }

    struct Password: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change your own password (any login: secretariat, representative, juror).",
            discussion: """
                Changes the password of the login you connect with, so that nobody who knew your first \
                password (the secretariat set it) can use it any more. The new password is read from \
                --password-file (a file, or - for standard input) or asked for twice on the terminal, \
                and hashed on this machine before it is sent.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Read the new password from this file (- for standard input).") var passwordFile: String?

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let people = PersonRepository(db)
            let login = try people.sessionLogin()
            let password = try PasswordSource.read(file: passwordFile, role: login, env: env)
            try people.changeOwnPassword(verifier: try db.encryptPassword(password, role: login))
            env.print("The password of \(login) is changed; use the new one the next time you connect.")
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "List the people you may see.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let people = try PersonRepository(try connection.connect(env)).fetchPeople()
            env.write(Renderer.list(people.map(Records.person), columns: Records.personColumns, format: output.format))
        }
    }

    struct WhoAmI: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "whoami", abstract: "Show the role you act as and what it may do.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let identity = try PersonRepository(try connection.connect(env)).currentIdentity()
            let record = Record([
                ("role", .text(identity.role)),
                ("secretariat", .bool(identity.isSecretariat)),
                ("country", .text(identity.country?.rawValue)),
            ])
            env.write(Renderer.single(record, format: output.format))
        }
    }
}
