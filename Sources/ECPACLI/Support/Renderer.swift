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
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let shown = rows.map { $0.map(visible) }
        var widths = Array(repeating: 0, count: first.count)
        for row in shown {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return shown.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 || index >= widths.count ? cell : DisplayWidth.padded(cell, to: widths[index])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A cell of a list: shown like `visible`, cut to 60 columns ending in `…` when longer.
    static func cell(_ text: String) -> String {
        let flat = visible(text)
        return DisplayWidth.of(flat) > 60 ? DisplayWidth.prefix(flat, columns: 59) + "…" : flat
    }

    /// Text for one line of a terminal: every control character (tabs and line breaks too),
    /// bidirectional control and invisible character shown by name, as `<U+202E>`.
    static func visible(_ text: String) -> String {
        ControlCharacters.escaped(text, multiline: false)
    }
}
