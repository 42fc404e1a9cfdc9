import Foundation

/// Every bad input the corpus holds, grouped by kind. Each is something a national
/// representative, a juror or the secretariat could type or feed; each must be refused with the
/// message pinned here, with its exit status, and write nothing (BadInputCorpusTests).
/// docs/reliability.md lists them from this table (scripts/reliability-doc).
enum BadInputCorpus {
    static let cases: [BadInput] = entryFiles + scoreSheets + flags + times + connections

    /// Appends `input <kind> <name> held|broken` to the file ECPA_RELIABILITY_LOG names, for
    /// scripts/test and scripts/reliability-doc to count.
    static func log(_ input: BadInput, held: Bool) {
        TestLog.append(["input", input.kind.rawValue, input.name, held ? "held" : "broken"], toFileIn: "ECPA_RELIABILITY_LOG")
    }

    // MARK: - What the cases feed

    static let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"]

    /// A complete entry file as the template has it, lines numbered as in the comments.
    static func entry(edition: Int = 2018, country: String = "FI", title: String = "The Forssa approach", kind: String = "competing") -> String {
        """
        edition = \(edition)
        country = "\(country)"
        kind = "\(kind)"
        title = "\(title)"
        start_date = 2016-01-01
        still_running = true
        links = ["https://example.org/project"]

        description = \"\"\"
        A mediation approach to polarisation and conflicts between groups in a small town.
        \"\"\"
        objectives = "Lower tension."
        target_group = "Residents."
        evaluation_method = "Interviews."
        evaluation_results = "Fewer incidents."
        innovation = "Joint mediation."
        partners = "Police and town."
        transferability = "Anywhere."
        costs_funding = "Staff time."

        [contact]
        name = "Anna Virtanen"
        email = "anna@example.org"

        """
    }

    /// The sample entry with one line replaced (the first that starts with `line`).
    static func entry(replacing line: String, with replacement: String, edition: Int = 2018) -> String {
        var lines = entry(edition: edition).components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(line) }) { lines[index] = replacement }
        return lines.joined(separator: "\n")
    }

    /// A scheme with one criterion, focus, on the shipped scale.
    static func scheme(criterionName: String = "Focus on everyday crime", description: String = "Everyday crime.") -> String {
        """
        name = "one-criterion"
        method = "weighted-mean"
        tie_breaks = ["highest-weighted-criterion", "head-to-head", "shared-place"]

        [criteria.focus]
        name = "\(criterionName)"
        description = "\(description)"
        weight = 1
        min = 0
        max = 10
        step = 1

        """
    }

    static let sheetHeader = "edition,juror,entry_id,country,entry_title,criterion,criterion_name,scale,value,comment"

    /// One row of `juror_at`'s sheet for the scoring world.
    static func row(
        _ entry: Int = 1, _ criterion: String = "focus", value: String = "7", comment: String = "",
        juror: String = "juror_at", edition: String = "2018", country: String? = nil
    ) -> String {
        let countries = [1: "FI", 2: "LT", 3: "HU", 4: "SE", 5: "EE", 6: "FI"]
        let names = [
            "focus": "Focus on everyday crime and fear of crime", "evaluation": "Evaluated and effective",
            "innovation": "Innovation", "cooperation": "Cooperation between partners",
            "transferability": "Transferable to other member states",
        ]
        return [
            edition, juror, String(entry), country ?? countries[entry] ?? "", "Project \(entry)", criterion,
            names[criterion] ?? criterion, "0 to 10 in steps of 1", value, comment,
        ].joined(separator: ",")
    }

    /// A sheet: the header, then the rows, each line ending CR LF as spreadsheets write them.
    static func sheet(_ rows: [String]) -> String {
        ([sheetHeader] + rows).map { $0 + "\r\n" }.joined()
    }

    /// A sheet with every row of entry 2 (Lithuania) filled in.
    static func sheet(replacingRow index: Int, with replacement: String) -> String {
        var rows = criteria.map { row(2, $0, value: "7") }
        rows[index] = replacement
        return sheet(rows)
    }
}
