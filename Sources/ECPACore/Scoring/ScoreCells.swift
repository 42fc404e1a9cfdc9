import Foundation

/// The scores of a matrix: per entry and juror, one value per criterion, in millionths, so a
/// million scores take a few megabytes and add up exactly without `Decimal`. The entries and
/// jurors the matrix was made for sit in one dense block (entry by entry, juror by juror); any
/// other pair (an ineligible entry, an advisory juror) gets a row after it. A value that does not
/// fit (more than six decimals, far off any scale, or for a criterion the matrix does not know)
/// is kept aside exactly, so that the ranking can name it as off the scale.
struct ScoreCells: Sendable {
    /// The criterion codes, in the order each pair's values are held.
    let codes: [String]
    private let columns: [String: Int]
    /// The dense block's entries and jurors, by their place in it.
    private let denseEntries: [EntryID: Int]
    private let denseJurors: [JurorID: Int]
    /// Where the values of other pairs start, after the dense block.
    private var rows: [EntryJurorPair: Int] = [:]
    /// `codes.count` values per pair; `absent` where there is none.
    private var units: [Int64]
    /// Values that do not fit in millionths.
    private(set) var irregular: [ScoreCell: Decimal] = [:]
    /// How many cells hold a value.
    private(set) var count = 0

    static let absent = Int64.min

    init(codes: [String], entries: [EntryID], jurors: [JurorID]) {
        self.codes = codes
        columns = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = Array(Set(entries)).sorted(), jurors = Array(Set(jurors)).sorted()
        denseEntries = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1, $0) })
        denseJurors = Dictionary(uniqueKeysWithValues: jurors.enumerated().map { ($1, $0) })
        units = Array(repeating: ScoreCells.absent, count: entries.count * jurors.count * codes.count)
    }

    /// The column of a criterion code, nil when the matrix does not know it.
    func column(of code: String) -> Int? { columns[code] }

    /// The first index of a pair's values in `units`, nil when the pair has none.
    func rowStart(_ pair: EntryJurorPair) -> Int? {
        if let e = denseEntries[pair.entry], let j = denseJurors[pair.juror] {
            return (e * denseJurors.count + j) * codes.count
        }
        return rows[pair]
    }

    /// The raw value at an index `rowStart` gave, `absent` when there is none.
    func unit(at index: Int) -> Int64 { units[index] }

    /// The millionths in a column of a pair, nil when there is none (or it is irregular).
    func units(_ pair: EntryJurorPair, column: Int) -> Int64? {
        guard let start = rowStart(pair) else { return nil }
        let value = units[start + column]
        return value == ScoreCells.absent ? nil : value
    }

    /// Whether a cell holds a value, fitting or not.
    func contains(_ cell: ScoreCell) -> Bool {
        if let column = columns[cell.criterion], units(EntryJurorPair(entry: cell.entry, juror: cell.juror), column: column) != nil {
            return true
        }
        return !irregular.isEmpty && irregular[cell] != nil
    }

    /// The exact value of a cell.
    func value(_ cell: ScoreCell) -> Decimal? {
        if let column = columns[cell.criterion],
            let units = units(EntryJurorPair(entry: cell.entry, juror: cell.juror), column: column)
        {
            return Millionths.decimal(units)
        }
        return irregular[cell]
    }

    /// Sets a cell's value in millionths, or removes it (nil).
    mutating func set(units value: Int64?, pair: EntryJurorPair, column: Int) {
        if !irregular.isEmpty,
            irregular.removeValue(forKey: ScoreCell(entry: pair.entry, juror: pair.juror, criterion: codes[column])) != nil
        {
            count -= 1
        }
        let index: Int
        if let start = rowStart(pair) {
            index = start + column
        } else {
            guard value != nil else { return }
            rows[pair] = units.count
            units += repeatElement(ScoreCells.absent, count: codes.count)
            index = units.count - codes.count + column
        }
        let had = units[index] != ScoreCells.absent
        units[index] = value ?? ScoreCells.absent
        count += (value != nil ? 1 : 0) - (had ? 1 : 0)
    }

    /// Sets a cell to any exact value, or removes it (nil).
    mutating func set(_ value: Decimal?, cell: ScoreCell) {
        let pair = EntryJurorPair(entry: cell.entry, juror: cell.juror)
        if let column = columns[cell.criterion] {
            let fitting = value.flatMap(Millionths.of)
            set(units: fitting, pair: pair, column: column)
            guard fitting == nil, value != nil else { return }
        }
        let had: Bool
        if let value {
            had = irregular.updateValue(value, forKey: cell) != nil
        } else {
            had = irregular.removeValue(forKey: cell) != nil
        }
        count += (value != nil ? 1 : 0) - (had ? 1 : 0)
    }

    /// Every cell with a value, in no particular order.
    func forEach(_ body: (ScoreCell, Decimal) -> Void) {
        var starts = Array(rows)
        for (entry, e) in denseEntries {
            for (juror, j) in denseJurors {
                starts.append((EntryJurorPair(entry: entry, juror: juror), (e * denseJurors.count + j) * codes.count))
            }
        }
        for (pair, start) in starts {
            for (column, code) in codes.enumerated() where units[start + column] != ScoreCells.absent {
                body(ScoreCell(entry: pair.entry, juror: pair.juror, criterion: code), Millionths.decimal(units[start + column]))
            }
        }
        for (cell, value) in irregular { body(cell, value) }
    }
}

extension ScoreCells: Hashable {
    /// Equal when they hold the same values, however they were filled.
    static func == (lhs: ScoreCells, rhs: ScoreCells) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var same = true
        lhs.forEach { cell, value in
            if same, rhs.value(cell) != value { same = false }
        }
        return same
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }
}
