import ECPACore
import LibPQ

/// What only a feedback letter shows: the jurors' comments on an entry, anonymised (sql/0035).
public struct FeedbackRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// The comments on an entry, by criterion and then by the comment's SHA-256, never by juror.
    /// PostgreSQL refuses (42501) unless the edition is published and the caller is the secretariat
    /// or the national representative of the entry's country.
    public func fetchComments(entry: EntryID) throws -> [FeedbackComment] {
        try translating {
            try db.query("SELECT criterion_code, comment FROM ecpa.feedback_comments(\(entry.rawValue))").map { row in
                FeedbackComment(criterion: try row.decode("criterion_code"), text: try row.decode("comment"))
            }
        }
    }
}
