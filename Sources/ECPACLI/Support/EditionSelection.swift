import ArgumentParser
import ECPACore
import ECPAStore
import LibPQ

/// `--edition YEAR`, defaulting to the newest edition.
struct EditionSelection: ParsableArguments {
    @Option(help: "The edition's year (default: the newest edition).")
    var edition: Int?

    func resolve(_ db: any SQLExecutor) throws -> Edition {
        try Self.resolve(year: edition, db)
    }

    /// The edition of a year, or the newest one when no year is given.
    static func resolve(year: Int?, _ db: any SQLExecutor) throws -> Edition {
        let editions = EditionRepository(db)
        if let year { return try editions.requireEdition(year: year) }
        guard let newest = try editions.fetchEditions().first else {
            throw CLIError("There are no editions yet. The secretariat creates one with `ecpa edition create`.", status: .notFound)
        }
        return newest
    }
}
