import Foundation

/// Why an edition cannot open for submissions with its window as it stands.
public enum OpeningProblem: Hashable, Sendable, CustomStringConvertible {
    /// The edition has no deadline yet.
    case noDeadline(year: Int)
    /// The deadline, shown in the edition's zone, has passed: every entry would be refused.
    case deadlinePassed(year: Int, deadline: String)

    public var description: String {
        switch self {
        case .noDeadline(let year):
            return "The \(year) edition has no submission deadline yet, so it was not opened. "
                + "Give one: `ecpa edition open \(year) --closes \"YYYY-MM-DD HH:MM\"`."
        case .deadlinePassed(let year, let deadline):
            return "The deadline of the \(year) edition, \(deadline), has already passed, so every entry would be refused; "
                + "nothing was changed. Give a later one: `ecpa edition open \(year) --closes \"YYYY-MM-DD HH:MM\"`."
        }
    }
}
