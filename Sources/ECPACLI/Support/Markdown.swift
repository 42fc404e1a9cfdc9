import Foundation

/// Markdown as the winners' report writes it. Text from people (titles, names, reasons, labels,
/// themes) goes through `text`, so it reads exactly as written wherever it lands: HTML is written
/// as entities, so `<script>` stays text; the characters that would start emphasis, code, a link,
/// a strike-through or a new table cell are escaped with a backslash, and so is what would start a
/// heading, a list or a quote at the start; a line break becomes a space and any other control
/// character is shown by name, as on a terminal.
enum Markdown {
    /// Backslash-escaped anywhere in a text.
    static let escaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "~"]

    /// One line of inline text, read as written.
    static func text(_ text: String) -> String {
        let line = Renderer.visible(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
        let scalars = Array(line.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case _ where escaped.contains(scalar) || startsBlock(scalars, at: index):
                out += "\\" + String(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether the scalar would make the line a heading (`#`, `=`), a list item (`-`, `+` or `1.`,
    /// `1)` before a space) if the text started a line.
    static func startsBlock(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        let spaceAfter = index + 1 == scalars.count || scalars[index + 1] == " "
        if index == 0 { return scalar == "#" || scalar == "=" || ((scalar == "-" || scalar == "+") && spaceAfter) }
        return (scalar == "." || scalar == ")") && spaceAfter
            && scalars[..<index].allSatisfy { $0.isASCII && $0.properties.numericType == .decimal }
    }

    /// A table whose every cell goes through `text`.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(text).joined(separator: " | ") + " |\n" }
        return line(header) + "|" + String(repeating: "---|", count: header.count) + "\n" + rows.map(line).joined()
    }
}
