import Foundation

/// A juror's revision of a round-1 score in the deliberation (issue "what the jury decides"): the
/// cell, its value before and after, and the juror's reason. The latest revision of a cell is its
/// round-2 value.
public struct Revision: Hashable, Sendable {
    public var id: Int64
    public var entry: EntryID
    public var juror: JurorID
    public var criterion: String
    public var oldValue: Decimal
    public var newValue: Decimal
    public var reason: String

    public init(id: Int64, entry: EntryID, juror: JurorID, criterion: String, oldValue: Decimal, newValue: Decimal, reason: String) {
        self.id = id
        self.entry = entry
        self.juror = juror
        self.criterion = criterion
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }
}

extension Array where Element == Revision {
    /// Each revised cell's round-2 value: its latest revision's new value.
    public var latestValues: [ScoreCell: Decimal] {
        var values: [ScoreCell: Decimal] = [:]
        for revision in sorted(by: { $0.id < $1.id }) { values[revision.cell] = revision.newValue }
        return values
    }

    /// Each revised cell's round-1 value: its first revision's old value.
    public var roundOneValues: [ScoreCell: Decimal] {
        var values: [ScoreCell: Decimal] = [:]
        for revision in sorted(by: { $0.id > $1.id }) { values[revision.cell] = revision.oldValue }
        return values
    }
}

extension Revision {
    /// The cell revised.
    public var cell: ScoreCell { ScoreCell(entry: entry, juror: juror, criterion: criterion) }
}

extension ScoreMatrix {
    /// The matrix with each cell's latest revision in place of its round-1 value (round 2).
    public func revised(by revisions: [Revision]) -> ScoreMatrix { replacing(revisions.latestValues) }

    /// The matrix with each revised cell back at its round-1 value.
    public func unrevised(by revisions: [Revision]) -> ScoreMatrix { replacing(revisions.roundOneValues) }

    private func replacing(_ values: [ScoreCell: Decimal]) -> ScoreMatrix {
        var matrix = self
        for (cell, value) in values { matrix.set(value, entry: cell.entry, juror: cell.juror, criterion: cell.criterion) }
        return matrix
    }
}

/// What the deliberation changed for one entry: how many scores were revised and by how many
/// jurors, and its score in round 1 and round 2 under the edition's method.
public struct DeliberationChange: Hashable, Sendable {
    public var entry: EntryID
    public var revisedScores: Int
    public var jurors: Int
    public var roundOne: Decimal?
    public var roundTwo: Decimal?

    /// Per revised entry, by id: `matrix` holds round 1 or round 2 (`revisedInMatrix`).
    public static func changes(
        _ matrix: ScoreMatrix, revisions: [Revision], revisedInMatrix: Bool, method: RankingMethod
    ) -> [DeliberationChange] {
        guard !revisions.isEmpty else { return [] }
        let two = revisedInMatrix ? matrix : matrix.revised(by: revisions)
        let one = revisedInMatrix ? matrix.unrevised(by: revisions) : matrix
        let options = RankingOptions(method: method, provisional: true)
        func scores(_ matrix: ScoreMatrix) -> [EntryID: Decimal] {
            let places = (try? rank(matrix, options: options).places) ?? []
            return Dictionary(places.map { ($0.entry, $0.score) }, uniquingKeysWith: { first, _ in first })
        }
        let (before, after) = (scores(one), scores(two))
        var cells: [EntryID: Set<ScoreCell>] = [:]
        for revision in revisions {
            cells[revision.entry, default: []].insert(ScoreCell(entry: revision.entry, juror: revision.juror, criterion: revision.criterion))
        }
        return cells.keys.sorted().map { entry in
            let revised = cells[entry] ?? []
            return DeliberationChange(
                entry: entry, revisedScores: revised.count, jurors: Set(revised.map(\.juror)).count, roundOne: before[entry],
                roundTwo: after[entry])
        }
    }
}
