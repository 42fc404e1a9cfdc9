import ArgumentParser
import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

extension EntryCommand {
    /// `ecpa entry read`: entries in full, for reading, one after another.
    struct Read: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read entries in full, wrapped to your terminal's width and a screen at a time.",
            discussion: """
                Give entry ids, or --to-score for every entry you score in the edition (a juror: \
                not those you are in conflict with or abstained on), or --all for every entry you \
                may read, in the order of their numbers. On a terminal the text goes through your \
                pager ($PAGER, or less -R: space for the next screen, q to stop); piped or \
                redirected, it is written as it is, wrapped to $COLUMNS or 80 columns.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The edition's year (default: the newest edition).") var edition: Int?
        @Flag(name: .customLong("to-score"), help: "Every entry you score in the edition, in order (jurors).") var toScore = false
        @Flag(help: "Every entry you may read in the edition, in order (withdrawn ones left out).") var all = false
        @Argument(help: "The entries' ids.") var ids: [Int64] = []

        func validate() throws {
            guard [!ids.isEmpty, toScore, all].filter({ $0 }).count == 1 else {
                throw ValidationError("Give entry ids, '--to-score' or '--all' (one of them).")
            }
            if !ids.isEmpty && edition != nil {
                throw ValidationError("'--edition' goes with '--to-score' or '--all'; an entry id names its edition already.")
            }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let entries = try load(db)
            guard !entries.isEmpty else {
                env.info(toScore ? "There is no entry for you to score in this edition yet." : "There is no entry for you to read in this edition.")
                return
            }
            let width = env.columns
            let rule = String(repeating: "-", count: width)
            let text = entries.enumerated().map { index, entry in
                (entries.count > 1 ? "(\(index + 1) of \(entries.count))\n" : "") + EntryReading.text(entry, width: width)
            }.joined(separator: rule + "\n")
            Pager.show(text, env: env)
        }

        private func load(_ db: Connection) throws -> [Entry] {
            let repository = EntryRepository(db)
            if !ids.isEmpty { return try ids.map { try repository.requireEntry(id: EntryID($0)) } }
            let chosen = try EditionSelection.resolve(year: edition, db)
            if all {
                return try repository.fetchEntries(edition: chosen.id).filter { $0.state != .withdrawn }.sorted { $0.id.rawValue < $1.id.rawValue }
            }
            guard let entries = try EntriesToScore.load(edition: chosen, db: db) else {
                let identity = try PersonRepository(db).currentIdentity()
                throw CLIError(
                    "--to-score lists the entries a juror scores, and \(identity.role) is not a voting juror of the \(chosen.year) edition. Use --all to read every entry.",
                    status: .usage)
            }
            return entries
        }
    }
}
