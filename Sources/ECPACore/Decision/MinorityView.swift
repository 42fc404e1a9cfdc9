import Foundation

/// A juror's minority view on a medal, kept in the decision record beside the jury's reasons.
public struct MinorityView: Hashable, Sendable {
    /// Orders the views of a medal: the order in which they were first written.
    public var id: Int64
    public var medal: Medal
    public var juror: JurorID
    public var text: String

    public init(id: Int64, medal: Medal, juror: JurorID, text: String) {
        self.id = id
        self.medal = medal
        self.juror = juror
        self.text = text
    }
}
