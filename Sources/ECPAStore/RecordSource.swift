import ECPACore
import LibPQ

/// Where an edition's records are read from: the tables themselves, as row-level security lets
/// the current role see them, or the functions that return a published edition's records
/// (sql/0025), the same rows for everyone, with jurors by seat and nothing personal.
public enum RecordSource: Sendable, Equatable {
    /// The tables, filtered by the current role's rights.
    case live
    /// The `published_*` functions: published editions only.
    case published

    /// The relation to read an edition's records of a kind from: the table, such as
    /// `ecpa.scores`, or the function call `ecpa.published_scores(2018)`.
    func relation(_ name: String, edition: EditionID) -> SQL {
        switch self {
        case .live: SQL(unsafeRaw: "ecpa.\(name)")
        // The id is written in, a whole number, so that the relation can stand in a COPY too.
        case .published: SQL(unsafeRaw: "ecpa.published_\(name)(\(edition.rawValue))")
        }
    }
}
