import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa edition`: the yearly editions and their phases.
struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition",
        abstract: "Create editions and move them through their phases.",
        discussion: "Phases: draft, submissions open, submissions closed, scoring, frozen, published.",
        subcommands: [Create.self, List.self, Show.self, Open.self, Close.self, Scoring.self, Deliberation.self, Freeze.self, Publish.self]
    )

    struct Freeze: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Freeze the scores and store the ranking with its digest (secretariat).",
            discussion: """
                Needs every required score. From then on no score can change, for any role; \
                `ecpa results verify` checks the stored result. It cannot be undone: on a terminal \
                the ranking is shown and you are asked to confirm; scripts pass --yes. A medal place \
                that several entries share is for the jury to decide first (`ecpa results override`); \
                --keep-shared freezes it shared, each of them holding the medal.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Flag(help: "Freeze although entries share a medal place, each of them holding the medal.") var keepShared = false
        @Flag(help: "Freeze without asking (required when not on a terminal).") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            // What the freeze would refuse is said before anyone is asked; the ranking asked about
            // is the one frozen, or nothing is.
            var shown: Ranking?
            if !yes {
                let preview = try ResultsLifecycle.freezePreview(year: year, db: db, keepShared: keepShared)
                if env.inputIsTerminal { env.writeError(preview.render(format: .table) + "\n") }
                try Confirmation(
                    consequence:
                        "Freezing the \(year) edition stores this ranking and its digest; from then on no score, override or ballot of the edition can change, for anyone.",
                    question: "Freeze the \(year) edition?", declined: "Nothing was frozen; the \(year) edition is as it was."
                ).require(yes: false, env: env)
                shown = preview.ranking
            }
            let (results, frozen) = try ResultsLifecycle.freeze(year: year, db: db, keepShared: keepShared, expecting: shown)
            if shown == nil {
                env.write(results.render(format: .table))
                env.print("")
            }
            env.print("The \(year) edition is frozen. Digest \(frozen.digest).")
            if results.ranking.needsJuryDecision {
                env.print("Note: some entries share a place; the report shows it shared.")
            }
        }
    }

    struct Publish: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a frozen edition's results to everyone (secretariat).",
            discussion: """
                The results are verified first (as `ecpa results verify` does); results that do not \
                verify are not published. It cannot be undone: on a terminal you are asked to confirm; \
                scripts pass --yes.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Flag(help: "Publish without asking (required when not on a terminal).") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try ResultsLifecycle.publish(year: year, db: db) { _ in
                try Confirmation(
                    consequence:
                        "Publishing the \(year) results shows the ranking, the scores and the jury's decision record to every login, representatives and public readers included; a publication cannot be taken back.",
                    question: "Publish the \(year) results?",
                    declined: "Nothing was published; the \(year) results stay with the secretariat and the jury."
                ).require(yes: yes, env: env)
            }
            report(edition, env: env, format: output.format) { "The results of the \($0.year) edition are published." }
        }
    }

    struct Scoring: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open or pause the jury's scoring (secretariat).",
            discussion: "Opening scoring fixes the scheme, the jury and its conflict rules.",
            subcommands: [OpenScoring.self, CloseScoring.self])
    }

    struct OpenScoring: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: "Open scoring: the call must be closed and a scheme set.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                let editions = EditionRepository(db)
                let current = try editions.requireEdition(year: year)
                do {
                    return try editions.updateScoring(year: year, open: true)
                } catch let error as StoreError {
                    // PostgreSQL's phase rule refused; say why in the words of the edition's phase.
                    switch error {
                    case .invalidData, .invalidTransition, .closed, .frozen: break
                    default: throw error
                    }
                    let message: String
                    if current.phase > .scoring {
                        message = "The \(year) edition is \(current.phase.displayName): its scores are final, so scoring cannot open again."
                    } else if current.inDeliberation {
                        message = "Scoring for the \(year) edition cannot open again: its deliberation has begun and round 1 is sealed."
                    } else if current.phase != .submissionsClosed {
                        message =
                            "Scoring opens only after the call for entries is closed, and the \(year) edition is in the \(current.phase.displayName) phase. Close the call first: `ecpa edition close \(year)`."
                    } else {
                        // The call is closed: PostgreSQL's own sentence says what is missing (a scheme).
                        throw error
                    }
                    throw CLIError(message, status: .refused)
                }
            }
            report(edition, env: env, format: output.format) { "Scoring for the \($0.year) edition is open." }
        }
    }

    struct CloseScoring: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Pause scoring: no score can change until it opens again or the edition is frozen.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                let editions = EditionRepository(db)
                let current = try editions.requireEdition(year: year)
                // Closing what is not open would write nothing, yet say it closed: say why instead.
                // (A pause, scoring closed in the scoring phase, may be closed again.)
                guard current.scoringOpen || current.phase == .scoring else {
                    throw CLIError(
                        current.phase > .scoring
                            ? "The \(year) edition is \(current.phase.displayName): scoring is over and its scores are final."
                            : "Scoring for the \(year) edition has not opened yet (the edition is in the \(current.phase.displayName) phase), so there is nothing to close.",
                        status: .refused)
                }
                return try editions.updateScoring(year: year, open: false)
            }
            report(edition, env: env, format: output.format) { "Scoring for the \($0.year) edition is closed." }
        }
    }

    struct Deliberation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Begin the deliberation the edition declared (secretariat).",
            discussion:
                "It follows scoring, once scoring is closed: round 1 is sealed, and jurors revise their scores of the entries under discussion with `ecpa score revise`.",
            subcommands: [OpenDeliberation.self])
    }

    struct OpenDeliberation: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Seal round 1 and begin the deliberation on the contested places, or on the entries named.",
            discussion: "It cannot be undone: on a terminal you are asked to confirm; scripts pass --yes.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Option(help: "An entry to discuss (repeatable); without it, the entries in contention for a contested medal.")
        var entry: [Int64] = []
        @Flag(help: "Begin without asking (required when not on a terminal).") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try EditionRepository(db).requireEdition(year: year)
            var entries = entry.map(EntryID.init)
            if entries.isEmpty {
                // PostgreSQL checks first whether a deliberation may begin at all (who asks, the phase,
                // scoring closed, the declaration) and only then the entries: asked with none, it
                // names the first rule that stands in the way, or says entries are wanting (22023).
                do {
                    try db.transaction(isolation: .readCommitted) { try DeliberationRepository($0).open(edition: edition.id, entries: []) }
                } catch StoreError.invalidData {
                    // Only the entries are wanting: take the contested ones.
                }
                entries = try Explanation.load(edition: edition, db: db).contestedEntries
                guard !entries.isEmpty else {
                    throw CLIError(
                        "No medal place of the \(year) edition is contested (`ecpa results explain` says why), so there is nothing to discuss by default. Name the entries with --entry.",
                        status: .refused)
                }
            }
            let listed = "entr\(entries.count == 1 ? "y" : "ies") \(entries.map { String($0.rawValue) }.joined(separator: ", "))"
            try Confirmation(
                consequence:
                    "Beginning the deliberation on \(listed) seals round 1 of the \(year) edition: its scores stay as they are and scoring never opens again.",
                question: "Begin the deliberation?", declined: "The deliberation has not begun; scoring of the \(year) edition is as it was."
            ).require(yes: yes, env: env)
            try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                try DeliberationRepository(db).open(edition: edition.id, entries: entries)
            }
            env.print(
                "Round 1 of the \(year) edition is sealed and its deliberation has begun on entr\(entries.count == 1 ? "y" : "ies") \(entries.map { String($0.rawValue) }.joined(separator: ", ")). Jurors revise their scores of \(entries.count == 1 ? "it" : "them") with `ecpa score revise`."
            )
        }
    }

    struct Create: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an edition in the draft phase (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "The year of the edition.") var year: Int
        @Option(help: "The theme chosen by the presidency.") var theme: String
        @Option(help: "Host country code (the presidency), such as AT.") var host: String
        @Option(help: "Host city of the Best Practice Conference.") var city: String?
        @Option(help: "First day of the conference, YYYY-MM-DD.") var conferenceStart: String?
        @Option(help: "Last day of the conference, YYYY-MM-DD.") var conferenceEnd: String?
        @Option(help: "Time zone used to read and show times.") var timeZone: String = Edition.defaultTimeZone
        @Option(help: "When submissions open (YYYY-MM-DD HH:MM in the edition's zone, or with an offset).") var opens: String?
        @Option(help: "The submission deadline (YYYY-MM-DD HH:MM in the edition's zone, or with an offset).") var closes: String?
        @Option(help: "Gold prize in euros.") var prizeGold: String?
        @Option(help: "Silver prize in euros.") var prizeSilver: String?
        @Option(help: "Bronze prize in euros.") var prizeBronze: String?

        func validate() throws {
            try Parse.usage { try checkValues() }
        }

        private func checkValues() throws {
            let zone = try Parse.zone(timeZone, flag: "--time-zone")
            _ = try Parse.country(host, flag: "--host")
            if let opens, let closes,
                try Parse.time(closes, flag: "--closes", zone: zone) <= Parse.time(opens, flag: "--opens", zone: zone)
            {
                throw ValidationError("'--closes' must be after '--opens'.")
            }
            if let start = conferenceStart, let end = conferenceEnd,
                try Parse.date(end, flag: "--conference-end") < Parse.date(start, flag: "--conference-start")
            {
                throw ValidationError("'--conference-end' must not be before '--conference-start'.")
            }
        }

        func newEdition() throws -> NewEdition {
            let zone = try Parse.zone(timeZone, flag: "--time-zone")
            return NewEdition(
                year: year, theme: theme, hostCountry: try Parse.country(host, flag: "--host"),
                hostCity: city,
                conferenceStart: try conferenceStart.map { try Parse.date($0, flag: "--conference-start") },
                conferenceEnd: try conferenceEnd.map { try Parse.date($0, flag: "--conference-end") },
                timeZone: timeZone,
                submissionsOpenAt: try opens.map { try Parse.time($0, flag: "--opens", zone: zone) },
                submissionsCloseAt: try closes.map { try Parse.time($0, flag: "--closes", zone: zone) },
                prizes: Prizes(
                    gold: try prizeGold.map { try Parse.amount($0, flag: "--prize-gold") },
                    silver: try prizeSilver.map { try Parse.amount($0, flag: "--prize-silver") },
                    bronze: try prizeBronze.map { try Parse.amount($0, flag: "--prize-bronze") }))
        }

        func run(in env: CLIEnvironment) throws {
            _ = try Parse.text(theme, flag: "--theme", field: .theme, wanted: "the theme the presidency chose")
            _ = try city.map { try Parse.text($0, flag: "--city", field: .hostCity, wanted: "the conference's city, or leave --city out") }
            let db = try connection.connect(env)
            let edition = try db.transaction(retry: .concurrentChange) { db in
                let editions = EditionRepository(db)
                if let existing = try editions.fetchEdition(year: year) {
                    throw CLIError(
                        "There is already a \(year) edition (\(existing.theme)); there is one edition a year. `ecpa edition show \(year)` shows it.",
                        status: .conflict)
                }
                return try editions.insertEdition(try newEdition())
            }
            if output.format == .table {
                env.print("Created the \(edition.year) edition (\(edition.theme)) in the draft phase.")
            } else {
                env.write(Renderer.single(Records.editionDetail(edition), format: output.format))
            }
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "List the editions, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let editions = try EditionRepository(try connection.connect(env)).fetchEditions()
            env.write(Renderer.list(editions.map(Records.edition), columns: Records.editionColumns, format: output.format))
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Show one edition.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int

        func run(in env: CLIEnvironment) throws {
            let edition = try EditionRepository(try connection.connect(env)).requireEdition(year: year)
            env.write(Renderer.single(Records.editionDetail(edition), format: output.format))
        }
    }

    struct Open: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an edition for submissions (secretariat).",
            discussion: "Give --opens or --closes to set or move the submission window at the same time.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Option(help: "When submissions open (in the edition's time zone unless an offset is given).") var opens: String?
        @Option(help: "The submission deadline (in the edition's time zone unless an offset is given).") var closes: String?

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                let editions = EditionRepository(db)
                let current = try editions.requireEdition(year: year)
                let zone = TimeText.zone(current.timeZone)
                let opensAt = try opens.map { try Parse.time($0, flag: "--opens", zone: zone) }
                let closesAt = try closes.map { try Parse.time($0, flag: "--closes", zone: zone) }
                // A phase that cannot open gets PostgreSQL's own refusal; an edition that can must
                // have a deadline ahead, or every entry would be refused (the throw rolls back).
                var proposed = current
                proposed.submissionsCloseAt = closesAt ?? current.submissionsCloseAt
                let now = env.now()
                do {
                    if opensAt != nil || closesAt != nil {
                        _ = try editions.updateSubmissionWindow(year: year, opensAt: opensAt, closesAt: closesAt)
                    }
                    let opened = try editions.updatePhase(year: year, to: .submissionsOpen)
                    if let problem = opened.openingProblem(at: now) {
                        throw CLIError(problem.description, status: .invalidInput)
                    }
                    return opened
                } catch let error as StoreError {
                    // The window's own rules refused too; a missing or past deadline says more.
                    guard case .invalidData = error, let problem = proposed.openingProblem(at: now) else { throw error }
                    throw CLIError(problem.description, status: .invalidInput)
                }
            }
            report(edition, env: env, format: output.format) {
                let zone = TimeText.zone($0.timeZone)
                let deadline = $0.submissionsCloseAt.map { TimeText.display($0, in: zone) } ?? "no deadline"
                return "The \($0.year) edition is open for submissions until \(deadline)."
            }
        }
    }

    struct Close: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Close an edition's call for entries (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let (edition, already) = try db.transaction(isolation: .readCommitted, retry: .concurrentChange) { db in
                let editions = EditionRepository(db)
                let current = try editions.requireEdition(year: year)
                if current.phase == .submissionsClosed { return (current, true) }
                return (try editions.updatePhase(year: year, to: .submissionsClosed), false)
            }
            report(edition, env: env, format: output.format) {
                "Submissions for the \($0.year) edition are \(already ? "already " : "")closed."
            }
        }
    }
}

/// Prints a sentence on a table format, or the edition as data otherwise.
private func report(_ edition: Edition, env: CLIEnvironment, format: OutputFormat, sentence: (Edition) -> String) {
    if format == .table {
        env.print(sentence(edition))
    } else {
        env.write(Renderer.single(Records.editionDetail(edition), format: format))
    }
}
