import Foundation

/// How far the voting jurors agree on the order of the entries: Kendall's coefficient of
/// concordance W with its chi-square test (DESIGN section 4, integrity extras).
public struct Agreement: Hashable, Sendable, Codable {
    /// W from 0 (no agreement) to 1 (identical orders); nil with fewer than two jurors or entries,
    /// or when every juror gave every entry the same total.
    public var w: Double?
    /// The number of voting jurors (m).
    public var jurorCount: Int
    /// The entries every voting juror scored (n of them), by id: W is computed over these.
    public var entries: [EntryID]
    /// The entries left out because some juror was in conflict, abstained or has not scored them.
    public var leftOut: [EntryID]
    /// m (n - 1) W, nil when W is.
    public var chiSquare: Double?
    /// n - 1.
    public var degreesOfFreedom: Int
    /// The chance of a chi-square at least this large if the jurors ranked at random; nil when W is.
    public var pValue: Double?
    /// The result in one or two plain sentences.
    public var sentence: String

    /// Records an agreement.
    public init(
        w: Double?, jurorCount: Int, entries: [EntryID], leftOut: [EntryID], chiSquare: Double?,
        degreesOfFreedom: Int, pValue: Double?, sentence: String
    ) {
        self.w = w
        self.jurorCount = jurorCount
        self.entries = entries
        self.leftOut = leftOut
        self.chiSquare = chiSquare
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.sentence = sentence
    }
}
