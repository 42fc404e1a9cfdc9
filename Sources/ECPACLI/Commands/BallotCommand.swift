import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// `ecpa ballot`: the final ballot on the contested places (issue "what the jury decides").
struct BallotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballot",
        abstract: "The jury's final ballot: each voting juror ranks a shortlist; counted by Schulze's method.",
        discussion: """
            The edition's declaration says whether it holds a ballot and whether the ballot decides \
            the medals. The secretariat opens it after scoring (and after the deliberation, when \
            there is one) and closes it once the jurors have voted. Ballots are sealed until it \
            closes: nobody, the secretariat included, reads another juror's ballot before then; the \
            secretariat sees who has voted.
            """,
        subcommands: [Open.self, Cast.self, Mine.self, Status.self, Close.self, Count.self])

    struct Open: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open the final ballot on the contested places, the first N, or the entries named (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Option(help: "An entry on the shortlist (repeatable), in the order to show it.") var entry: [Int64] = []
        @Option(help: "Put the first N entries of the ranking on the shortlist.") var top: Int?

        func validate() throws {
            if !entry.isEmpty && top != nil { throw ValidationError("Give either --entry or --top, not both.") }
            if let top, top < 2 { throw ValidationError("'--top' must be 2 or more: a ballot needs two entries to rank.") }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try EditionRepository(db).requireEdition(year: year)
            let shortlist = try FinalBallot.open(edition: edition, entries: entry.map(EntryID.init), top: top, db: db)
            env.print(
                "The final ballot of the \(year) edition is open on entries \(shortlist.map { String($0.rawValue) }.joined(separator: ", ")). "
                    + "Each voting juror casts their own with `ecpa ballot cast`; `ecpa ballot status` shows who has voted.")
        }
    }

    struct Cast: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cast your ballot: rank the shortlist, best first (a prompt on a terminal, or --file).",
            discussion: """
                Rank every shortlisted entry except those you are in conflict with, which stay unranked \
                (they count for neither side, not as last). A ballot file has one entry number per \
                line, best first; anything after a # is a comment. You may cast again until the ballot \
                closes; your latest ballot counts.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @Option(help: "A ballot file: one entry number per line, best first.") var file: String?
        @Flag(help: "Cast without asking for confirmation on a terminal.") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let juror = try JurorResolver.resolve(nil, edition: edition, db: db)
            let paper = try FinalBallot.paper(edition: edition, juror: juror, db: db)
            guard !paper.toRank.isEmpty else {
                throw CLIError(
                    "You are in conflict with every entry on the \(edition.year) shortlist, so you have nothing to rank; the ballot closes without yours.",
                    status: .refused)
            }
            let ranking: [EntryID]
            if let file {
                let text = String(decoding: try InputFile.read(file, what: "the ballot file"), as: UTF8.self)
                let read = Ballot.parse(text, juror: juror.id, shortlist: paper.shortlist.map(\.id), conflicts: paper.conflicts)
                guard let ballot = read.ballot else { throw Self.problems(read.problems, paper: paper, file: file) }
                ranking = ballot.ranking
            } else {
                guard env.inputIsTerminal else {
                    throw CLIError(
                        "Give the ballot with --file FILE (one entry number per line, best first), or run this on a terminal to be asked.",
                        status: .usage)
                }
                ranking = try Self.prompt(paper, env: env)
                if !yes {
                    env.writeError("Cast this ballot? It is sealed until the ballot closes. [y/N] ")
                    guard let answer = env.readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                        throw CLIError("Nothing was cast.", status: .refused)
                    }
                }
            }
            do {
                try FinalBallot.cast(ranking, on: paper, db: db)
            } catch let error as BallotCountError {
                throw Self.problems(error.problems, paper: paper, file: nil)
            }
            env.print(
                "Your ballot for the \(edition.year) edition is cast: \(ranking.map { Self.name($0, paper) }.joined(separator: ", ")). "
                    + "It is sealed until the ballot closes; you may cast again until then.")
        }

        /// Asks for the entries one place at a time, listing those still to rank.
        static func prompt(_ paper: FinalBallot.Paper, env: CLIEnvironment) throws -> [EntryID] {
            env.info("The final ballot of the \(paper.edition.year) edition. Rank these entries, best first:")
            for entry in paper.toRank { env.info("  \(entry.id)  \(entry.country.rawValue)  \(entry.form.title ?? "")") }
            for entry in paper.shortlist where paper.conflicts.contains(entry.id) {
                env.info("  (entry \(entry.id), \(entry.country.rawValue): you are in conflict with it; it stays unranked)")
            }
            var ranking: [EntryID] = []
            var left = paper.toRank.map(\.id)
            while left.count > 1 {
                env.writeError("Place \(ranking.count + 1) (entry number; left: \(left.map { String($0.rawValue) }.joined(separator: ", "))): ")
                guard let line = env.readLine() else {
                    throw CLIError("Input ended before the ballot was complete; nothing was cast.", status: .invalidInput)
                }
                guard let number = Int64(line.trimmingCharacters(in: .whitespaces)), let index = left.firstIndex(of: EntryID(number)) else {
                    env.info("That is not one of the entries left to rank; type one of their numbers.")
                    continue
                }
                ranking.append(left.remove(at: index))
            }
            ranking += left
            env.info("Your ballot: " + ranking.enumerated().map { "\($0.offset + 1). \(name($0.element, paper))" }.joined(separator: ", "))
            return ranking
        }

        static func name(_ entry: EntryID, _ paper: FinalBallot.Paper) -> String {
            paper.shortlist.first { $0.id == entry }.map { "entry \(entry) (\($0.country.rawValue))" } ?? "entry \(entry)"
        }

        static func problems(_ problems: [BallotProblem], paper: FinalBallot.Paper, file: String?) -> CLIError {
            let lines = problems.map { problem in
                (problem.line.map { "  line \($0): " } ?? "  ") + problem.message(naming: { name($0, paper) })
            }
            return CLIError(
                "The ballot\(file.map { " in \($0)" } ?? "") has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was cast:\n"
                    + lines.joined(separator: "\n"), status: .invalidInput, code: problems.first?.code)
        }
    }

    struct Mine: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Show the ballot you have cast (a juror sees only their own).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            guard let mine = try BallotRepository(db).mine(edition: edition.id) else {
                throw CLIError("You have not cast a ballot in the \(edition.year) edition.", status: .notFound)
            }
            let countries = Dictionary(
                uniqueKeysWithValues: try EntryRepository(db).fetchEntries(edition: edition.id, answers: false).map { ($0.id, $0.country.rawValue) })
            let records = mine.ranking.enumerated().map {
                Record([
                    ("place", .integer(Int64($0.offset + 1))), ("entry", .integer($0.element.rawValue)), ("country", .text(countries[$0.element])),
                ])
            }
            env.write(Renderer.list(records, columns: ["place", "entry", "country"], format: output.format))
            if output.format == .table { env.info("Cast \(TimeText.display(mine.castAt, in: edition.zone)).") }
        }
    }

    struct Status: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Show who has voted, never what (secretariat).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let turnout = try BallotRepository(db).turnout(edition: edition.id)
            let jurors = Dictionary(uniqueKeysWithValues: try JuryRepository(db).fetchJurors(edition: edition.id).map { ($0.id, $0) })
            let records = turnout.map { row in
                Record([
                    ("juror", .text(jurors[row.juror]?.roleName ?? row.juror.description)),
                    ("voted", .bool(row.castAt != nil)), ("cast_at", .time(row.castAt, zone: edition.zone)),
                ])
            }
            env.write(Renderer.list(records, columns: ["juror", "voted", "cast_at"], format: output.format))
        }
    }

    struct Close: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close the final ballot and seal its ballots (secretariat).",
            discussion: """
                Every voting juror must have voted, unless --without-missing. It cannot be undone: nobody \
                casts a ballot afterwards. On a terminal you are asked to confirm; scripts pass --yes.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The year of the edition.") var year: Int
        @Flag(help: "Close although some voting jurors have not voted; their ballots are left out.") var withoutMissing = false
        @Flag(help: "Close without asking (required when not on a terminal).") var yes = false

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try EditionRepository(db).requireEdition(year: year)
            // A ballot that may not close (not open, a voting juror yet to vote) is refused by
            // PostgreSQL with its reason, so nobody is asked in vain; should it become closable
            // meanwhile, closing is what was typed.
            if !yes, edition.phase == .scoring, edition.stage == .ballot {
                let turnout = try BallotRepository(db).turnout(edition: edition.id)
                let missing = turnout.filter { $0.castAt == nil }.count
                let cast = turnout.count - missing
                if missing == 0 || withoutMissing {
                    let left =
                        missing == 0
                        ? "" : " \(missing) voting juror\(missing == 1 ? " has" : "s have") not voted and \(missing == 1 ? "is" : "are") left out."
                    try Confirmation(
                        consequence:
                            "Closing the \(year) final ballot seals its \(cast) ballot\(cast == 1 ? "" : "s") in the ledger; nobody casts or changes a ballot afterwards.\(left)",
                        question: "Close the \(year) final ballot?", declined: "The \(year) final ballot is still open."
                    ).require(yes: false, env: env)
                }
            }
            let digest = try FinalBallot.close(edition: edition, withoutMissing: withoutMissing, db: db)
            env.print(
                "The final ballot of the \(year) edition is closed; its ballots are sealed in the ledger (SHA-256 \(digest.prefix(16))…). "
                    + "`ecpa ballot count --edition \(year)` shows the count.")
        }
    }

    struct Count: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the closed ballot: the pairwise counts, the strongest paths and the order (secretariat; everyone once published).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EditionSelection
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let edition = try selection.resolve(db)
            let (scores, record) = try FinalBallot.record(edition: edition, db: db)
            guard let count = record.count else {
                throw CLIError(BallotCountError(problems: record.problems).description, status: .failure, code: "ballot.uncountable")
            }
            let name = { (id: EntryID) in scores.entry(id).map { "\(id) \($0.country.rawValue)" } ?? id.description }
            switch output.format {
            case .json:
                let matrix = { (rows: [[Int]]) in JSONValue.array(rows.map { .array($0.map { .integer(Int64($0)) }) }) }
                env.write(
                    JSONWriter.document(
                        .object([
                            (key: "edition", value: .integer(Int64(edition.year))),
                            (key: "shortlist", value: .array(count.shortlist.map { .integer($0.rawValue) })),
                            (key: "ballots", value: .integer(Int64(count.jurors.count))),
                            (key: "counts", value: matrix(count.counts)),
                            (key: "strongest_paths", value: matrix(count.strongest)),
                            (key: "order", value: .array(count.order.map { .array($0.map { .integer($0.rawValue) }) })),
                            (key: "ties", value: .texts(count.ties.map { $0.sentence(naming: name) })),
                        ])))
            case .csv:
                // One rectangle: each row of both matrices, named by its matrix.
                let matrices: [(label: String, matrix: [[Int]])] = [("counts", count.counts), ("strongest_paths", count.strongest)]
                let rows: [Record] = matrices.flatMap { label, matrix -> [Record] in
                    count.shortlist.indices.map { i -> Record in
                        Record(
                            [("matrix", .text(label)), ("entry", .integer(count.shortlist[i].rawValue))]
                                + count.shortlist.indices.map { j in (String(count.shortlist[j].rawValue), Value.integer(Int64(matrix[i][j]))) })
                    }
                }
                env.write(Renderer.list(rows, columns: ["matrix", "entry"] + count.shortlist.map { String($0.rawValue) }, format: .csv))
            case .table:
                let rows = { (matrix: [[Int]]) in
                    count.shortlist.indices.map { i in
                        Record(
                            [("entry", .text(name(count.shortlist[i])))]
                                + count.shortlist.indices.map { j in
                                    (name(count.shortlist[j]), i == j ? Value.text("-") : .integer(Int64(matrix[i][j])))
                                })
                    }
                }
                let columns = ["entry"] + count.shortlist.map(name)
                env.print("\(count.jurors.count) ballots counted. Jurors who put the row's entry above the column's:")
                env.write(Renderer.list(rows(count.counts), columns: columns, format: .table))
                env.print("The strongest path from the row's entry to the column's (winning votes):")
                env.write(Renderer.list(rows(count.strongest), columns: columns, format: .table))
                env.print("Order: " + count.places.map { "\($0.place). \(name($0.entry))" }.joined(separator: ", "))
                for tie in count.ties { env.print(tie.sentence(naming: name)) }
            }
        }
    }
}
