import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa score`: jurors' scores, their coverage and their history.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Enter, import and review scores.",
        discussion: """
            Scores are written only while the edition's scoring is open, by the juror \
            themself (or by the secretariat on their behalf, recorded as such). Every change \
            is kept in a hash-chained ledger (`ecpa score history`).
            """,
        subcommands: [Enter.self, Revise.self, Revisions.self, Sheet.self, Import.self, Status.self, History.self]
    )

    struct Enter: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score one entry, criterion by criterion, or abstain.",
            discussion: """
                Give the values with --criterion CODE=VALUE (repeat it for each criterion). On a \
                terminal without values, ecpa asks for each criterion in turn, showing its scale \
                and your current value. All values are written together, or none.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "The entry's id.") var entry: Int64
        @Option(name: .customLong("criterion"), help: ArgumentHelp("A value, as CODE=VALUE (repeatable).", valueName: "code=value"))
        var values: [String] = []
        @Option(help: "A comment kept with the scores.") var comment: String?
        @Flag(help: "Abstain on this entry instead of scoring it (your scores for it are removed).") var abstain = false
        @Flag(help: "Withdraw an earlier abstention on this entry.") var withdrawAbstention = false
        @Option(help: "Enter for this juror (secretariat, on their behalf).") var juror: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if abstain && !values.isEmpty { throw ValidationError("'--abstain' goes without '--criterion' values.") }
            if abstain && withdrawAbstention { throw ValidationError("Give '--abstain' or '--withdraw-abstention', not both.") }
        }

        func run(in env: CLIEnvironment) throws {
            _ = try comment.map { try Parse.text($0, flag: "--comment", field: .comment, wanted: "a comment, or leave --comment out") }
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let scheme = try SchemeRepository(db).requireScheme(edition: edition)
            let seat = try JurorResolver.resolve(juror, edition: edition, db: db)
            let entryID = EntryID(entry)
            guard let target = try EntryRepository(db).fetchEntry(id: entryID), target.editionID == edition.id else {
                throw CLIError(
                    "There is no entry \(entry) in the \(edition.year) edition; `ecpa score sheet` lists the entries you score. Nothing was written.",
                    status: .notFound)
            }
            if abstain || withdrawAbstention {
                try db.transaction(retry: .concurrentChange) { db in
                    let scores = ScoreRepository(db)
                    if abstain {
                        try scores.abstain(edition: edition.id, entry: entryID, juror: seat.id, comment: comment)
                    } else if try !scores.withdrawAbstention(entry: entryID, juror: seat.id) {
                        throw CLIError("\(seat.roleName) has not abstained on entry \(entry).", status: .notFound)
                    }
                }
                env.print(abstain ? "Recorded that \(seat.roleName) abstains on entry \(entry)." : "\(seat.roleName) may now score entry \(entry).")
                return
            }
            var given = try parseValues(scheme).map { (code: $0.code, value: $0.value, comment: comment) }
            if given.isEmpty {
                guard env.inputIsTerminal else {
                    throw CLIError(
                        "Give the values with --criterion CODE=VALUE, one per criterion (\(scheme.criteria.map(\.code).joined(separator: ", "))).",
                        status: .usage)
                }
                let current = try ScoreRepository(db).fetchScores(edition: edition.id, juror: seat.id).filter { $0.entry == entryID }
                // PostgreSQL says now, before any value is typed, whether these scores could be
                // written (phase, freeze, conflict, abstention): the same check as the write.
                if let first = scheme.criteria.first {
                    try ScoreRepository.probeWrite(
                        on: db, edition: edition.id, entry: entryID, juror: seat.id, criterion: first,
                        current: current.first { $0.criterion == first.code }?.value)
                }
                given = try prompt(scheme, entry: target, current: current, env: env)
            }
            let scores = given.map { Score(entry: entryID, juror: seat.id, criterion: $0.code, value: $0.value, comment: $0.comment) }
            try db.transaction(retry: .concurrentChange) { try ScoreRepository($0).recordScores(edition: edition.id, scores) }
            let written = try ScoreRepository(db).fetchScores(edition: edition.id, juror: seat.id).filter { $0.entry == entryID }
            if output.format == .table {
                let list = written.map { "\($0.criterion) \(Values.text($0.value))" }.joined(separator: ", ")
                env.print(
                    "Scores of \(seat.roleName) for entry \(entry): \(list) (\(written.count) of \(scheme.criteria.count) \(scheme.criteria.count == 1 ? "criterion" : "criteria"))."
                )
            } else {
                env.write(Renderer.list(written.map(Values.record), columns: Values.scoreColumns, format: output.format))
            }
        }

        /// Reads `CODE=VALUE` pairs, collecting every problem.
        func parseValues(_ scheme: ScoringScheme) throws -> [(code: String, value: Decimal)] {
            try Enter.parseValues(values, scheme: scheme)
        }

        /// Reads `CODE=VALUE` pairs against a scheme, collecting every problem.
        static func parseValues(_ values: [String], scheme: ScoringScheme) throws -> [(code: String, value: Decimal)] {
            var result: [(code: String, value: Decimal)] = []
            var problems: [String] = []
            for pair in values {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    problems.append("'\(pair)' is not CODE=VALUE; give a criterion and its score, such as focus=7.")
                    continue
                }
                guard let criterion = scheme.criterion(parts[0]) else {
                    problems.append("There is no criterion '\(parts[0])'; the criteria are \(scheme.criteria.map(\.code).joined(separator: ", ")).")
                    continue
                }
                guard let value = ScoreValue.parse(parts[1]) else {
                    problems.append("'\(parts[1])' is not a number (for \(criterion.code)); write the score in digits, such as \(criterion.code)=7.")
                    continue
                }
                if let problem = criterion.problem(with: value) {
                    problems.append(problem)
                    continue
                }
                if result.contains(where: { $0.code == criterion.code }) {
                    problems.append("\(criterion.code) is given twice.")
                    continue
                }
                result.append((criterion.code, value))
            }
            if !problems.isEmpty {
                throw CLIError(problems.joined(separator: " ") + " Nothing was written.", status: .invalidInput)
            }
            return result
        }

        /// Asks for each criterion on the terminal, showing its scale and current value, then an
        /// optional comment (unless --comment gave one for all); `?` or `read` shows the entry.
        func prompt(
            _ scheme: ScoringScheme, entry target: Entry, current: [Score], env: CLIEnvironment
        ) throws -> [(code: String, value: Decimal, comment: String?)] {
            var result: [(code: String, value: Decimal, comment: String?)] = []
            let country = Country.named(target.country)?.name ?? target.country.rawValue
            env.info("Entry \(entry), \(country): \"\(target.form.title ?? "")\"")
            env.info("One value per criterion; Enter keeps the value in [brackets]; type ? (or read) to read the entry.")
            let ended = CLIError("Input ended before every criterion had a value; nothing was written.", status: .invalidInput)
            for criterion in scheme.criteria {
                let existing = current.first { $0.criterion == criterion.code }
                var value: Decimal?
                while value == nil {
                    let shown = existing.map { " [\(Values.text($0.value))]" } ?? ""
                    env.writeError("\(criterion.name) (\(criterion.scaleDescription), weight \(Values.text(criterion.weight)))\(shown): ")
                    guard let line = env.readLine() else { throw ended }
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if ["?", "read"].contains(text.lowercased()) {
                        Pager.show(EntryReading.text(target, width: env.columns), env: env)
                        continue
                    }
                    if text.isEmpty, let existing {
                        value = existing.value
                    } else if let parsed = ScoreValue.parse(text) {
                        if let problem = criterion.problem(with: parsed) { env.info(problem) } else { value = parsed }
                    } else {
                        env.info("That is not a number; try again (or ? to read the entry).")
                    }
                }
                var note = comment
                while comment == nil {
                    let shown = existing?.comment.map { " [\($0)]" } ?? ""
                    env.writeError("Comment on \(criterion.name) (optional; Enter to \(shown.isEmpty ? "leave none" : "keep it"))\(shown): ")
                    guard let line = env.readLine() else { throw ended }
                    let text = line.trimmingCharacters(in: .whitespaces)
                    note = text.isEmpty ? existing?.comment : text
                    do {
                        _ = try note.map { try Parse.text($0, flag: "the comment", field: .comment, wanted: "a comment") }
                        break
                    } catch let error as CLIError {
                        env.info("\(error.message) Type the comment again.")
                    }
                }
                result.append((criterion.code, value ?? 0, note))
            }
            return result
        }
    }

    struct Status: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which scores are in: entries by jurors, and each juror's progress.",
            discussion: "Cells: scored, partial (criteria given/all), conflict, abstained, missing. A juror sees only their own column.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let coverage = try Coverage.load(edition: edition, db: db)
            env.write(coverage.render(format: output.format))
        }
    }

    struct History: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the ledger of score changes: who, when, old and new value.",
            discussion: "Jurors see the history of their own cells; the secretariat sees all. --verify also checks the hash chain.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this entry's cells.") var entry: Int64?
        @Option(help: "Only this juror's cells.") var juror: String?
        @Flag(help: "Also recompute the ledger's hash chain and report any broken link.") var verify = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let jurors = try JuryRepository(db).fetchJurors(edition: edition.id)
            let names = Dictionary(uniqueKeysWithValues: jurors.map { ($0.id, $0.roleName) })
            let seat = try juror.map { try JuryRepository(db).requireJuror(edition: edition, roleName: $0) }
            var events = try ScoreRepository(db).fetchHistory(edition: edition.id, entry: entry.map { EntryID($0) }, juror: seat?.id)
            // The deliberation's revisions follow round 1, each with its reason (jurors and the secretariat).
            let identity = try PersonRepository(db).currentIdentity()
            if edition.inDeliberation, identity.isSecretariat || names.values.contains(identity.role) {
                events += try DeliberationRepository(db).history(edition: edition.id, entry: entry.map { EntryID($0) }, juror: seat?.id)
            }
            let zone = TimeText.zone(edition.timeZone)
            let records = events.map { event in
                Record([
                    ("at", .time(event.at, zone: zone)),
                    ("actor", .text(event.actor)),
                    ("entry", .integer(event.entry.rawValue)),
                    ("juror", .text(names[event.juror] ?? event.juror.description)),
                    ("criterion", .text(event.criterion)),
                    ("action", .text(event.action)),
                    ("old_value", .decimal(event.oldValue)),
                    ("new_value", .decimal(event.newValue)),
                    ("batch", .integer(event.batch)),
                    ("reason", .text(event.action == "revise" ? event.newComment : nil)),
                ])
            }
            env.write(
                Renderer.list(
                    records, columns: ["at", "actor", "entry", "juror", "criterion", "action", "old_value", "new_value", "batch", "reason"],
                    format: output.format))
            if verify {
                let problems = try ScoreRepository(db).verifyLedger()
                if problems.isEmpty {
                    env.info("The ledger's hash chain verifies.")
                } else {
                    for problem in problems { env.info("Batch \(problem.batch.map(String.init) ?? "head"): \(problem.problem).") }
                    throw CLIError(
                        "The score ledger does not verify: \(problems.count) broken link\(problems.count == 1 ? "" : "s").", status: .failure)
                }
            }
        }
    }
}

/// Reading and showing score values.
enum Values {
    static func text(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    static let scoreColumns = ["entry", "juror", "criterion", "value", "comment"]

    static func record(_ score: Score) -> Record {
        Record([
            ("entry", .integer(score.entry.rawValue)),
            ("juror", .integer(score.juror.rawValue)),
            ("criterion", .text(score.criterion)),
            ("value", .decimal(score.value)),
            ("comment", .text(score.comment)),
        ])
    }
}
