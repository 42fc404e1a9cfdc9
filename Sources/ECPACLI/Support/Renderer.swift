import ECPACore
import Foundation

/// Renders records as an aligned table, JSON or CSV.
enum Renderer {
    /// A list: a table with a header row, a JSON array of objects, or CSV with a header.
    static func list(_ records: [Record], columns: [String], format: OutputFormat) -> String {
        switch format {
        case .json:
            if records.isEmpty { return "[]\n" }
            return "[\n" + records.map { "  " + $0.json }.joined(separator: ",\n") + "\n]\n"
        case .csv:
            let lines = [columns.map(csvField).joined(separator: ",")]
                + records.map { $0.fields.map { csvField($0.value.display) }.joined(separator: ",") }
            return lines.joined(separator: "\r\n") + "\r\n"
        case .table:
            let header = columns.map { $0.replacingOccurrences(of: "_", with: " ").uppercased() }
            let rows = records.map { $0.fields.map { singleLine($0.value.display) } }
            return table([header] + rows)
        }
    }

    /// One record: `key: value` lines, a JSON object, or a two-line CSV.
    static func single(_ record: Record, format: OutputFormat) -> String {
        switch format {
        case .json:
            return "{\n" + record.fields.map { "  \(JSONText.string($0.key)): \($0.value.json)" }
                .joined(separator: ",\n") + "\n}\n"
        case .csv:
            return list([record], columns: record.fields.map(\.key), format: .csv)
        case .table:
            let labels = record.fields.map { $0.key.replacingOccurrences(of: "_", with: " ") }
            let width = labels.map(\.count).max() ?? 0
            var out = ""
            for (label, field) in zip(labels, record.fields) {
                let text = ControlCharacters.escaped(field.value.display, multiline: true)
                let padded = label + ":" + String(repeating: " ", count: width - label.count + 1)
                if text.contains("\n") {
                    out += padded + "\n" + text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "    " + $0 }.joined(separator: "\n") + "\n"
                } else {
                    out += padded + text + "\n"
                }
            }
            return out
        }
    }

    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func singleLine(_ text: String) -> String {
        let flat = ControlCharacters.escaped(text.replacingOccurrences(of: "\n", with: " "), multiline: false)
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
