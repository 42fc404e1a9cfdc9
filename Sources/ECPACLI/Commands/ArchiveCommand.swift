import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

/// `ecpa archive`: the past editions, from the research notes and from the editions published in ecpa.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Look up past editions: hosts, themes and medal winners, each fact with its certainty.",
        discussion: """
            The archive holds the secretariat's research notes on past editions and every edition \
            published in ecpa; a published edition replaces the notes' row for its year. Each fact \
            is confirmed, inferred or unknown: in tables a trailing ? marks an inferred fact, \
            unknown one not found and none one known not to exist. See docs/archive.md.
            """,
        subcommands: [List.self, Show.self, Medals.self]
    )

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every year of the archive: host, city, theme and medal winners.",
            discussion:
                "Awards without a place (awarded, runner-up, special distinction) are in the last column. In JSON each fact is an object with its value and certainty."
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            env.write(ArchiveListing(editions: try Archive.editions(db: db)).render(format: output.format))
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything the archive knows about one year, with certainty, notes and sources.",
            discussion: "CSV gives one line per fact: fact, value, certainty, note, source.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The year of the edition.") var year: Int

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            env.write(ArchiveYearReport(edition: try Archive.edition(year: year, db: db)).render(format: output.format))
        }
    }

    struct Medals: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the archive's medals by country.",
            discussion: """
                Gold, silver, bronze and total count only placed medals whose award and country are \
                confirmed; awards without a place and awards with an inferred fact have columns of \
                their own, and awards whose country is unknown are listed, not counted. Sorted by \
                gold, silver, bronze, then name.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let (editions, table) = try Archive.medalTable(db: db)
            env.write(MedalTableReport(editions: editions, table: table).render(format: output.format))
        }
    }
}
