import Foundation

/// A medal's part of the decision record (issue "what the jury decides", item 5): the rapporteur
/// the chair named and, once written, the jury's reasons.
public struct MedalReasons: Hashable, Sendable {
    public var medal: Medal
    public var rapporteur: JurorID
    /// Nil until the rapporteur has written them.
    public var reasons: String?

    public init(medal: Medal, rapporteur: JurorID, reasons: String?) {
        self.medal = medal
        self.rapporteur = rapporteur
        self.reasons = reasons
    }
}
