import Foundation

/// An entry form read from its commented TOML file (the Annex I template as
/// `ecpa entry template` writes it), with every problem found on the way and the line of each field.
public struct EntryFile: Hashable, Sendable {
    /// The answers that could be read; a field with a problem is left out.
    public var form: EntryForm
    /// Syntax, type, unknown-field and duplicate-field problems, in file order.
    public var problems: [EntryProblem]
    /// The line of each field's key ("title", "contact.email"), for problems found later.
    public var lines: [String: Int]

    /// Reads a file's text, collecting every problem rather than stopping at the first.
    public init(parsing text: String) {
        let reader = TOMLReader(text)
        var builder = Builder()
        builder.checkHeaders(reader.headers)
        for entry in reader.entries { builder.take(entry) }
        form = builder.form
        problems = EntryProblem.sortedByLine(reader.problems + builder.problems)
        lines = builder.lines
    }

    /// Reads a file's text: the form and every syntax, type, unknown-field and duplicate-field problem.
    public static func parse(_ text: String) -> (form: EntryForm, problems: [EntryProblem]) {
        let file = EntryFile(parsing: text)
        return (file.form, file.problems)
    }

    /// Reads and validates a file in one call (`ecpa entry validate` and `submit`): the form and
    /// every problem of either kind, sorted by line.
    public static func validate(_ text: String) -> (form: EntryForm, problems: [EntryProblem]) {
        let file = EntryFile(parsing: text)
        return (file.form, file.allProblems)
    }

    /// The reading problems plus the form's rule problems, sorted by line. A field that could not
    /// be read is not also reported as missing.
    public var allProblems: [EntryProblem] { problems(edition: nil) }

    /// `allProblems`, the edition's rules checked for `edition` when the file names none (the
    /// year `entry submit --edition` gives).
    public func problems(edition: Int?) -> [EntryProblem] {
        let unreadable = Set(problems.compactMap(\.field))
        var form = form
        if form.edition == nil { form.edition = edition }
        let rules = form.validate(lines: lines).filter { problem in
            problem.field.map { !unreadable.contains($0) } ?? true
        }
        return EntryProblem.sortedByLine(problems + rules)
    }
}

extension EntryFile {
    /// Matches the entries read from the file to the form's fields.
    private struct Builder {
        var form = EntryForm()
        var problems: [EntryProblem] = []
        var lines: [String: Int] = [:]
        private var unknownTables: Set<[String]> = []

        mutating func checkHeaders(_ headers: [TOMLHeader]) {
            var contactLine: Int?
            for header in headers {
                if header.path == ["contact"] {
                    if let first = contactLine {
                        report(nil, header.line, "the [contact] section appears twice; the first is on line \(first).")
                    } else {
                        contactLine = header.line
                    }
                } else {
                    unknownTables.insert(header.path)
                    let name = header.path.joined(separator: ".")
                    report(nil, header.line, "there is no [\(name)] section; the only section is [contact].")
                }
            }
        }

        mutating func take(_ entry: TOMLEntry) {
            if unknownTables.contains(entry.table) { return }
            let key = entry.path.joined(separator: ".")
            guard let field = EntryField(rawValue: key) else {
                reportUnknown(entry, key: key)
                return
            }
            if let first = lines[key] {
                report(key, entry.line, "is given twice; the first is on line \(first).")
                return
            }
            lines[key] = entry.line
            assign(entry.value, to: field, line: entry.line)
        }

        private mutating func reportUnknown(_ entry: TOMLEntry, key: String) {
            // One problem per mistake: a line whose value could not be read is already reported.
            if entry.value == .invalid { return }
            if entry.path == ["contact"] {
                report(key, entry.line, "is a section: write the contact details under [contact], as in the template.")
            } else if entry.path.first == "contact", entry.path.count == 2, let top = EntryField(rawValue: entry.path[1]) {
                report(
                    key, entry.line,
                    "\(top.key) belongs above [contact]: everything after [contact] is read as contact details.")
            } else if let suggestion = EntryFile.closestField(to: key, inContact: entry.table == ["contact"]) {
                report(key, entry.line, "is not a field of the entry form; did you mean \(suggestion)?")
            } else {
                report(key, entry.line, "is not a field of the entry form; `ecpa entry template` shows the fields.")
            }
        }

