import Foundation

/// HTML as the reports write it.
enum HTML {
    /// Text as HTML, for element content and double-quoted attributes: `& < > "` as entities, a
    /// line break as a space, any other control character (a bidirectional override, say) by name.
    static func text(_ text: String) -> String {
        Renderer.visible(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Text a person wrote, as paragraphs: a blank line starts a new `<p>`, a single line break is
    /// kept as `<br>`, so the jury's reasons read as they were written.
    static func paragraphs(_ text: String, class name: String? = nil) -> String {
        let open = name.map { "<p class=\"\($0)\">" } ?? "<p>"
        return text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { paragraph in open + paragraph.split(separator: "\n").map { Self.text(String($0)) }.joined(separator: "<br>") + "</p>" }
            .joined()
    }
}
