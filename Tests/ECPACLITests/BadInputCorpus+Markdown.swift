import Foundation

extension BadInputCorpus {
    static let beginMarker = "<!-- corpus:begin -->"
    static let endMarker = "<!-- corpus:end -->"

    /// The corpus as docs/reliability.md shows it between the corpus markers (markers excluded):
    /// the number of cases of each kind, then one table per kind.
    static func markdown() -> String {
        var lines: [String] = []
        lines.append("| kind | cases |")
        lines.append("|---|---|")
        for kind in BadInput.Kind.allCases {
            lines.append("| \(kind.title.lowercased()) | \(cases.filter { $0.kind == kind }.count) |")
        }
        lines.append("| **total** | **\(cases.count)** |")
        for kind in BadInput.Kind.allCases {
            let ofKind = cases.filter { $0.kind == kind }
            lines.append("")
            lines.append("### \(kind.title) (\(ofKind.count))")
            lines.append("")
            lines.append("| case | typed | fed | exit | what ecpa says |")
            lines.append("|---|---|---|---|---|")
            for input in ofKind {
                let environment = input.environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
                let said = (input.output + input.error).split(separator: "\n").map { code(String($0)) }.joined(separator: "<br>")
                lines.append("| \(input.name) | \(code(environment + input.command)) | \(text(input.fed)) | \(input.exit) | \(said) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The document with the block between the markers written from the data.
    static func replacingBlock(in document: String) throws -> String {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else { throw CLIHarness.HarnessError(message: "docs/reliability.md has no \(beginMarker) ... \(endMarker) block") }
        return String(document[..<begin.upperBound]) + "\n" + markdown() + "\n" + String(document[end.lowerBound...])
    }

    /// The block between the markers as the document has it, if any.
    static func block(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return document[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .newlines)
    }

    /// A code span that holds backticks and pipes safely in a table cell.
    private static func code(_ text: String) -> String {
        text.isEmpty ? "" : "`` " + text.replacingOccurrences(of: "|", with: "\\|") + " ``"
    }

    /// Plain text in a table cell.
    private static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "*", with: "\\*")
            .replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "`", with: "\\`")
    }
}
