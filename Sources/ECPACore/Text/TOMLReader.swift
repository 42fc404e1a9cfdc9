import Foundation

/// A value read from the entry file, before it is matched to a field.
enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    /// A number with a fraction or an exponent (`1.5`, `2.5e-1`), kept exact: it is read digit by
    /// digit into a Decimal, never through Double.
    case decimal(Decimal)
    case bool(Bool)
    case date(CalendarDate)
    /// An unquoted word that is not a number, date or boolean (`yes`, `2019-6-30`): the field
    /// decides what to say about it.
    case bare(String)
    case array([TOMLValue])
    /// A value with a syntax problem that has already been reported.
    case invalid
}

/// A `key = value` line of the entry file, with the table it sits in.
struct TOMLEntry: Hashable, Sendable {
    /// The full dotted path, table included: ["contact", "email"].
    var path: [String]
    /// The table header above the entry, [] at the top.
    var table: [String]
    var value: TOMLValue
    var line: Int
}

/// A `[table]` header line.
struct TOMLHeader: Hashable, Sendable {
    var path: [String]
    var line: Int
}

/// Reads the documented subset of TOML used by entry and scoring-scheme files: comments,
/// `key = value` with bare, quoted or dotted keys, basic and literal strings (single and
/// multi-line), booleans, integers, exact decimal numbers, bare dates, arrays (over several lines,
/// trailing comma allowed) and `[table]` headers, dotted ones such as `[criteria.focus]` included.
///
/// It never stops at the first mistake: each problem is recorded with its line and reading resumes
/// on the next line, so a person sees every mistake at once.
struct TOMLReader {
    private(set) var entries: [TOMLEntry] = []
    private(set) var headers: [TOMLHeader] = []
    private(set) var problems: [EntryProblem] = []

    private let wording: Wording
    private let text: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var table: [String] = []

    /// The examples syntax messages give, so each kind of file speaks of its own fields.
    struct Wording: Hashable, Sendable {
        /// A section header to show, e.g. "[contact]".
        var sectionExample: String
        /// What to say about sections after "arrays of tables are not supported; ".
        var sectionAdvice: String
        /// What to do instead of an inline table.
        var inlineTableAdvice: String
        /// A whole `key = value` line to show.
        var keyValueExample: String

        /// Entry files: one [contact] section.
        static let entryFile = Wording(
            sectionExample: "[contact]",
            sectionAdvice: "the only section is [contact]",
            inlineTableAdvice: "write the contact details under [contact]",
            keyValueExample: "title = \"Safe at home\""
        )
    }

    /// Reads the whole text; syntax messages use the wording of the kind of file being read.
    init(_ source: String, wording: Wording = .entryFile) {
        self.wording = wording
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        // CR LF and a lone CR both end a line; only LF is kept.
        for scalar in source.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        text = scalars
        readDocument()
    }

    // MARK: - Statements

    private mutating func readDocument() {
        while true {
            skipSpaces()
            guard let scalar = peek() else { return }
            switch scalar {
            case "\n":
                advance()
            case "#":
                skipToLineEnd()
            case "[":
                readHeader()
            default:
                readKeyValue()
            }
        }
    }

    private mutating func readHeader() {
        let start = line
        advance()
        if peek() == "[" {
            report(line: start, "arrays of tables ([[...]]) are not supported; \(wording.sectionAdvice).")
            skipToLineEnd()
            return
        }
        skipSpaces()
        guard let path = readKey(), expect("]") else {
            report(line: start, "a section header is a name in brackets, such as \(wording.sectionExample).")
            skipToLineEnd()
            return
        }
        table = path
        headers.append(TOMLHeader(path: path, line: start))
        finishLine(field: nil, "has more text after the section header; put a # before a comment.")
    }

    private mutating func readKeyValue() {
        let start = line
        guard let key = readKey() else {
            report(line: start, "expected a field name and a value, such as \(wording.keyValueExample).")
            skipToLineEnd()
            return
        }
        let path = table + key
        let field = path.joined(separator: ".")
        skipSpaces()
        guard expect("=") else {
            report(field: field, line: start, "must be followed by = and a value, such as \(wording.keyValueExample).")
            skipToLineEnd()
            return
        }
        skipSpaces()
        if atLineEnd() {
            report(field: field, line: start, "has no value after =; write \"\" to leave it empty.")
            entries.append(TOMLEntry(path: path, table: table, value: .invalid, line: start))
            skipToLineEnd()
            return
        }
        let value = readValue(field: field)
        entries.append(TOMLEntry(path: path, table: table, value: value, line: start))
        if value == .invalid {
            skipToLineEnd()
        } else {
            finishLine(field: field, "has more text after its value; put a # before a comment, or text inside the quotes.")
        }
    }

