/// One CSV field: text that may come from people, guarded against formulas, or a value written
/// exactly as it is.
enum CSVCell: Sendable, Equatable {
    /// Text such as a title, a name or a reason: made inert when it begins like a formula.
    case text(String)
    /// Written as it is: numbers (a negative one begins with `-`), codes, times, column names,
    /// and the score sheet's value and comment, which `score import` reads back.
    case exact(String)

    var written: String {
        switch self {
        case .text(let text): return CSVWriter.inert(text)
        case .exact(let text): return text
        }
    }
}
