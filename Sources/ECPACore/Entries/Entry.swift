import Foundation

/// A project sent to an edition, as stored: the Annex I form plus its place in the lifecycle.
public struct Entry: Sendable, Equatable {
    public var id: EntryID
    public var editionID: EditionID
    public var editionYear: Int
    public var country: CountryCode
    public var kind: EntryKind
    public var state: EntryState
    /// Why the secretariat found the entry ineligible (DESIGN.md section 3).
    public var ineligibleReason: String?
    /// The template's answers; `form.country`, `form.kind` and `form.edition` match the fields above.
    public var form: EntryForm
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var submittedAt: Date?
    public var withdrawnAt: Date?
    /// Whether the last change came in after the deadline under a late acceptance.
    public var acceptedLate: Bool

    public init(
        id: EntryID, editionID: EditionID, editionYear: Int, country: CountryCode, kind: EntryKind,
        state: EntryState, ineligibleReason: String? = nil, form: EntryForm, createdAt: Date,
        createdBy: String, updatedAt: Date, submittedAt: Date? = nil, withdrawnAt: Date? = nil,
        acceptedLate: Bool = false
    ) {
        self.id = id
        self.editionID = editionID
        self.editionYear = editionYear
        self.country = country
        self.kind = kind
        self.state = state
        self.ineligibleReason = ineligibleReason
        self.form = form
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.withdrawnAt = withdrawnAt
        self.acceptedLate = acceptedLate
    }
}
