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
}
