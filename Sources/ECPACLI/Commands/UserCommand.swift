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
        subcommands: [Add.self, AddReader.self, List.self, WhoAmI.self, Password.self]
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
                is never in the command line, the server's logs or the audit log. \
                With --from FILE.csv many people are added at once, all or none: the file's first \
                line names the columns role, kind, name and, as needed, country and email; it holds \
                no passwords. ecpa makes a first password for each person and writes them to the \
                --passwords file, readable only by you; nobody is added while any line has a problem, \
                and every problem is listed with its line.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The login name, such as fi_representative.") var role: String?
        @Option(help: "secretariat or national-representative.") var kind: Kind?
        @Option(help: "The country a national representative represents, such as FI.") var country: String?
        @Option(help: "The person's full name.") var name: String?
        @Option(help: "The person's e-mail address.") var email: String?
        @Option(help: "Read the password from this file (- for standard input).") var passwordFile: String?
        @Flag(help: "Link a login role that already exists instead of creating one (no password is set).")
        var existingRole = false
        @Option(help: ArgumentHelp("Add every person in this CSV file, all or none.", valueName: "file.csv")) var from: String?
        @Option(help: ArgumentHelp("With --from: write each person's first password to this new file (readable only by you).", valueName: "file"))
        var passwords: String?

        func validate() throws {
            if let from {
                let single = [role != nil, kind != nil, country != nil, name != nil, email != nil, passwordFile != nil, existingRole]
                if single.contains(true) {
                    throw ValidationError(
                        "'--from \(from)' takes every person from the file; leave out the login name, --kind, --country, --name, --email, --password-file and --existing-role."
                    )
                }
                guard passwords != nil else {
                    throw ValidationError(
                        "'--from' needs '--passwords FILE': a new file where ecpa writes each person's first password, readable only by you.")
                }
                return
            }
            if passwords != nil { throw ValidationError("'--passwords' goes with '--from FILE.csv'.") }
            guard let role else { throw ValidationError("Give the login name, such as fi_representative (or --from FILE.csv to add many people).") }
            guard let kind else { throw ValidationError("Missing expected argument '--kind <kind>'.") }
            guard name != nil else { throw ValidationError("Missing expected argument '--name <name>'.") }
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
            if let from, let passwords { return try addAll(from: from, passwords: passwords, env: env) }
            guard let role, let kind, let name else { return }
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
                try Self.register(person, password: password, db: db)
            }
            guard output.format == .table else {
                env.write(Renderer.single(Records.person(person), format: output.format))
                return
            }
            env.print("Added \(role) (\(name)) as \(Self.describe(person)).")
        }

        /// Creates a person's login (or links the existing one, without a password) and records
        /// who they are: the one way every person is added, alone or from a file.
        static func register(_ person: Person, password: String?, db: Connection) throws {
            let people = PersonRepository(db)
            if let password {
                let verifier = try db.encryptPassword(password, role: person.roleName)
                try people.createLoginRole(person.roleName, passwordVerifier: verifier, kind: person.kind)
            } else {
                try people.grantGroup(person.roleName, kind: person.kind)
            }
            try people.insertPerson(person)
        }

        static func describe(_ person: Person) -> String {
            person.country.flatMap { Country.named($0)?.name }.map { "national representative of \($0)" } ?? "member of the secretariat"
        }

        /// `--from FILE.csv`: every person in the file in one transaction, or nobody.
        private func addAll(from: String, passwords: String, env: CLIEnvironment) throws {
            let secrets = OutputFile(path: passwords, force: false, permissions: 0o600)
            try secrets.refuseIfExists()
            var file = PeopleFile(text: String(decoding: try InputFile.read(from, what: "the file of people"), as: UTF8.self))
            let db = try connection.connect(env)
            let repository = PersonRepository(db)
            for line in file.people where try repository.roleExists(line.person.roleName) {
                file.problems.append(
                    PeopleFile.Problem(line: line.number, message: "a login named \(line.person.roleName) exists already; choose another name."))
            }
            guard file.problems.isEmpty else {
                let sorted = file.problems.sorted { $0.line < $1.line }.map(\.text)
                throw CLIError(
                    "\(from) has \(sorted.count) problem\(sorted.count == 1 ? "" : "s"), so nobody was added:\n"
                        + sorted.map { "  " + $0 }.joined(separator: "\n") + "\nCorrect the file and run the command again.",
                    status: .invalidInput)
            }
            let firstPasswords = file.people.map { _ in FirstPassword.make() }
            // The passwords are in place before anyone is added, and removed again if nobody is.
            try secrets.write(
                CSVWriter().document(
                    header: ["role", "name", "password"],
                    rows: zip(file.people, firstPasswords).map { line, password in
                        [.text(line.person.roleName), .text(line.person.displayName), .exact(password)]
                    }))
            do {
                try db.transaction(retry: .concurrentChange) { db in
                    for (line, password) in zip(file.people, firstPasswords) {
                        do {
                            try Self.register(line.person, password: password, db: db)
                        } catch {
                            let failure = CLIError.from(error)
                            throw CLIError(
                                "line \(line.number) (\(line.person.roleName)): \(failure.message) Nobody was added.", status: failure.status,
                                code: failure.code)
                        }
                    }
                }
            } catch {
                unlink(passwords)
                throw error
            }
            guard output.format == .table else {
                env.write(Renderer.list(file.people.map { Records.person($0.person) }, columns: Records.personColumns, format: output.format))
                return
            }
            for line in file.people { env.print("Added \(line.person.roleName) (\(line.person.displayName)) as \(Self.describe(line.person)).") }
            env.print(
                "Their first passwords are in \(passwords), which only you can read. Give each person theirs by another way than their login name (a call, a letter), ask them to change it with `ecpa user password` when they first connect, then delete the file."
            )
        }
    }

    struct Password: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change your own password, or reset a representative's or a juror's (secretariat).",
            discussion: """
                Without a login name: changes the password of the login you connect with, so that \
                nobody who knew your first password (the secretariat set it) can use it any more. \
                With one: the secretariat gives a national representative or a juror of this database \
                a new first password, for instance when they lost theirs; members of the secretariat \
                change only their own. The new password is read from --password-file (a file, or - \
                for standard input) or asked for twice on the terminal, and hashed on this machine \
                before it is sent.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The representative's or juror's login name (secretariat); leave it out to change your own.") var role: String?
        @Option(help: "Read the new password from this file (- for standard input).") var passwordFile: String?

        func validate() throws {
            if let role, let problem = RoleName.problem(with: role) { throw ValidationError(problem) }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let people = PersonRepository(db)
            let login = try people.sessionLogin()
            guard let role, role != login else {
                let password = try PasswordSource.read(file: passwordFile, role: login, env: env)
                try people.changeOwnPassword(verifier: try db.encryptPassword(password, role: login))
                env.print("The password of \(login) is changed; use the new one the next time you connect.")
                return
            }
            guard try people.roleExists(role) else {
                throw CLIError("There is no login named \(role). `ecpa user list` and `ecpa jury list` show the people.", status: .notFound)
            }
            let password = try PasswordSource.read(file: passwordFile, role: role, env: env)
            try people.resetPassword(role, verifier: try db.encryptPassword(password, role: role))
            env.print(
                "The password of \(role) is reset. Give it to them by another way than their login name, and ask them to change it with `ecpa user password` when they next connect."
            )
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

    struct AddReader: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-reader",
            abstract: "Create a public reader's login: published results and the archive only (secretariat).",
            discussion: """
                A reader (a press office, a researcher, whoever builds the public site) reads what is                 published and the archive, through PostgreSQL's rights, and nothing else: no entry                 before publication, no score, no person. The password is read as for `user add` and                 hashed on this machine.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The login name, such as press_office.") var role: String
        @Option(help: "Read the password from this file (- for standard input).") var passwordFile: String?

        func validate() throws {
            if let problem = RoleName.problem(with: role) { throw ValidationError(problem) }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            if try PersonRepository(db).roleExists(role) {
                throw CLIError("A login role named \"\(role)\" already exists. Choose another name.", status: .conflict)
            }
            let password = try PasswordSource.read(file: passwordFile, role: role, env: env)
            let verifier = try db.encryptPassword(password, role: role)
            try db.transaction(retry: .concurrentChange) { db in
                try PersonRepository(db).createLoginRole(role, passwordVerifier: verifier, group: "reader")
            }
            env.print("Added \(role) as a public reader: published results and the archive only.")
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