    /// After a statement only spaces and a comment may follow on the same line.
    private mutating func finishLine(field: String?, _ message: String) {
        skipSpaces()
        if peek() == "#" { skipToLineEnd() }
        guard atLineEnd() else {
            report(field: field, line: line, message)
            skipToLineEnd()
            return
        }
    }

    // MARK: - Keys

    /// `name`, `"quoted name"` or dotted `contact.email`.
    private mutating func readKey() -> [String]? {
        var parts: [String] = []
        repeat {
            skipSpaces()
            guard let part = readKeyPart() else { return nil }
            parts.append(part)
            skipSpaces()
        } while expect(".")
        return parts
    }

    private mutating func readKeyPart() -> String? {
        switch peek() {
        case "\"":
            if case .string(let key) = readBasicString(field: nil) { return key }
            return nil
        case "'":
            if case .string(let key) = readLiteralString(field: nil) { return key }
            return nil
        default:
            var key = ""
            while let scalar = peek(), TOMLReader.isBareKeyScalar(scalar) {
                key.unicodeScalars.append(scalar)
                advance()
            }
            return key.isEmpty ? nil : key
        }
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    // MARK: - Values

    private mutating func readValue(field: String, inArray: Bool = false) -> TOMLValue {
        switch peek() {
        case "\"":
            return lookingAt("\"\"\"") ? readMultilineString(field: field, quote: "\"") : readBasicString(field: field)
        case "'":
            return lookingAt("'''") ? readMultilineString(field: field, quote: "'") : readLiteralString(field: field)
        case "[":
            return readArray(field: field)
        case "{":
            report(field: field, line: line, "inline tables { ... } are not supported; \(wording.inlineTableAdvice).")
            return .invalid
        default:
            return readBareValue(field: field, inArray: inArray)
        }
    }

    /// `true`, `false`, an integer, a decimal number, a date, or any other unquoted text for the field to judge.
    /// Outside a list the text runs to the end of the line, so `title = Safe at home` is judged
    /// as a whole ("must be in double quotes") rather than as one word followed by clutter.
    private mutating func readBareValue(field: String, inArray: Bool) -> TOMLValue {
        var token = ""
        while let scalar = peek(), inArray ? !TOMLReader.endsBareValue(scalar) : (scalar != "\n" && scalar != "#") {
            token.unicodeScalars.append(scalar)
            advance()
        }
        while let last = token.unicodeScalars.last, last == " " || last == "\t" {
            token.unicodeScalars.removeLast()
        }
        if token.isEmpty {
            let shown = peek().map { String(Character($0)) } ?? ""
            report(field: field, line: line, "has \(shown) where a value should be; text goes in double quotes.")
            return .invalid
        }
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if let date = CalendarDate(iso: token) { return .date(date) }
        if let integer = TOMLReader.integer(token) { return .integer(integer) }
        if let number = TOMLReader.decimal(token), TOMLReader.hasFractionOrExponent(token) { return .decimal(number) }
        return .bare(token)
    }

    private static func endsBareValue(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "#", ",", "[", "]", "{", "}", "=", "\"", "'": true
        default: false
        }
    }

    /// TOML integers: an optional sign, then digits with single underscores between them.
    private static func integer(_ token: String) -> Int? {
        var digits = Substring(token)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard let first = digits.first, first.isASCII, first.isNumber,
            digits.last?.isASCII == true, digits.last?.isNumber == true,
            !digits.contains("__"),
            digits.allSatisfy({ $0 == "_" || ($0.isASCII && $0.isNumber) })
        else { return nil }
        if digits.count > 1, first == "0" { return nil }
        return Int(token.replacingOccurrences(of: "_", with: ""))
    }

