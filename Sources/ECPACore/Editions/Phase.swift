import Foundation

/// Where an edition is in its yearly lifecycle (DESIGN section 3):
/// draft -> submissions open -> submissions closed -> scoring -> frozen -> published. Which moves
/// are allowed is PostgreSQL's rule (`editions_guard_phase`; PhaseRuleTests).
public enum Phase: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Being prepared by the secretariat; nothing can be submitted.
    case draft
    /// National representatives may submit entries until the deadline.
    case submissionsOpen = "submissions_open"
    /// No more entries; the secretariat checks eligibility.
    case submissionsClosed = "submissions_closed"
    /// Jurors score the eligible competing entries.
    case scoring
    /// Scores are locked and the ranking stored with its digest.
    case frozen
    /// Results are public.
    case published

    /// The phase in plain words, e.g. "submissions open".
    public var displayName: String {
        rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// Same as `displayName`.
    public var description: String { displayName }

    /// Orders phases along the lifecycle.
    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        order(of: lhs) < order(of: rhs)
    }

    private static func order(of phase: Phase) -> Int {
        allCases.firstIndex(of: phase) ?? 0
    }
}
