import Foundation

/// Why a final ballot cannot be counted: every problem with the shortlist and the ballots, by
/// juror. Nothing is counted while there is one.
public struct BallotCountError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, by juror and line.
    public var problems: [BallotProblem]

    /// Makes the error.
    public init(problems: [BallotProblem]) {
        self.problems = problems
    }

    /// One sentence per problem after a short lead.
    public var description: String {
        "The ballot cannot be counted: " + problems.map(\.description).joined(separator: " ")
    }
}
