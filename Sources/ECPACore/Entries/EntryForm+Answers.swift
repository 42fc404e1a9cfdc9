import Foundation

extension EntryForm {
    /// A field's current answer as a person would type it, or nil when empty.
    public func text(of field: EntryField) -> String? {
        switch field {
        case .edition: return edition.map(String.init)
        case .country: return country?.rawValue
        case .kind: return kind?.rawValue
        case .title: return title
        case .contactName: return contact.name
        case .contactOrganisation: return contact.organisation
        case .contactEmail: return contact.email
        case .contactPhone: return contact.phone
        case .startDate: return startDate?.iso
        case .stillRunning: return stillRunning.map { $0 ? "yes" : "no" }
        case .endDate: return endDate?.iso
        case .links: return links.isEmpty ? nil : links.joined(separator: " ")
        default: return answer(field)
        }
    }

    /// Sets a field from what a person typed (an empty text clears it); returns why the text cannot
    /// be read, leaving the form unchanged, or nil. The Annex I rules are checked by `validate`.
    public mutating func set(_ field: EntryField, from typed: String) -> String? {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        let value: String? = text.isEmpty ? nil : text
        switch field {
        case .edition:
            guard let value else { edition = nil; return nil }
            guard let year = Int(value) else { return "write the year as a number, such as 2030." }
            edition = year
        case .country:
            guard let value else { country = nil; return nil }
            guard let found = Country.lookup(value) else { return "\"\(value)\" is not a country we know; write a code such as FI." }
            country = found.code
        case .kind:
            guard let value else { kind = nil; return nil }
            guard let parsed = EntryKind(rawValue: value.lowercased()) else { return "write competing or additional." }
            kind = parsed
        case .title: title = value
        case .contactName: contact.name = value
        case .contactOrganisation: contact.organisation = value
        case .contactEmail: contact.email = value
        case .contactPhone: contact.phone = value
        case .startDate, .endDate:
            var date: CalendarDate?
            if let value {
                guard let parsed = CalendarDate(iso: value) else { return "write the date as YYYY-MM-DD, such as 2019-06-30." }
                date = parsed
            }
            if field == .startDate { startDate = date } else { endDate = date }
        case .stillRunning:
            guard let value else { stillRunning = nil; return nil }
            switch value.lowercased() {
            case "yes", "y", "true": stillRunning = true
            case "no", "n", "false": stillRunning = false
            default: return "answer yes or no."
            }
        case .links:
            links = value.map { $0.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init) } ?? []
        case .description: description = value
        case .objectives: objectives = value
        case .targetGroup: targetGroup = value
        case .evaluationMethod: evaluationMethod = value
        case .evaluationResults: evaluationResults = value
        case .innovation: innovation = value
        case .partners: partners = value
        case .transferability: transferability = value
        case .costsFunding: costsFunding = value
        }
        return nil
    }
}
