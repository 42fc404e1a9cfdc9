import Foundation

/// How the jury reaches its decision after scoring (issue "what the jury decides"): whether a
/// deliberation round follows scoring, in which jurors may revise their scores of the entries under
/// discussion, each revision with its reason; whether a final ballot follows, in which the voting
/// jurors rank a shortlist; and which result decides the medals. Part of the scheme, so it is
/// sealed in the declaration when scoring opens.
public struct DecisionSettings: Hashable, Sendable, Codable {
    /// The result the medals follow.
    public enum Result: String, CaseIterable, Hashable, Sendable, Codable {
        /// The jurors' scores as they stood when scoring closed (round 1).
        case scores
        /// The scores after the deliberation's revisions (round 2).
        case revisedScores = "revised-scores"
        /// The final ballot, counted by Schulze: it orders the shortlisted entries among the places
        /// they hold by the scores (the revised scores after a deliberation).
        case ballot
    }

    /// Whether a deliberation round follows scoring.
    public var deliberation: Bool
    /// Whether a final ballot follows scoring (and the deliberation, when there is one).
    public var ballot: Bool
    public var decidedBy: Result

    public init(deliberation: Bool, ballot: Bool = false, decidedBy: Result) {
        self.deliberation = deliberation
        self.ballot = ballot
        self.decidedBy = decidedBy
    }

    /// Whether the ranking is made from the revised scores (round 2, each cell's latest revision):
    /// when they decide, and beneath a ballot that decides.
    public var ranksRevisedScores: Bool { decidedBy != .scores }

    /// What a scheme file without a `[decision]` section declares: no deliberation, the scores decide.
    public static let `default` = DecisionSettings(deliberation: false, ballot: false, decidedBy: .scores)

    /// The keys of the `[decision]` section, in the order a scheme file writes them.
    static let keys = ["deliberation", "ballot", "decided_by"]

    /// The revised scores can only decide after a deliberation that revises them, and the ballot
    /// only when there is one.
    public var problems: [SchemeProblem] { problems(lines: [:]) }

    func problems(lines: [String: Int]) -> [SchemeProblem] {
        let field = "decision.decided_by"
        switch decidedBy {
        case .revisedScores where !deliberation:
            return [
                SchemeProblem(
                    line: lines[field], field: field,
                    message: "is \"revised-scores\", which needs a deliberation round: write deliberation = true, or decided_by = \"scores\".")
            ]
        case .ballot where !ballot:
            return [
                SchemeProblem(
                    line: lines[field], field: field,
                    message: "is \"ballot\", which needs a final ballot: write ballot = true, or decided_by = \"scores\".")
            ]
        default:
            return []
        }
    }

    /// What follows scoring and what decides, in one sentence: "a deliberation follows scoring, then
    /// a final ballot; the ballot decides the medals."
    public var sentence: String {
        guard deliberation || ballot else { return "the scores decide the medals; no deliberation." }
        let rounds = [deliberation ? "a deliberation" : nil, ballot ? "a final ballot" : nil].compactMap { $0 }
        let result =
            switch decidedBy {
            case .scores: deliberation ? "the round-1 scores decide" : "the scores decide"
            case .revisedScores: "the revised scores (round 2) decide"
            case .ballot: "the ballot decides"
            }
        return "\(rounds.joined(separator: " follows scoring, then ")) follow\(rounds.count == 1 ? "s scoring" : "s"); \(result) the medals."
    }

    /// The section as a scheme file writes it; `ballot` only when there is one, so that schemes
    /// declared before the ballot existed keep their bytes (sql/0033 writes the same).
    var tomlLines: [String] {
        ["[decision]", "deliberation = \(deliberation)"] + (ballot ? ["ballot = true"] : [])
            + ["decided_by = \"\(decidedBy.rawValue)\""]
    }
}