    /// A TOML integer or float written in decimal (`7`, `-0.25`, `1_000.5`, `2.5e-1`) as an exact
    /// Decimal, built from its digits; nil for anything else, `inf` and `nan` included.
    static func decimal(_ token: String) -> Decimal? {
        var scalars = Substring(token)
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        let mantissaEnd = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? scalars.endIndex
        let mantissa = scalars[..<mantissaEnd]
        let whole: Substring
        var fraction: Substring = ""
        if let point = mantissa.firstIndex(of: ".") {
            whole = mantissa[..<point]
            fraction = mantissa[mantissa.index(after: point)...]
            guard digitRun(fraction) else { return nil }
        } else {
            whole = mantissa
        }
        guard digitRun(whole), whole.count == 1 || whole.first != "0" else { return nil }
        var exponent = 0
        if mantissaEnd < scalars.endIndex {
            var written = scalars[scalars.index(after: mantissaEnd)...]
            var exponentNegative = false
            if let sign = written.first, sign == "+" || sign == "-" {
                exponentNegative = sign == "-"
                written = written.dropFirst()
            }
            guard digitRun(written), written.count <= 4, let value = Int(written.filter { $0 != "_" }) else { return nil }
            exponent = exponentNegative ? -value : value
        }
        let digits = (whole + fraction).filter { $0 != "_" }
        // A Decimal holds 38 significant digits; longer literals would be rounded, so refuse them.
        let significant = digits.drop(while: { $0 == "0" })
        guard significant.count <= 38 else { return nil }
        var significand = Decimal(0)
        for digit in significant {
            guard let value = digit.wholeNumberValue else { return nil }
            significand = significand * 10 + Decimal(value)
        }
        let scale = exponent - fraction.filter { $0 != "_" }.count
        guard (-120...120).contains(scale) else { return nil }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: scale, significand: significand)
    }

    /// Whether a number token has a fraction or an exponent (and so is not an integer).
    private static func hasFractionOrExponent(_ token: String) -> Bool {
        token.contains(".") || token.contains("e") || token.contains("E")
    }

    /// Digits with single underscores between them, at least one digit.
    private static func digitRun(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber,
            let last = text.last, last.isASCII, last.isNumber,
            !text.contains("__")
        else { return false }
        return text.allSatisfy { $0 == "_" || ($0.isASCII && $0.isNumber) }
    }

    private mutating func readArray(field: String) -> TOMLValue {
        let start = line
        advance()
        var items: [TOMLValue] = []
        var valid = true
        while true {
            skipBlankLinesAndComments()
            guard let scalar = peek() else {
                report(field: field, line: start, "has a list opened with [ that is never closed with ].")
                return .invalid
            }
            if scalar == "]" {
                advance()
                break
            }
            let item = readValue(field: field, inArray: true)
            if item == .invalid {
                valid = false
                skipPast(anyOf: [",", "]"], stoppingAtLineEnd: true)
            }
            items.append(item)
            let resume = (index, line)
            skipBlankLinesAndComments()
            if expect(",") { continue }
            if expect("]") { break }
            (index, line) = resume
            report(field: field, line: start, "has a list that needs a comma between its items and a ] at its end.")
            return .invalid
        }
        return valid ? .array(items) : .invalid
    }

    // MARK: - Strings

    /// `"..."` on one line, with backslash escapes.
    private mutating func readBasicString(field: String?) -> TOMLValue {
        let start = line
        advance()
        var value = ""
        var valid = true
        while true {
            guard let scalar = peek(), scalar != "\n" else {
                report(
                    field: field, line: start,
                    "has text whose closing \" is missing; for text over several lines use triple quotes \"\"\".")
                return .invalid
            }
            advance()
            switch scalar {
            case "\"":
                return valid ? .string(value) : .invalid
            case "\\":
                valid = readEscape(into: &value, field: field, multiline: false) && valid
            default:
                value.unicodeScalars.append(scalar)
            }
        }
    }

    /// `'...'` on one line, taken as written.
    private mutating func readLiteralString(field: String?) -> TOMLValue {
        let start = line
        advance()
        var value = ""
        while true {
            guard let scalar = peek(), scalar != "\n" else {
                report(field: field, line: start, "has text whose closing ' is missing.")
                return .invalid
            }
            advance()
            if scalar == "'" { return .string(value) }
            value.unicodeScalars.append(scalar)
        }
    }

    /// `"""..."""` (with escapes) or `'''...'''` (as written); a newline right after the opening
    /// quotes is not part of the text, and one or two quotes may sit just inside the closing ones.
    private mutating func readMultilineString(field: String, quote: Unicode.Scalar) -> TOMLValue {
        let start = line
        advance(by: 3)
        if peek() == "\n" { advance() }
        var value = ""
        var valid = true
        while true {
            guard let scalar = peek() else {
                let delimiter = String(repeating: String(Character(quote)), count: 3)
                report(field: field, line: start, "has text opened with \(delimiter) that is never closed with \(delimiter).")
                return .invalid
            }
            if scalar == quote {
                var run = 0
                while peek() == quote {
                    run += 1
                    advance()
                }
                if run >= 3 {
                    value.unicodeScalars.append(contentsOf: repeatElement(quote, count: run - 3))
                    return valid ? .string(value) : .invalid
                }
                value.unicodeScalars.append(contentsOf: repeatElement(quote, count: run))
                continue
            }
            advance()
            if scalar == "\\" && quote == "\"" {
                valid = readEscape(into: &value, field: field, multiline: true) && valid
            } else {
                value.unicodeScalars.append(scalar)
            }
        }
    }

    /// Reads what follows a backslash; reports an unknown escape and keeps it as written.
    private mutating func readEscape(into value: inout String, field: String?, multiline: Bool) -> Bool {
        // At the end of the text, or of a one-line string, the string reader reports what is missing.
        guard let scalar = peek(), scalar != "\n" || multiline else { return false }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "b": "\u{08}", "t": "\t", "n": "\n", "f": "\u{0C}", "r": "\r", "e": "\u{1B}", "\"": "\"", "\\": "\\",
        ]
        if let replacement = simple[scalar] {
            advance()
            value.unicodeScalars.append(replacement)
            return true
        }
        if scalar == "u" || scalar == "U" {
            advance()
            let width = scalar == "u" ? 4 : 8
            let hex = String(String.UnicodeScalarView(text[index..<min(index + width, text.count)]))
            if hex.count == width, hex.allSatisfy(\.isHexDigit), let code = UInt32(hex, radix: 16),
                let decoded = Unicode.Scalar(code)
            {
                advance(by: width)
                value.unicodeScalars.append(decoded)
                return true
            }
            report(
                field: field, line: line,
                "has \\\(scalar) without \(width) hexadecimal digits naming a character; write \\\\ for a backslash.")
            return false
        }
        if multiline, scalar == " " || scalar == "\t" || scalar == "\n" {
            // A backslash at the end of a line joins it to the next, dropping the spaces between.
            var probe = index
            while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
            if probe == text.count || text[probe] == "\n" {
                while let next = peek(), next == " " || next == "\t" || next == "\n" { advance() }
                return true
            }
        }
        report(
            field: field, line: line,
            "has \\\(Character(scalar)), which is not a known escape; write \\\\ for a backslash.")
        value.unicodeScalars.append("\\")
        return false
    }

    // MARK: - Scanning

    private func peek() -> Unicode.Scalar? {
        index < text.count ? text[index] : nil
    }

    private func lookingAt(_ literal: String) -> Bool {
        var probe = index
        for scalar in literal.unicodeScalars {
            guard probe < text.count, text[probe] == scalar else { return false }
            probe += 1
        }
        return true
    }

    private func atLineEnd() -> Bool {
        peek() == nil || peek() == "\n" || peek() == "#"
    }

    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < text.count {
            if text[index] == "\n" { line += 1 }
            index += 1
        }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        advance()
        return true
    }

    private mutating func skipSpaces() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipToLineEnd() {
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    private mutating func skipBlankLinesAndComments() {
        while let scalar = peek() {
            switch scalar {
            case " ", "\t", "\n": advance()
            case "#": skipToLineEnd()
            default: return
            }
        }
    }

    private mutating func skipPast(anyOf stops: Set<Unicode.Scalar>, stoppingAtLineEnd: Bool) {
        while let scalar = peek(), !stops.contains(scalar), !(stoppingAtLineEnd && scalar == "\n") { advance() }
    }

    private mutating func report(field: String? = nil, line: Int, _ message: String) {
        problems.append(EntryProblem(field: field, line: line, message: message, kind: .unreadable))
    }
}
