import ECPACore
import Foundation

/// A CSV file of people for `ecpa user add --from`: a header line naming the columns role, kind,
/// name and, as needed, country and email (in any order, `,` or `;` between fields), then one
/// person a line. It never holds passwords: ecpa makes a first password for each person.
struct PeopleFile {
    /// One person read from the file, with the line it came from.
    struct Line {
        var number: Int
        var person: Person
    }

    /// The columns the file may have.
    static let columns = ["role", "kind", "country", "name", "email"]
    static let required = ["role", "kind", "name"]

    var people: [Line] = []
    /// One problem with the file, at its line.
    struct Problem {
        var line: Int
        var message: String
        var text: String { "line \(line): \(message)" }
    }

    /// Every problem found.
    var problems: [Problem] = []

    /// Reads the whole file, checking each line by the rules `user add` holds a single person to.
    init(text: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\r")) }
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append(Problem(line: 1, message: "the file is empty; its first line names the columns: \(Self.columns.joined(separator: ","))."))
            return
        }
        let separator = ScoreSheetHeader.detectDelimiter(headerLine).character
        let names = CSVLine.fields(headerLine, separator: separator).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.contains(where: { $0.contains("password") }) {
            problems.append(
                Problem(
                    line: 1,
                    message:
                        "the file has a password column; ecpa never reads passwords from a list of people (a spreadsheet is copied, mailed and backed up). Remove the column: ecpa makes a first password for each person and writes them to the --passwords file."
                ))
        }
        let unknown = names.filter { !Self.columns.contains($0) && !$0.contains("password") }
        if !unknown.isEmpty {
            problems.append(
                Problem(
                    line: 1,
                    message:
                        "unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); the columns are \(Self.columns.joined(separator: ", "))."
                ))
        }
        let missing = Self.required.filter { !names.contains($0) }
        if !missing.isEmpty {
            problems.append(
                Problem(
                    line: 1,
                    message:
                        "the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing.")
            )
        }
        guard missing.isEmpty else { return }
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            if CSVLine.hasOpenQuote(line) {
                problems.append(Problem(line: number, message: "a quote is opened and never closed."))
                continue
            }
            let fields = CSVLine.fields(line, separator: separator)
            let value = { (column: String) -> String? in
                guard let at = names.firstIndex(of: column), at < fields.count else { return nil }
                let text = fields[at].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let (person, found) = Self.person(
                role: value("role") ?? "", kind: value("kind"), country: value("country"), name: value("name") ?? "", email: value("email"))
            problems += found.map { Problem(line: number, message: $0) }
            guard let person else { continue }
            if let first = seen[person.roleName] {
                problems.append(Problem(line: number, message: "\(person.roleName) is on line \(first) already; each login is added once."))
                continue
            }
            seen[person.roleName] = number
            people.append(Line(number: number, person: person))
        }
        if people.isEmpty && problems.isEmpty {
            problems.append(Problem(line: 2, message: "the file names nobody; add one person a line under the header."))
        }
    }

    /// One person from the file's fields: the person, or every problem with them, checked by the
    /// rules `user add` holds a person to (the login name, the kind and its country, the texts' limits).
    static func person(role: String, kind: String?, country: String?, name: String, email: String?) -> (Person?, [String]) {
        var problems: [String] = []
        let label = role.isEmpty ? "the person" : role
        if role.isEmpty { problems.append("the role (login name) is empty.") }
        let parsedKind = kind.flatMap { UserCommand.Kind(rawValue: $0.lowercased().replacingOccurrences(of: "_", with: "-")) }
        if parsedKind == nil {
            problems.append(
                "the kind \(kind.map { "\"\($0)\"" } ?? "is empty;") \(kind == nil ? "give" : "is not one we know; give") secretariat or national-representative."
            )
        }
        var code: CountryCode?
        if let country {
            if let found = Country.lookup(country) {
                code = found.code
            } else {
                problems.append("\"\(country)\" is not a country code we know; use an ISO code such as FI, SE or GR (EL for Greece works too).")
            }
            if parsedKind == .secretariat { problems.append("\(label) is in the secretariat, which has no country; leave the country empty.") }
        }
        if let problem = FreeText.personName.problem(with: name) {
            problems.append(problem.sentence(naming: "The name of \(label)", wanted: "the person's full name"))
        }
        if let email, let problem = FreeText.email.problem(with: email) {
            problems.append(problem.sentence(naming: "The e-mail address of \(label)", wanted: "their e-mail address, or leave it empty"))
        }
        let person = Person(roleName: role, displayName: name, kind: parsedKind?.personKind ?? .secretariat, email: email, country: code)
        if !role.isEmpty {
            // The domain's own rules: the login name, and a representative's country (an empty
            // name was said above, by the texts' rule).
            problems += person.validate().filter {
                if case .missingDisplayName = $0 { return false }
                if case .missingCountry = $0 { return parsedKind == .nationalRepresentative && country == nil }
                return true
            }.map(\.description)
        }
        return problems.isEmpty ? (person, []) : (nil, problems)
    }
}
