import Foundation

/// Which scores are in: each (entry, juror) cell as scored, partial, conflict, abstained or missing
/// (DESIGN.md section 4: a conflicted cell is structurally missing, never zero).
public struct CoverageMatrix: Sendable, Equatable {
    /// The state of one entry-juror cell.
    public enum Cell: Sendable, Equatable {
        case scored
        case partial(given: Int, of: Int)
        case conflict
        case abstained
        case missing

        /// The word shown in tables and JSON.
        public var word: String {
            switch self {
            case .scored: return "scored"
            case .partial: return "partial"
            case .conflict: return "conflict"
            case .abstained: return "abstained"
            case .missing: return "missing"
            }
        }
    }

    /// One juror's progress over the cells they must fill.
    public struct Progress: Sendable, Equatable {
        public var juror: JurorID
        public var scored: Int
        public var partial: Int
        public var missing: Int
        public var conflicts: Int
        public var abstained: Int
        /// Cells the juror must score: every entry except conflicts and abstentions.
        public var required: Int { scored + partial + missing }
    }

    public let entries: [EntryID]
    public let jurors: [JurorID]
    public let cells: [EntryID: [JurorID: Cell]]

    /// Builds the matrix from what is stored.
    public init(entries: [EntryID], jurors: [JurorID], criteriaCount: Int, scores: [Score],
                conflicts: [Conflict], abstentions: Set<[Int64]>) {
        self.entries = entries
        self.jurors = jurors
        var given: [EntryID: [JurorID: Int]] = [:]
        for score in scores { given[score.entry, default: [:]][score.juror, default: 0] += 1 }
        let conflicted = Set(conflicts.map { [$0.entry.rawValue, $0.juror.rawValue] })
        var cells: [EntryID: [JurorID: Cell]] = [:]
        for entry in entries {
            for juror in jurors {
                let key = [entry.rawValue, juror.rawValue]
                let count = given[entry]?[juror] ?? 0
                let cell: Cell
                if conflicted.contains(key) {
                    cell = .conflict
                } else if abstentions.contains(key) {
                    cell = .abstained
                } else if count >= criteriaCount {
                    cell = .scored
                } else if count > 0 {
                    cell = .partial(given: count, of: criteriaCount)
                } else {
                    cell = .missing
                }
                cells[entry, default: [:]][juror] = cell
            }
        }
        self.cells = cells
    }

    /// The state of one cell.
    public func cell(entry: EntryID, juror: JurorID) -> Cell {
        cells[entry]?[juror] ?? .missing
    }

    /// Each juror's counts, in the order of `jurors`.
    public var progress: [Progress] {
        jurors.map { juror in
            var progress = Progress(juror: juror, scored: 0, partial: 0, missing: 0, conflicts: 0, abstained: 0)
            for entry in entries {
                switch cell(entry: entry, juror: juror) {
                case .scored: progress.scored += 1
                case .partial: progress.partial += 1
                case .missing: progress.missing += 1
                case .conflict: progress.conflicts += 1
                case .abstained: progress.abstained += 1
                }
            }
            return progress
        }
    }

    /// Whether every required cell is fully scored.
    public var isComplete: Bool {
        progress.allSatisfy { $0.partial == 0 && $0.missing == 0 }
    }
}
