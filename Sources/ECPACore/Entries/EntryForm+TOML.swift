import Foundation

extension EntryForm {
    /// The form written back as a commented entry file, laid out like the template, so that
    /// `EntryFile.parse(form.tomlText).form == form`.
    public var tomlText: String {
        tomlText(header: EntryTemplate.header(edition: edition))
    }

    /// The file with the given comment lines (without "# ") at the top.
    func tomlText(header: [String]) -> String {
        var out: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
        for field in EntryField.allCases where !field.isContact {
            out.append("")
            out += EntryForm.comment(field)
            out.append(field.key + " = " + value(of: field))
        }
        out.append("")
        out += EntryForm.wrap("The person responsible for the project. Everything below [contact] is read as contact details.")
        out.append("[contact]")
        for field in EntryField.allCases where field.isContact {
            if field != .contactName { out.append("") }
            out += EntryForm.comment(field)
            out.append(field.keyInTable + " = " + value(of: field))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The right-hand side of `key = value` for one field; "" for a field not given.
    func value(of field: EntryField) -> String {
        switch field {
        case .edition: edition.map(String.init) ?? "\"\""
        case .country: TOMLWriter.basic(country?.rawValue ?? "")
        case .kind: TOMLWriter.basic(kind?.rawValue ?? "")
        case .startDate: startDate?.iso ?? "\"\""
        case .stillRunning: stillRunning.map { $0 ? "true" : "false" } ?? "\"\""
        case .endDate: endDate?.iso ?? "\"\""
        case .links: TOMLWriter.array(links)
        case .title: TOMLWriter.basic(title ?? "")
        case .contactName: TOMLWriter.basic(contact.name ?? "")
        case .contactOrganisation: TOMLWriter.basic(contact.organisation ?? "")
        case .contactEmail: TOMLWriter.basic(contact.email ?? "")
        case .contactPhone: TOMLWriter.basic(contact.phone ?? "")
        case .description, .objectives, .targetGroup, .evaluationMethod, .evaluationResults,
            .innovation, .partners, .transferability, .costsFunding:
            TOMLWriter.multiline(answer(field) ?? "")
        }
    }

    private static func comment(_ field: EntryField) -> [String] {
        var text = field.label + ": " + field.guidance
        if field.isRequiredForCompetingOnly {
            text += " (Required for a competing entry.)"
        } else if field == .contactOrganisation || field == .contactPhone || field == .links || field == .edition {
            text += " (Optional.)"
        }
        return wrap(text)
    }

    /// Comment lines of at most about 100 columns.
    static func wrap(_ text: String, width: Int = 98) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append("# " + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append("# " + current) }
        return lines
    }
}

/// Writes values in the TOML subset `TOMLReader` reads back exactly.
enum TOMLWriter {
    /// `"..."` with every backslash, quote, line break and control character escaped.
    static func basic(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out += escapedControl(scalar) ?? String(scalar)
            }
        }
        return out + "\""
    }

    /// `"""` on its own line, the text as written over several lines, then `"""`. Backslashes,
    /// control characters, a third quote in a row and quotes at the very end are escaped.
    static func multiline(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var trailingQuotes = scalars.count
        while trailingQuotes > 0, scalars[trailingQuotes - 1] == "\"" { trailingQuotes -= 1 }
        var out = "\"\"\"\n"
        var quotesInARow = 0
        for (position, scalar) in scalars.enumerated() {
            if scalar == "\"", quotesInARow < 2, position < trailingQuotes {
                out += "\""
                quotesInARow += 1
                continue
            }
            quotesInARow = 0
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default: out += escapedControl(scalar) ?? String(scalar)
            }
        }
        return out + "\"\"\""
    }

    /// `[]`, `["one"]`, or one item per line with a trailing comma.
    static func array(_ items: [String]) -> String {
        switch items.count {
        case 0: "[]"
        case 1: "[" + basic(items[0]) + "]"
        default: "[\n" + items.map { "    " + basic($0) + ",\n" }.joined() + "]"
        }
    }

    private static func escapedControl(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\r": "\\r"
        case "\u{08}": "\\b"
        case "\u{0C}": "\\f"
        case "\u{00}"..."\u{1F}", "\u{7F}":
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                + String(scalar.value, radix: 16, uppercase: true)
        default: nil
        }
    }
}
