import ECPACore
import ECPAStore
import LibPQ

extension RecordSource {
    /// Where the current role reads an edition's records from: the tables before publication and
    /// for the secretariat; once the edition is published, the published functions for everyone
    /// else, who may not read the jurors', entries' or scores' tables themselves (issue 12, item 5:
    /// representatives and the public read what is published through PostgreSQL's rights).
    public static func forCurrentRole(edition: Edition, db: any SQLExecutor) throws -> RecordSource {
        guard edition.phase == .published else { return .live }
        return try PersonRepository(db).currentIdentity().isSecretariat ? .live : .published
    }
}
