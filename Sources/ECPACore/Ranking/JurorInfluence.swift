import Foundation

/// What the podium would be without one voting juror (DESIGN section 4, integrity extras:
/// leave-one-juror-out podium stability).
public struct JurorInfluence: Hashable, Sendable, Codable {
    /// The juror left out.
    public var juror: JurorID
    /// The medal winners without them; empty when no ranking could be made.
    public var podium: [RankedEntry]
    /// The medals whose holders change.
    public var changes: [MedalChange]
    /// E.g. "Without juror 3 the podium is unchanged." or "Without juror 3, gold goes to
    /// Lithuania instead of Finland; silver goes to Finland instead of Lithuania."
    public var sentence: String

    /// Records one juror's influence.
    public init(juror: JurorID, podium: [RankedEntry], changes: [MedalChange], sentence: String) {
        self.juror = juror
        self.podium = podium
        self.changes = changes
        self.sentence = sentence
    }

    /// Whether leaving the juror out changes any medal.
    public var changesPodium: Bool { !changes.isEmpty }
}
