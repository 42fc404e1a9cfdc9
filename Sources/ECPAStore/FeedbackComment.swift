/// A juror's comment on one criterion of an entry, as a feedback letter shows it: without the juror.
public struct FeedbackComment: Sendable, Equatable {
    /// The criterion's code.
    public var criterion: String
    public var text: String

    public init(criterion: String, text: String) {
        self.criterion = criterion
        self.text = text
    }
}
