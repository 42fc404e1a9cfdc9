import Foundation

/// One line of a CSV file as spreadsheets write it: fields split on the separator, honouring
/// double quotes (a doubled quote inside quotes is a quote). Score sheets and lists of people
/// are read with it.
public enum CSVLine {
    /// The line's fields.
    public static func fields(_ line: String, separator: Character) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previousWasQuote = false
        for character in line {
            if quoted {
                if character == "\"" {
                    quoted = false
                    previousWasQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            if character == "\"" {
                if previousWasQuote { field.append("\"") }
                quoted = true
                previousWasQuote = false
                continue
            }
            previousWasQuote = false
            if character == separator {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// Whether a quote opened on the line is never closed (a field that would run on to the next line).
    public static func hasOpenQuote(_ line: String) -> Bool {
        line.filter { $0 == "\"" }.count % 2 == 1
    }
}
