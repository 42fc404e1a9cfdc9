import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `results record`: the jury's decision record of an edition as the current role may read it (the
/// secretariat and the edition's jurors before publication, everyone after), with its jurors named.
public struct JuryDecision: Sendable {
    public let edition: Edition
    public let record: DecisionRecord
    /// Each juror seat as the record's reader may see it: a name before publication, a seat after.
    public let names: [JurorID: String]
    /// Whether the record is told without saying which juror wrote what (the public site): a seat
    /// and its country, beside the published scores by seat, would point at a juror's scores.
    public private(set) var anonymous = false

    /// The record, or a refusal for whoever may not read it yet.
    public static func load(edition: Edition, db: Connection) throws -> JuryDecision {
        try db.consistentRead { db in
            guard let decision = try loadIfReadable(edition: edition, db: db) else {
                throw Refusal(
                    "record.not_readable", .permissionDenied,
                    "Only the secretariat and the \(edition.year) jurors read the decision record until the results are published.")
            }
            return decision
        }
    }

    /// The record when the current role may read it, else nil; asks first, so that nothing is
    /// refused inside the caller's transaction.
    public static func loadIfReadable(edition: Edition, db: any SQLExecutor) throws -> JuryDecision? {
        let repository = DecisionRecordRepository(db)
        let source: RecordSource
        if edition.phase == .published {
            source = .published
        } else if try repository.mayReadLive(edition: edition.id) {
            source = .live
        } else {
            return nil
        }
        let record = try repository.fetchRecord(edition: edition.id, source: source)
        let jurors = try JuryRepository(db).fetchJurors(edition: edition.id, source: source)
        let names = Dictionary(uniqueKeysWithValues: jurors.map { ($0.id, "\($0.displayName) (\($0.country.rawValue))") })
        return JuryDecision(edition: edition, record: record, names: names)
    }

    public init(edition: Edition, record: DecisionRecord, names: [JurorID: String]) {
        self.edition = edition
        self.record = record
        self.names = names
    }

    /// The same record told without juror names or seats.
    public func withoutNames() -> JuryDecision {
        var copy = JuryDecision(edition: edition, record: record, names: [:])
        copy.anonymous = true
        return copy
    }

    /// A juror as the record names them.
    public func name(_ juror: JurorID) -> String { names[juror] ?? "juror \(juror.rawValue)" }

    /// Whether the record as read now still gives the hash the chair signed.
    public var signedHashHolds: Bool { record.signoff.map { $0.recordHash == record.hash } ?? false }

    /// The record's state in one sentence.
    public var statusSentence: String {
        guard let signoff = record.signoff else {
            return record.isEmpty
                ? "The \(edition.year) decision record is empty: the chair names a rapporteur for each medal with `ecpa results rapporteur`."
                : "The \(edition.year) decision record is a draft: the chair signs it with `ecpa results sign` once every medal has its reasons."
        }
        if anonymous { return "The jury's chair signed this decision record off." }
        let held =
            signedHashHolds
            ? "" : " The record read now does not give that hash; `ecpa results verify --edition \(edition.year)` says more."
        return "Signed off by the chair, \(name(signoff.chair)); SHA-256 \(signoff.recordHash).\(held)"
    }

    /// Each medal's part, gold first: its rapporteur, reasons (nil until written) and minority views.
    public var medals: [(medal: Medal, rapporteur: String?, reasons: String?, minority: [(juror: String, text: String)])] {
        Medal.allCases.compactMap { medal in
            let reasons = record.reasons(for: medal)
            let views = record.minorityViews(for: medal).map { (juror: name($0.juror), text: $0.text) }
            if reasons == nil && views.isEmpty { return nil }
            return (medal, reasons.map { name($0.rapporteur) }, reasons?.reasons, views)
        }
    }
}
