import Foundation

extension EntryForm {
    /// The longest title accepted, counted in Unicode code points as PostgreSQL's `char_length` does.
    public static let titleLimit = 250

    /// The longest answer to each text field, in Unicode code points as PostgreSQL's `char_length`
    /// counts (sql/0029 holds stored entries to the same): room for any answer the award needs, but
    /// not for a text that would fill the server's disk.
    public static let characterLimits: [EntryField: Int] = [
        .contactName: 200, .contactOrganisation: 200, .contactEmail: 254, .contactPhone: 50,
        .description: 10_000, .objectives: 10_000, .targetGroup: 10_000, .evaluationMethod: 10_000,
        .evaluationResults: 10_000, .innovation: 10_000, .partners: 10_000, .transferability: 10_000,
        .costsFunding: 10_000,
    ]

    /// At most this many links, each at most `linkCharacterLimit` long.
    public static let linkLimit = 20
    public static let linkCharacterLimit = 2_000

    /// The first award was given in 1997.
    public static let firstEditionYear = 1997

    /// Checks the Annex I rules and returns every problem, in the template's field order.
    ///
    /// `lines` gives the line of each field's key ("title", "contact.email") so problems can point
    /// into the file; `EntryFile` fills it in.
    public func validate(lines: [String: Int] = [:]) -> [EntryProblem] {
        var problems: [EntryProblem] = []
        func report(_ field: EntryField, _ message: String, _ kind: EntryProblem.Kind = .invalid) {
            problems.append(EntryProblem(field: field.key, line: lines[field.key], message: message, kind: kind))
        }
        func require(_ value: String?, _ field: EntryField) {
            if EntryForm.isBlank(value) { report(field, "is required.", .required) }
        }

        if let edition, edition < EntryForm.firstEditionYear {
            report(.edition, "must be a year from \(EntryForm.firstEditionYear), when the award began, e.g. 2024.")
        }

        // Rule: entries come from the EU member states (and, before 2020, the United Kingdom).
        if let country {
            if let known = Country.named(country) {
                if !known.isEUMember, let edition, edition > Country.lastYearForFormerMembers {
                    report(
                        .country,
                        "\(known.name) (\(country)) is no longer an EU member state and can only "
                            + "appear in editions up to \(Country.lastYearForFormerMembers).")
                }
            } else {
                report(.country, "\(country) is not an EU member state; use the two-letter code of one, such as \"BE\".")
            }
        } else {
            report(.country, "is required.", .required)
        }

        if kind == nil { report(.kind, "is required: \"competing\" or \"additional\".", .required) }

        require(title, .title)
        if let title, title.unicodeScalars.count > EntryForm.titleLimit {
            report(.title, "has \(title.unicodeScalars.count.grouped) characters; the limit is \(EntryForm.titleLimit.grouped).", .tooLong)
        }

        require(contact.name, .contactName)
        if EntryForm.isBlank(contact.email) {
            report(.contactEmail, "is required.", .required)
        } else if let email = contact.email, !EntryForm.looksLikeEmail(email) {
            report(.contactEmail, "\"\(email)\" does not look like an e-mail address such as name@example.org.")
        }

        // Rule (Annex I): start date; still running yes/no; an end date only once it has ended.
        if startDate == nil { report(.startDate, "is required.", .required) }
        switch stillRunning {
        case nil:
            report(.stillRunning, "is required: true or false.", .required)
        case true?:
            if endDate != nil { report(.endDate, "must be left empty (\"\") while the project is still running.") }
        case false?:
            if endDate == nil { report(.endDate, "is required when the project is no longer running.", .required) }
        }
        if let startDate, let endDate, endDate < startDate {
            report(.endDate, "\(endDate) is before the start date \(startDate).")
        }
        // Rule (Annex I): an entry describes a project that has begun by its edition (and, when it
        // is no longer running, has ended), not one planned for later years.
        if let edition, edition >= EntryForm.firstEditionYear {
            if let startDate, startDate.year > edition {
                report(
                    .startDate,
                    "\(startDate) is after the \(edition) edition; give the day the project started "
                        + "(an entry describes a project that has begun).")
            }
            if stillRunning == false, let endDate, endDate.year > edition {
                report(
                    .endDate,
                    "\(endDate) is after the \(edition) edition, but still_running = false says the project has ended; "
                        + "give the day it ended, or write still_running = true and end_date = \"\".")
            }
        }

        for (number, link) in links.enumerated() where !EntryForm.isWebAddress(link) {
            let which = links.count == 1 ? "the link" : "link \(number + 1)"
            report(.links, "\(which) \"\(link)\" must be a web address starting with https:// or http://.")
        }

        // Rule (Annex I): a project description of at most 600 words, for every entry.
        require(description, .description)
        if let description {
            let words = WordCount.count(description)
            if words > WordCount.descriptionLimit {
                report(.description, "has \(words) words; the limit is \(WordCount.descriptionLimit).", .tooLong)
            }
        }

        // Rule (Annex I): a competing entry answers every question; an additional one needs only the description.
        if kind == .competing {
            for field in EntryField.allCases where field.isRequiredForCompetingOnly {
                if EntryForm.isBlank(answer(field)) {
                    report(field, "is required for a competing entry.", .required)
                }
            }
        }

        // Rule (no text fills the disk): every text field has a length limit.
        let texts: [(EntryField, String?)] =
            [
                (.contactName, contact.name), (.contactOrganisation, contact.organisation),
                (.contactEmail, contact.email), (.contactPhone, contact.phone),
            ] + EntryField.allCases.map { ($0, answer($0)) }
        for (field, text) in texts {
            if let text, let limit = EntryForm.characterLimits[field], text.unicodeScalars.count > limit {
                report(field, "has \(text.unicodeScalars.count.grouped) characters; the limit is \(limit.grouped).", .tooLong)
            }
        }
        if links.count > EntryForm.linkLimit {
            report(.links, "has \(links.count) links; the limit is \(EntryForm.linkLimit).", .tooLong)
        }
        for (number, link) in links.enumerated() where link.unicodeScalars.count > EntryForm.linkCharacterLimit {
            report(
                .links,
                "link \(number + 1) has \(link.unicodeScalars.count.grouped) characters; the limit is \(EntryForm.linkCharacterLimit.grouped).",
                .tooLong)
        }

        // Rule (terminal safety, ControlCharacters): no control characters; long answers may break lines.
        let singleLine: [(EntryField, String?)] =
            [
                (.title, title), (.contactName, contact.name),
                (.contactOrganisation, contact.organisation), (.contactEmail, contact.email), (.contactPhone, contact.phone),
            ]
            + links.map { (.links, $0) }
        for (field, text) in singleLine {
            if let text, let scalar = ControlCharacters.first(in: text, multiline: false) {
                report(field, "contains the control character \(ControlCharacters.name(scalar)); remove it.", .controlCharacter)
            }
        }
        for field in EntryField.allCases {
            if let text = answer(field), let scalar = ControlCharacters.first(in: text, multiline: true) {
                report(field, "contains the control character \(ControlCharacters.name(scalar)); remove it.", .controlCharacter)
            }
        }
        return problems
    }

    /// The answer to one of the long-text questions, or nil for other fields.
    public func answer(_ field: EntryField) -> String? {
        switch field {
        case .description: description
        case .objectives: objectives
        case .targetGroup: targetGroup
        case .evaluationMethod: evaluationMethod
        case .evaluationResults: evaluationResults
        case .innovation: innovation
        case .partners: partners
        case .transferability: transferability
        case .costsFunding: costsFunding
        default: nil
        }
    }

    static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }

    /// Roughly valid: one @, something before it, a dotted domain after it, no spaces.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// An absolute http or https address with a host and no spaces, e.g. https://example.org/project.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace),
            let scheme = ["https://", "http://"].first(where: { text.lowercased().hasPrefix($0) })
        else { return false }
        let authority = text.dropFirst(scheme.count).prefix { !"/?#".contains($0) }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        let host = hostAndPort.prefix { $0 != ":" }
        return !host.isEmpty
    }
}
