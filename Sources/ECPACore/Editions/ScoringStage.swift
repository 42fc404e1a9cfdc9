import Foundation

/// The stages of the scoring phase (issue "what the jury decides"), forward only: the scores
/// (round 1), the deliberation, the final ballot, and the ballot closed. An edition goes through
/// the stages its declaration names; PostgreSQL moves and guards them (sql/0032, sql/0033).
public enum ScoringStage: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    /// Jurors score; scoring may open and close.
    case scores
    /// Round 1 is sealed; jurors revise their scores of the entries under discussion.
    case deliberation
    /// The final ballot is open: voting jurors rank the shortlist.
    case ballot
    /// The ballot is closed and its ballots sealed; the secretariat may count them.
    case ballotClosed = "ballot-closed"

    /// In the order an edition goes through them.
    public static func < (a: ScoringStage, b: ScoringStage) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
