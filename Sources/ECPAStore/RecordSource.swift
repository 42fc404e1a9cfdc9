/// Where an edition's records are read from: the tables themselves, as row-level security lets
/// the current role see them, or the views of published editions (sql/0025), which show everyone
/// the same rows, with jurors by seat and nothing personal.
public enum RecordSource: Sendable, Equatable {
    /// The tables, filtered by the current role's rights.
    case live
    /// The `published_*` views: published editions only.
    case published

    /// The qualified name of a table or of its published view, such as `ecpa.published_scores`.
    func table(_ name: String) -> String {
        switch self {
        case .live: "ecpa.\(name)"
        case .published: "ecpa.published_\(name)"
        }
    }
}
