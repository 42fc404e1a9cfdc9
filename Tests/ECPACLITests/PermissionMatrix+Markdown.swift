extension PermissionMatrix {
    static let beginMarker = "<!-- matrix:begin -->"
    static let endMarker = "<!-- matrix:end -->"

    private static let columnHeadings = [
        "secretariat", "rep. own", "rep. other", "juror own", "juror other", "juror conflicted", "advisory", "no group", "reader",
    ]

    /// The matrix as docs/security.md shows it between the matrix markers (markers excluded).
    static func markdown() throws -> String {
        _ = try cells()
        var lines: [String] = []
        lines.append(
            "Columns: "
                + zip(columnHeadings, Subject.allCases).filter { $0 != $1.heading }
                .map { "**\($0)**: \($1.heading)" }.joined(separator: "; ") + ".")
        lines.append("")
        lines.append(
            """
            Cells: **yes**: allowed (a read returns every row the administrator sees; a write changes a row). \
            **none**: the statement runs but reads or changes no row (row-level security hides them). \
            **no**: refused for lack of a right; **no: closed** / **no: frozen** / **no: phase** / **no: rule** / \
            **no: conflict**: refused by a rule of the award (the phase is closed, the edition is frozen, the phase \
            cannot change so, the entry's state or the cell does not allow it, a conflict of interest); \
            **no: not updatable**: PostgreSQL cannot write through the view at all. \
            **(hole)**: PostgreSQL allows this although DESIGN.md forbids it; the test expects the designed \
            outcome and reports the cell as a known failure.
            """)
        lines.append("")
        lines.append(
            """
            Each phase is a real edition of the test database: submissions open (2030), scoring open (2029), \
            frozen (2028), published (2027); *any*: the phase does not matter. The logins: the Finnish \
            representative (both representative columns), the Austrian juror (own and another juror's cell), \
            the Finnish juror (conflicted cell: the Finnish entry, by the own-country rule), a Belgian advisory \
            juror, a secretariat member, a login in no ecpa group and a login granted ecpa_reader. In the \
            statements, {entry} is the entry a column aims at: the representative's own country's (FI) or \
            another's (SE), the one a juror scores (SE) or is in conflict with (FI); {country} is its country. \
            {juror} is the seat whose cell is aimed at: the Austrian juror's own, the Finnish juror's, the \
            advisory juror's; {juror_at} and {juror_fi} name the first two. {new_cell} is an entry on which that \
            seat has neither a score nor an abstention; {declared} and {override} the Lithuanian entry (both \
            jurors declared a conflict with it; the jury placed it by override); {abstained} the Hungarian one. \
            {person} is the Finnish representative's row, the Swedish one's for another country. {ranking} is a \
            ranking of the edition's eligible entries; {fresh_login} a login name nobody has; {no_group_login} \
            the login in no group; {victim_pid} a session the test opens only to have it ended.
            """)
        let holes = rows.reduce(0) { $0 + $1.holes.count }
        lines.append("")
        lines.append("Known holes, where PostgreSQL allows what DESIGN.md forbids: \(holes) (marked below).")
        for group in Group.allCases {
            let rows = rows.filter { $0.object.group == group }
            guard !rows.isEmpty else { continue }
            lines.append("")
            lines.append("### \(group.rawValue)")
            lines.append("")
            if let summary = group.summary {
                lines.append(summary)
                lines.append("")
            }
            lines.append("| object | action | phase | " + columnHeadings.joined(separator: " | ") + " |")
            lines.append("|" + Array(repeating: "---|", count: 3 + columnHeadings.count).joined())
            var previousObject: String?
            for row in rows {
                for (index, (phase, tokens)) in row.expected.enumerated() {
                    let outcomes = try outcomes(of: row, tokens)
                    let object = previousObject == row.object.name ? "" : "`\(shortName(row.object))`"
                    previousObject = row.object.name
                    let action = index == 0 ? row.label : ""
                    let cells = Subject.allCases.map { subject in
                        guard let hole = row.holes.first(where: { $0.phase == phase && $0.subject == subject }) else {
                            return outcomes[subject]!.words
                        }
                        return "**\(hole.actualOutcome.words)** (hole)"
                    }
                    lines.append("| \(object) | \(action) | \(phase.words) | " + cells.joined(separator: " | ") + " |")
                }
            }
            let notes = rows.compactMap { row in row.note.map { "- `\(shortName(row.object))` \(row.label): \($0)" } }
            if !notes.isEmpty {
                lines.append("")
                lines.append(contentsOf: notes)
            }
            // One line per row, subject and reason, naming the phases.
            let holes = rows.flatMap { row in
                var lines: [String] = []
                var seen = Set<String>()
                for hole in row.holes where seen.insert("\(hole.subject.rawValue)\n\(hole.why)").inserted {
                    let phases = row.holes.filter { $0.subject == hole.subject && $0.why == hole.why }.map(\.phase.words)
                    lines.append(
                        "- **Hole**: `\(shortName(row.object))` \(row.label), \(hole.subject.heading) (\(phases.joined(separator: ", "))): \(hole.why)."
                    )
                }
                return lines
            }
            if !holes.isEmpty {
                lines.append("")
                lines.append(contentsOf: holes)
            }
            lines.append("")
            lines.append("<details><summary>Statements</summary>")
            lines.append("")
            for row in rows {
                var line = "- `\(shortName(row.object))` \(row.label): `\(row.sql)`"
                for subject in Subject.allCases {
                    if let other = row.sqlFor[subject] { line += "; \(subject.heading): `\(other)`" }
                }
                lines.append(line)
            }
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func shortName(_ object: Object) -> String {
        object.name.hasPrefix("ecpa.") ? String(object.name.dropFirst("ecpa.".count)) : object.name
    }

    /// `document` with the text between the matrix markers replaced by `markdown()`.
    static func replacingMatrix(in document: String) throws -> String {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else {
            throw DataError(description: "docs/security.md has no \(beginMarker) ... \(endMarker) block")
        }
        return String(document[..<begin.upperBound]) + "\n" + (try markdown()) + String(document[end.lowerBound...])
    }

    /// The text between the matrix markers of `document`, without the newline after the begin marker.
    static func matrixBlock(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        let block = document[begin.upperBound..<end.lowerBound]
        return block.hasPrefix("\n") ? String(block.dropFirst()) : String(block)
    }
}
