import Foundation

/// How the jury reaches its decision after scoring (issue "what the jury decides"): whether a
/// deliberation round follows scoring, in which jurors may revise their scores of the entries under
/// discussion, each revision with its reason, and which result decides the medals. Part of the
/// scheme, so it is sealed in the declaration when scoring opens.
public struct DecisionSettings: Hashable, Sendable, Codable {
    /// The result the medals follow.
    public enum Result: String, CaseIterable, Hashable, Sendable, Codable {
        /// The jurors' scores as they stood when scoring closed (round 1).
        case scores
        /// The scores after the deliberation's revisions (round 2).
        case revisedScores = "revised-scores"
    }

    /// Whether a deliberation round follows scoring.
    public var deliberation: Bool
    public var decidedBy: Result

    public init(deliberation: Bool, decidedBy: Result) {
        self.deliberation = deliberation
        self.decidedBy = decidedBy
    }

    /// What a scheme file without a `[decision]` section declares: no deliberation, the scores decide.
    public static let `default` = DecisionSettings(deliberation: false, decidedBy: .scores)

    /// The keys of the `[decision]` section, in the order a scheme file writes them.
    static let keys = ["deliberation", "decided_by"]

    /// The revised scores can only decide after a deliberation that revises them.
    public var problems: [SchemeProblem] { problems(lines: [:]) }

    func problems(lines: [String: Int]) -> [SchemeProblem] {
        guard decidedBy == .revisedScores, !deliberation else { return [] }
        return [
            SchemeProblem(
                line: lines["decision.decided_by"], field: "decision.decided_by",
                message: "is \"revised-scores\", which needs a deliberation round: write deliberation = true, or decided_by = \"scores\".")
        ]
    }

    /// The section as a scheme file writes it.
    var tomlLines: [String] {
        ["[decision]", "deliberation = \(deliberation)", "decided_by = \"\(decidedBy.rawValue)\""]
    }
}
