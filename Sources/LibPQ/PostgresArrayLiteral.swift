/// Writes and reads PostgreSQL's one-dimensional array literal text, such as `{a,"b,c",""}`.
enum PostgresArrayLiteral {
    static func format(_ elements: [String]) -> String {
        var text = "{"
        for (position, element) in elements.enumerated() {
            if position > 0 { text += "," }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    static func parse(_ text: String) throws -> [String] {
        var scalars = Substring(text).unicodeScalars[...]
        // Arrays with lower bounds other than 1 are prefixed with their dimensions, as in "[0:1]={a,b}".
        if scalars.first == "[" {
            guard let equals = scalars.firstIndex(of: "=") else { throw invalid() }
            scalars = scalars[scalars.index(after: equals)...]
        }
        guard scalars.popFirst() == "{" else { throw invalid() }
        var elements: [String] = []
        skipSpaces(&scalars)
        if scalars.first == "}" {
            scalars.removeFirst()
            guard scalars.isEmpty else { throw invalid() }
            return elements
        }
        while true {
            skipSpaces(&scalars)
            var element = String.UnicodeScalarView()
            switch scalars.first {
            case "\"":
                scalars.removeFirst()
                while true {
                    guard let scalar = scalars.popFirst() else { throw invalid() }
                    if scalar == "\"" { break }
                    if scalar == "\\" {
                        guard let escaped = scalars.popFirst() else { throw invalid() }
                        element.append(escaped)
                    } else {
                        element.append(scalar)
                    }
                }
                skipSpaces(&scalars)
            case "{":
                throw PQError.decoding("a multidimensional array cannot be decoded as [String]")
            default:
                var sawEscape = false
                while let scalar = scalars.first, scalar != ",", scalar != "}" {
                    scalars.removeFirst()
                    if scalar == "\\" {
                        guard let escaped = scalars.popFirst() else { throw invalid() }
                        element.append(escaped)
                        sawEscape = true
                    } else {
                        element.append(scalar)
                    }
                }
                var value = String(element)
                while value.last?.isWhitespace == true { value.removeLast() }
                if value.isEmpty { throw invalid() }
                if !sawEscape && value.uppercased() == "NULL" {
                    throw PQError.decoding("the array has a NULL element, which [String] cannot hold")
                }
                element = value.unicodeScalars
            }
            elements.append(String(element))
            switch scalars.popFirst() {
            case ",": continue
            case "}":
                guard scalars.isEmpty else { throw invalid() }
                return elements
            default: throw invalid()
            }
        }
    }

    private static func skipSpaces(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first, scalar.properties.isWhitespace { scalars.removeFirst() }
    }

    private static func invalid() -> PQError {
        PQError.decoding("not a valid one-dimensional array literal")
    }
}