        private mutating func assign(_ value: TOMLValue, to field: EntryField, line: Int) {
            if value == .invalid { return }
            switch field {
            case .edition:
                form.edition = year(value, field, line)
            case .country:
                form.country = country(value, field, line)
            case .kind:
                form.kind = kind(value, field, line)
            case .startDate:
                form.startDate = date(value, field, line)
            case .endDate:
                form.endDate = date(value, field, line)
            case .stillRunning:
                form.stillRunning = bool(value, field, line)
            case .links:
                form.links = links(value, field, line)
            case .title: form.title = text(value, field, line)
            case .contactName: form.contact.name = text(value, field, line)
            case .contactOrganisation: form.contact.organisation = text(value, field, line)
            case .contactEmail: form.contact.email = text(value, field, line)
            case .contactPhone: form.contact.phone = text(value, field, line)
            case .description: form.description = text(value, field, line)
            case .objectives: form.objectives = text(value, field, line)
            case .targetGroup: form.targetGroup = text(value, field, line)
            case .evaluationMethod: form.evaluationMethod = text(value, field, line)
            case .evaluationResults: form.evaluationResults = text(value, field, line)
            case .innovation: form.innovation = text(value, field, line)
            case .partners: form.partners = text(value, field, line)
            case .transferability: form.transferability = text(value, field, line)
            case .costsFunding: form.costsFunding = text(value, field, line)
            }
        }

        private mutating func text(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> String? {
            switch value {
            case .string(let text):
                return EntryForm.given(text)
            case .bare(let word):
                return mistake(field, line, "must be text in double quotes, e.g. \(field.keyInTable) = \"\(word)\".")
            default:
                return mistake(field, line, "must be text in double quotes.")
            }
        }

        private mutating func year(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> Int? {
            switch value {
            case .integer(let year): return year
            case .string(""): return nil
            case .string(let text) where Int(text) != nil: return Int(text)
            default: return mistake(field, line, "must be a year such as 2024.")
            }
        }

        private mutating func country(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> CountryCode? {
            switch value {
            case .string(""):
                return nil
            case .string(let text):
                if let code = Country.lookup(text)?.code ?? CountryCode(text) { return code }
                return mistake(field, line, "must be a two-letter country code such as \"BE\".")
            case .bare(let word):
                return mistake(field, line, "must be in double quotes, e.g. country = \"\(word)\".")
            default:
                return mistake(field, line, "must be a two-letter country code such as \"BE\".")
            }
        }

        private mutating func kind(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> EntryKind? {
            switch value {
            case .string(""):
                return nil
            case .string(let text):
                if let kind = EntryKind(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) { return kind }
            case .bare:
                return mistake(field, line, "must be in double quotes: kind = \"competing\" or kind = \"additional\".")
            default:
                break
            }
            return mistake(field, line, "must be \"competing\" or \"additional\".")
        }

        private mutating func date(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> CalendarDate? {
            switch value {
            case .date(let date):
                return date
            case .string(""):
                return nil
            case .string(let text):
                if let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) { return date }
                return mistake(field, line, EntryFile.dateMessage(text))
            case .bare(let word):
                return mistake(field, line, EntryFile.dateMessage(word))
            default:
                return mistake(field, line, "must be a date such as 2019-06-30.")
            }
        }

        private mutating func bool(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> Bool? {
            switch value {
            case .bool(let flag):
                return flag
            case .string(let text):
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "": return nil
                case "true", "yes": return true
                case "false", "no": return false
                default: break
                }
            default:
                break
            }
            return mistake(field, line, "must be true or false.")
        }

        private mutating func links(_ value: TOMLValue, _ field: EntryField, _ line: Int) -> [String] {
            switch value {
            case .string(let text):
                return text.isEmpty ? [] : [text]
            case .array(let items):
                var links: [String] = []
                for item in items {
                    guard case .string(let link) = item else {
                        report(field.key, line, "must list each web address in double quotes, e.g. [\"https://example.org\"].")
                        return []
                    }
                    links.append(link)
                }
                return links
            default:
                report(field.key, line, "must be a list of web addresses, e.g. [\"https://example.org\"].")
                return []
            }
        }

        private mutating func mistake<T>(_ field: EntryField, _ line: Int, _ message: String) -> T? {
            report(field.key, line, message)
            return nil
        }

        private mutating func report(_ field: String?, _ line: Int, _ message: String) {
            problems.append(EntryProblem(field: field, line: line, message: message, kind: .unreadable))
        }
    }

    static func dateMessage(_ text: String) -> String {
        let shaped =
            text.count == 10
            && text.enumerated().allSatisfy { offset, character in
                [4, 7].contains(offset) ? character == "-" : (character.isASCII && character.isNumber)
            }
        return shaped ? "\(text) is not a day that exists." : "must be a date such as 2019-06-30."
    }

    /// The field whose key is within two edits of `key`, for "did you mean" hints.
    static func closestField(to key: String, inContact: Bool) -> String? {
        let candidates = EntryField.allCases.map { field in
            inContact && field.isContact ? field.keyInTable : field.key
        }
        let typed = inContact ? String(key.dropFirst("contact.".count)) : key
        let scored = candidates.map { written in (written, editDistance(typed, written)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
