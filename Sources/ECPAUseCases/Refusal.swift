/// A use case that cannot do what was asked, for a reason in the award's rules (not a fault): the
/// scores are not all in, the edition is not frozen yet. `code` is stable, for scripts; `message` is
/// one or two sentences for people, saying what to do.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of answer this is, which a front end turns into its own (an exit status, say).
    public enum Kind: Sendable {
        /// The award's state does not allow it now.
        case refused
        /// What was checked is wrong: a verification found problems.
        case failed
        /// What was asked for does not exist, such as a year the archive does not know.
        case notFound
        /// The current role may not see or do it, such as a juror asking for other jurors' severity.
        case permissionDenied
    }

    public var code: String
    public var kind: Kind
    public var message: String

    public init(_ code: String, _ kind: Kind = .refused, _ message: String) {
        self.code = code
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
