/// How tables are laid out for where they go: on a terminal, fitted to its width and coloured;
/// piped or with `--wide`, whole lines as before.
struct TableStyle: Sendable, Equatable {
    /// The width to fit, or nil for whole lines.
    var columns: Int?
    var palette: Palette
    /// `--wide`: every cell whole, even those a table otherwise cuts at 60 columns.
    var wide = false

    /// Whole lines, no colour: what scripts and tests read.
    static let plain = TableStyle(columns: nil, palette: .none)

    /// The style of the command being run, bound by `ECPACommand.run(arguments:in:)` from its
    /// environment and `--wide`: tables are rendered in many places that have no environment.
    @TaskLocal static var current = TableStyle.plain
}
