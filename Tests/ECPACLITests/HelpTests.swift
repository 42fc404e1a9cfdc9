import ECPACLI
import Foundation
import Testing

/// The help screens people read first, pinned so a change to them is a deliberate one.
@Suite struct HelpTests {
    func help(_ arguments: [String]) -> (status: Int32, output: String) {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let env = CLIEnvironment(
            variables: [:], now: { Date(timeIntervalSince1970: 0) },
            write: { box.text += $0 }, writeError: { box.text += $0 })
        let status = ECPACommand.run(arguments: arguments, in: env)
        return (status, box.text)
    }

    @Test func rootHelpListsTheCommandGroups() {
        let (status, output) = help(["--help"])
        #expect(status == 0)
        #expect(
            output == """
                OVERVIEW: Run the European Crime Prevention Award: editions, entries, juries
                and results.

                Commands are `ecpa <noun> <verb>`. Every command that prints data takes
                --format table|json|csv. The database is --db, ECPA_DATABASE_URL or libpq's PG*
                variables; with none of them, ecpa uses its own local PostgreSQL cluster (see
                `ecpa local`).

                USAGE: ecpa <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  demo                    Play the 2018 edition from the call for entries to
                                          the winners' report.
                  edition                 Create editions and move them through their phases.
                  entry                   Write, check, submit and manage entries (the Annex I
                                          template).
                  user                    Create and list the people who use ecpa, each a
                                          PostgreSQL login role.
                  scheme                  Show and set an edition's scoring scheme (criteria,
                                          weights, scale, tie-breaks).
                  jury                    Seat the jury of an edition and record conflicts of
                                          interest.
                  score                   Enter, import and review scores.
                  ballot                  The jury's final ballot: each voting juror ranks a
                                          shortlist; counted by Schulze's method.
                  results                 Rank the entries, explain the ranking, set jury
                                          overrides, keep the jury's decision record and verify
                                          frozen results.
                  report                  Write the winners' report, the booklet or the
                                          feedback letters.
                  site                    Write the public results site: every published
                                          edition, its entries and the archive.
                  archive                 Look up past editions: hosts, themes and medal
                                          winners, each fact with its certainty.
                  db                      Apply and inspect the database schema's migrations;
                                          see and end sessions.
                  local                   Manage the embedded local database.

                  See 'ecpa help <subcommand>' for detailed help.

                """)
    }

    @Test func entrySubmitHelpExplainsWhatIsReplaced() {
        let (status, output) = help(["entry", "submit", "--help"])
        #expect(status == 0)
        #expect(
            output == """
                OVERVIEW: Create or update your country's entry from a file and submit it.

                A competing entry updates your country's draft if there is one; an entry that
                is already submitted is changed only when you name it with --entry. Everything
                happens in one transaction: on any problem nothing is written. On a terminal
                without a file, ecpa asks for each field of the template in turn (long answers
                open $EDITOR), checks each answer as you give it and saves it at once to a file
                (entry-CC-YEAR.toml, or --save-as), then offers to submit; after Ctrl-C,
                --resume FILE goes on where you stopped. A submission prints a receipt with the
                SHA-256 of the text received, which `ecpa entry show` prints too.

                USAGE: ecpa entry submit [--db <url>] [--as <role>] [--format <format>] [--wide] [<file>] [--edition <edition>] [--entry <entry>] [--draft] [--save-as <save-as>] [--resume <file>]

                ARGUMENTS:
                  <file>                  The entry file (leave it out on a terminal to be
                                          asked field by field).

                OPTIONS:
                  --db <url>              PostgreSQL connection URL or conninfo string.
                        Without it: ECPA_DATABASE_URL, then libpq's own PG* variables, then the
                        embedded local database.
                  --as <role>             Act as this role (SET ROLE); your login must be a
                                          member of it.
                  --format <format>       How to print the result. (values: table, json, csv;
                                          default: table)
                  --wide                  Show every table cell whole, however long.
                  --edition <edition>     The edition's year, when the file does not say.
                  --entry <entry>         Update this entry (by id) instead of your country's
                                          draft.
                  --draft                 Save as a draft without submitting.
                  --save-as <save-as>     Without a file: where to save your answers (default:
                                          entry-CC-YEAR.toml here).
                  --resume <file>         Go on answering on a terminal where you stopped, from
                                          the answers saved in this file.
                  --version               Show the version.
                  -h, --help              Show help information.

                """)
    }

    @Test func dbConnectionsHelpSaysWhatEndingASessionDoes() {
        let (status, output) = help(["db", "connections", "--help"])
        #expect(status == 0)
        #expect(
            output == """
                OVERVIEW: List the sessions connected to the database, or end one
                (secretariat).

                A session that keeps a transaction open holds its locks until it ends, and
                commands that need them give up after ECPA_LOCK_TIMEOUT, naming it. Its owner
                can finish; otherwise the secretariat ends the session with `ecpa db
                connections end PID`, which rolls back whatever it has not committed.

                USAGE: ecpa db connections <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  list (default)          List every session on the database: its login, state,
                                          age and what it waits for (secretariat).
                  end                     End another person's session; what it has not
                                          committed is rolled back (secretariat).

                  See 'ecpa help db connections <subcommand>' for detailed help.

                """)
    }

    @Test func dbConnectionsListHelpOffersTheFormats() {
        let (status, output) = help(["db", "connections", "list", "--help"])
        #expect(status == 0)
        #expect(
            output == """
                OVERVIEW: List every session on the database: its login, state, age and what it
                waits for (secretariat).

                No session's query is shown. Your own session is in the list too, as active.

                USAGE: ecpa db connections list [--db <url>] [--as <role>] [--format <format>] [--wide]

                OPTIONS:
                  --db <url>              PostgreSQL connection URL or conninfo string.
                        Without it: ECPA_DATABASE_URL, then libpq's own PG* variables, then the
                        embedded local database.
                  --as <role>             Act as this role (SET ROLE); your login must be a
                                          member of it.
                  --format <format>       How to print the result. (values: table, json, csv;
                                          default: table)
                  --wide                  Show every table cell whole, however long.
                  --version               Show the version.
                  -h, --help              Show help information.

                """)
    }

    @Test func dbConnectionsEndHelpAsksForConfirmation() {
        let (status, output) = help(["db", "connections", "end", "--help"])
        #expect(status == 0)
        #expect(
            output == """
                OVERVIEW: End another person's session; what it has not committed is rolled
                back (secretariat).

                Asks for confirmation on a terminal; without one, give --yes. A superuser's
                session, and your own, cannot be ended this way.

                USAGE: ecpa db connections end [--db <url>] [--as <role>] <pid> [--yes]

                ARGUMENTS:
                  <pid>                   The session's process id, as `ecpa db connections`
                                          lists it.

                OPTIONS:
                  --db <url>              PostgreSQL connection URL or conninfo string.
                        Without it: ECPA_DATABASE_URL, then libpq's own PG* variables, then the
                        embedded local database.
                  --as <role>             Act as this role (SET ROLE); your login must be a
                                          member of it.
                  --yes                   Do not ask for confirmation.
                  --version               Show the version.
                  -h, --help              Show help information.

                """)
    }

    @Test func aMissingRequiredOptionIsAUsageError() {
        let (status, output) = help(["edition", "create", "--year", "2026"])
        #expect(status == 64)
        #expect(output.hasPrefix("Error: Missing expected argument '--theme <theme>'"))
    }

    @Test func crossFlagChecksSayWhatToDo() {
        let (status, output) = help([
            "edition", "create", "--year", "2026", "--theme", "T", "--host", "DK",
            "--opens", "2026-05-01 00:00", "--closes", "2026-04-01 00:00",
        ])
        #expect(status == 64)
        #expect(output.hasPrefix("Error: '--closes' must be after '--opens'."))
    }

    @Test func completionScriptsKnowTheCommands() {
        for shell in ["bash", "zsh", "fish"] {
            let (status, output) = help(["--generate-completion-script", shell])
            #expect(status == 0)
            #expect(output.contains("accept-late"), "\(shell)")
            #expect(output.contains("include-juror-scores"), "\(shell)")
        }
    }
}
