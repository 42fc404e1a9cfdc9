import ECPACore
import Foundation

/// Renders records as an aligned table, JSON or CSV: each through the one writer of its format
/// (`JSONWriter`, `CSVWriter`, `table`), so every command prints them alike.
enum Renderer {
    /// A list: a table with a header row, a JSON array of objects, or CSV with a header.
    static func list(_ records: [Record], columns: [String], format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONWriter.document(.array(records.map(\.jsonValue)))
        case .csv:
            return CSVWriter().document(header: columns, rows: records.map(\.csvCells))
        case .table:
            let header = columns.map { $0.replacingOccurrences(of: "_", with: " ").uppercased() }
            let rows = records.map { $0.fields.map { cell($0.value.display) } }
            return table([header] + rows)
        }
    }

    /// One record: `key: value` lines, a JSON object, or a two-line CSV.
    static func single(_ record: Record, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONWriter.document(record.jsonValue)
        case .csv:
            return list([record], columns: record.fields.map(\.key), format: .csv)
        case .table:
            let labels = record.fields.map { $0.key.replacingOccurrences(of: "_", with: " ") }
            let width = labels.map(DisplayWidth.of).max() ?? 0
            var out = ""
            for (label, field) in zip(labels, record.fields) {
                let text = ControlCharacters.escaped(field.value.display, multiline: true)
                let padded = DisplayWidth.padded(label + ":", to: width + 2)
                if text.contains("\n") {
                    out +=
                        padded + "\n"
                        + text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "    " + $0 }.joined(separator: "\n") + "\n"
                } else {
                    out += padded + text + "\n"
                }
            }
            return out
        }
    }

    /// Rows as columns aligned by display width (`DisplayWidth`), two spaces apart, each cell on
    /// one line with the characters a terminal acts on shown by name; the last column is not padded.
    /// The first row is the header. With a width (`TableStyle.current` on a terminal), the widest
    /// columns give way until the table fits, their cells cut with `…`; medals are coloured.
    static func table(_ rows: [[String]], style: TableStyle = .current) -> String {
        guard let first = rows.first else { return "" }
        let shown = rows.map { $0.map(visible) }
        var widths = Array(repeating: 0, count: first.count)
        for row in shown {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        if let columns = style.columns {
            widths = fitted(widths, header: shown[0], into: columns)
        }
        return shown.map { row in
            row.enumerated().map { index, cell in
                let width = index < widths.count ? widths[index] : DisplayWidth.of(cell)
                let cut = DisplayWidth.of(cell) > width ? DisplayWidth.prefix(cell, columns: max(0, width - 1)) + "…" : cell
                let padding = index == row.count - 1 || index >= widths.count ? 0 : max(0, width - DisplayWidth.of(cut))
                let painted = Medal(rawValue: cut).map { style.palette.medal($0, cut) } ?? cut
                return painted + String(repeating: " ", count: padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Column widths narrowed, widest first, until the table (two spaces between columns) fits in
    /// `columns`; no column narrower than its header or 10, whichever is more, unless it already is.
    static func fitted(_ widths: [Int], header: [String], into columns: Int) -> [Int] {
        var widths = widths
        let floors = widths.indices.map { index in
            min(widths[index], max(10, index < header.count ? DisplayWidth.of(header[index]) : 0))
        }
        var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - columns
        while excess > 0 {
            // The widest column that may still give way gives one column at a time, so the
            // long texts end up equally cut.
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    /// A cell of a list: shown like `visible`, cut to 60 columns ending in `…` when longer (unless `--wide`).
    static func cell(_ text: String) -> String {
        let flat = visible(text)
        return DisplayWidth.of(flat) > 60 && !TableStyle.current.wide ? DisplayWidth.prefix(flat, columns: 59) + "…" : flat
    }

    /// Text for one line of a terminal: every control character (tabs and line breaks too),
    /// bidirectional control and invisible character shown by name, as `<U+202E>`.
    static func visible(_ text: String) -> String {
        ControlCharacters.escaped(text, multiline: false)
    }
}
