import ArgumentParser
import ECPACore
import ECPAStore
import LibPQ

/// `--edition YEAR`, defaulting to the newest edition.
struct EditionSelection: ParsableArguments {
    @Option(help: "The edition's year (default: the newest edition).")
    var edition: Int?

    func resolve(_ db: any SQLExecutor) throws -> Edition {
        let editions = EditionRepository(db)
        if let edition { return try editions.requireEdition(year: edition) }
        guard let newest = try editions.fetchEditions().first else {
            throw CLIError("There are no editions yet. The secretariat creates one with `ecpa edition create`.", status: .notFound)
        }
        return newest
    }
}
