import Foundation

extension ScoringScheme {
    /// Reads a scheme file (`ecpa scheme set --file`), collecting every problem with its line; the
    /// scheme is nil unless there are none. Criteria keep file order.
    public static func parse(_ text: String) -> (scheme: ScoringScheme?, problems: [SchemeProblem]) {
        let reader = TOMLReader(text, wording: .schemeFile)
        var builder = SchemeBuilder()
        builder.checkHeaders(reader.headers)
        for entry in reader.entries { builder.take(entry) }
        let syntax = reader.problems.map { SchemeProblem(line: $0.line, field: $0.field, message: $0.message) }
        let (scheme, rules) = builder.finish()
        let problems = SchemeProblem.sortedByLine(syntax + builder.problems + rules)
        return (problems.isEmpty ? scheme : nil, problems)
    }

    /// The scheme as a commented file that `parse` reads back to an equal scheme.
    public var tomlText: String {
        var out = [
            "# Scoring scheme for the European Crime Prevention Award.",
            "# method: " + RankingMethod.allCases.map(\.rawValue).joined(separator: ", ") + ".",
            "# tie_breaks: applied in order; the last must be \"shared-place\".",
            "# Each [criteria.CODE] section is one criterion, in the order jurors see them; a juror's",
            "# total is the weighted mean of their scores; scores go from min to max in steps of step.",
            "# [analysis]: how `ecpa results explain` weighs the podium (docs/scoring.md): resamples of the",
            "# jurors, the generator's seed, the rank intervals' level, and the shares below which a medal",
            "# is contested (keep_chance) or a weight change that swaps it counts as small (weight_radius).",
            "# [decision]: whether a deliberation round follows scoring (deliberation = true or false), whether",
            "# a final ballot on a shortlist follows (ballot = true or false) and which result decides the",
            "# medals (decided_by: \"scores\", \"revised-scores\" or \"ballot\").",
            "",
            "name = " + TOMLWriter.basic(name),
        ]
        if let note { out.append("note = " + ScoringScheme.text(note)) }
        out.append("method = " + TOMLWriter.basic(method.rawValue))
        out.append("tie_breaks = [" + tieBreaks.map { TOMLWriter.basic($0.rawValue) }.joined(separator: ", ") + "]")
        for criterion in criteria {
            out.append("")
            let key = ScoringScheme.isUsableCode(criterion.code) ? criterion.code : TOMLWriter.basic(criterion.code)
            out.append("[criteria." + key + "]")
            out.append("name = " + TOMLWriter.basic(criterion.name))
            out.append("description = " + ScoringScheme.text(criterion.description))
            out.append("weight = \(criterion.weight)")
            out.append("min = \(criterion.min)")
            out.append("max = \(criterion.max)")
            out.append("step = \(criterion.step)")
        }
        out.append("")
        out += analysis.tomlLines
        out.append("")
        out += decision.tomlLines
        return out.joined(separator: "\n") + "\n"
    }

    /// Short one-line text in quotes, anything longer between triple quotes.
    private static func text(_ value: String) -> String {
        value.contains("\n") || value.count > 60 ? TOMLWriter.multiline(value) : TOMLWriter.basic(value)
    }
}

extension TOMLReader.Wording {
    /// Scheme files: top-level settings, one [criteria.CODE] section per criterion, then [analysis].
    static let schemeFile = TOMLReader.Wording(
        sectionExample: "[criteria.focus]",
        sectionAdvice: "write one [criteria.CODE] section per criterion",
        inlineTableAdvice: "write each criterion as its own [criteria.CODE] section",
        keyValueExample: "name = \"ecpa-2025\""
    )
}

/// Matches the entries read from a scheme file to the scheme's fields.
private struct SchemeBuilder {
    /// What was read of one criterion; nil where missing or unreadable.
    struct Draft {
        var code: String
        var name: String?
        var description: String?
        var weight: Decimal?
        var min: Decimal?
        var max: Decimal?
        var step: Decimal?
    }

    static let topKeys = ["name", "note", "method", "tie_breaks"]
    static let criterionKeys = ["name", "description", "weight", "min", "max", "step"]
    static let sections =
        "a scheme has name, note, method and tie_breaks at the top, one [criteria.CODE] section per criterion and optional [analysis] and [decision] sections"

    var problems: [SchemeProblem] = []
    var lines: [String: Int] = [:]
    private var name: String?
    private var note: String?
    private var method: RankingMethod?
    private var tieBreaks: [TieBreakRule]?
    private var drafts: [Draft] = []
    /// The `[analysis]` settings read, by key.
    private var analysis: [String: Decimal] = [:]
    private var deliberation: Bool?
    private var ballot: Bool?
    private var decidedBy: DecisionSettings.Result?
    /// Keys read but unusable: reported once, and not reported again as missing.
    private var unreadable: Set<String> = []
    private var unknownTables: Set<[String]> = []

    mutating func checkHeaders(_ headers: [TOMLHeader]) {
        var seen: [[String]: Int] = [:]
        for header in headers {
            let written = header.path.joined(separator: ".")
            if let first = seen[header.path] {
                report(
                    nil, header.line,
                    "the [\(written)] section appears twice; the first is on line \(first).")
                continue
            }
            seen[header.path] = header.line
            if header.path == ["criteria"] || header.path == ["analysis"] || header.path == ["decision"] { continue }
            if header.path.count == 2, header.path[0] == "criteria" {
                _ = draftIndex(header.path[1], line: header.line)
                continue
            }
            unknownTables.insert(header.path)
            report(
                nil, header.line,
                "there is no [\(written)] section; \(SchemeBuilder.sections).")
        }
    }

    mutating func take(_ entry: TOMLEntry) {
        if unknownTables.contains(entry.table) { return }
        let key = entry.path.joined(separator: ".")
        // A line whose value could not be read is already reported.
        if entry.value == .invalid {
            unreadable.insert(key)
            return
        }
        if let first = lines[key] {
            report(key, entry.line, "is given twice; the first is on line \(first).")
            return
        }
        switch entry.path.count {
        case 1 where SchemeBuilder.topKeys.contains(entry.path[0]):
            lines[key] = entry.line
            takeTop(entry.path[0], entry.value, key: key, line: entry.line)
        case 3 where entry.path[0] == "criteria" && SchemeBuilder.criterionKeys.contains(entry.path[2]):
            lines[key] = entry.line
            let index = draftIndex(entry.path[1], line: entry.line)
            takeCriterion(index, entry.path[2], entry.value, key: key, line: entry.line)
        case 2 where entry.path[0] == "analysis" && AnalysisSettings.keys.contains(entry.path[1]):
            lines[key] = entry.line
            if let number = number(entry.value, key: key, line: entry.line) { analysis[entry.path[1]] = number }
        case 2 where entry.path[0] == "decision" && DecisionSettings.keys.contains(entry.path[1]):
            lines[key] = entry.line
            takeDecision(entry.path[1], entry.value, key: key, line: entry.line)
        case 2... where entry.path[0] == "decision":
            unreadable.insert(key)
            report(key, entry.line, "is not a decision setting; [decision] has deliberation, ballot and decided_by.")
        case 2... where entry.path[0] == "analysis":
            unreadable.insert(key)
            report(
                key, entry.line,
                "is not an analysis setting; [analysis] has " + AnalysisSettings.keys.dropLast().joined(separator: ", ") + " and "
                    + (AnalysisSettings.keys.last ?? "") + ".")
        case 3... where entry.path[0] == "criteria":
            unreadable.insert(key)
            report(key, entry.line, "is not a field of a criterion; a criterion has name, description, weight, min, max and step.")
        case 1...2 where entry.path[0] == "criteria":
            unreadable.insert(key)
            report(
                key, entry.line,
                "is a section: write each criterion as its own [criteria.CODE] section with name, description, weight, min, max and step.")
        default:
            unreadable.insert(key)
            report(
                key, entry.line,
                "is not a field of a scoring scheme; \(SchemeBuilder.sections).")
        }
    }

    /// The scheme, if everything required could be read, and the rule problems of what was read.
    func finish() -> (ScoringScheme?, [SchemeProblem]) {
        // Sorted by line later, stably: problems without a line keep this order.
        var rules: [SchemeProblem] = []
        func require(_ key: String, _ present: Bool, line: Int?, _ message: String) {
            if !present, !unreadable.contains(key) {
                rules.append(SchemeProblem(line: line, field: key, message: message))
            }
        }
        require("name", name != nil, line: nil, "is required, e.g. name = \"ecpa-2025\".")
        require(
            "method", method != nil, line: nil,
            "is required: one of " + RankingMethod.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ".")
        require(
            "tie_breaks", tieBreaks != nil, line: nil,
            "is required, e.g. tie_breaks = [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"].")
        if let name { rules += ScoringScheme.nameProblems(name, lines: lines) }
        rules += ScoringScheme.lengthProblems(
            name: name, note: note,
            criteria: drafts.map { ($0.code, $0.name, $0.description) }, lines: lines)
        if let tieBreaks { rules += ScoringScheme.tieBreakProblems(tieBreaks, lines: lines) }
        rules += ScoringScheme.criteriaProblems(codes: drafts.map(\.code), lines: lines)
        var criteria: [Criterion] = []
        for draft in drafts {
            let prefix = "criteria." + draft.code + "."
            let line = lines["criteria." + draft.code]
            require(prefix + "name", draft.name != nil, line: line, "is required: the criterion's name as jurors see it.")
            for (key, value) in [("weight", draft.weight), ("min", draft.min), ("max", draft.max), ("step", draft.step)] {
                require(prefix + key, value != nil, line: line, "is required: a number, e.g. \(key) = \(SchemeBuilder.example(key)).")
            }
            rules += Criterion.problems(
                code: draft.code, name: draft.name, weight: draft.weight, min: draft.min,
                max: draft.max, step: draft.step, lines: lines)
            if let name = draft.name, let weight = draft.weight, let min = draft.min, let max = draft.max, let step = draft.step {
                criteria.append(
                    Criterion(
                        code: draft.code, name: name, description: draft.description ?? "",
                        weight: weight, min: min, max: max, step: step))
            }
        }
        rules += AnalysisSettings.problems(analysis, lines: lines)
        let decision = DecisionSettings(
            deliberation: deliberation ?? DecisionSettings.default.deliberation, ballot: ballot ?? DecisionSettings.default.ballot,
            decidedBy: decidedBy ?? DecisionSettings.default.decidedBy)
        rules += decision.problems(lines: lines)
        guard let name, let method, let tieBreaks, criteria.count == drafts.count else { return (nil, rules) }
        let defaults = AnalysisSettings.default
        let settings = AnalysisSettings(
            resamples: analysis["resamples"].map { NSDecimalNumber(decimal: $0).intValue } ?? defaults.resamples,
            seed: analysis["seed"].map { NSDecimalNumber(decimal: $0).int64Value } ?? defaults.seed,
            intervalLevel: analysis["interval_level"] ?? defaults.intervalLevel,
            keepChance: analysis["keep_chance"] ?? defaults.keepChance,
            weightRadius: analysis["weight_radius"] ?? defaults.weightRadius)
        let scheme = ScoringScheme(
            name: name, note: note, method: method, criteria: criteria, tieBreaks: tieBreaks, analysis: settings, decision: decision)
        return (scheme, rules)
    }

    private static func example(_ key: String) -> String {
        switch key {
        case "max": "10"
        case "min": "0"
        default: "1"
        }
    }

    private mutating func draftIndex(_ code: String, line: Int) -> Int {
        if let index = drafts.firstIndex(where: { $0.code == code }) { return index }
        drafts.append(Draft(code: code))
        lines["criteria." + code] = line
        return drafts.count - 1
    }

    private mutating func takeTop(_ name: String, _ value: TOMLValue, key: String, line: Int) {
        switch name {
        case "name":
            self.name = text(value, key: key, line: line)
        case "note":
            note = text(value, key: key, line: line)
        case "method":
            guard case .string(let written) = value, let method = RankingMethod(rawValue: written) else {
                let choices = RankingMethod.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                fail(key, line, "must be one of \(choices), in double quotes.")
                return
            }
            self.method = method
        default:
            tieBreaks = rules(value, key: key, line: line)
        }
    }

    private mutating func takeDecision(_ name: String, _ value: TOMLValue, key: String, line: Int) {
        if name == "deliberation" || name == "ballot" {
            guard case .bool(let flag) = value else {
                fail(key, line, "must be true or false, without quotes.")
                return
            }
            if name == "ballot" { ballot = flag } else { deliberation = flag }
            return
        }
        guard case .string(let written) = value, let result = DecisionSettings.Result(rawValue: written) else {
            let choices = DecisionSettings.Result.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            fail(key, line, "must be \(choices), in double quotes.")
            return
        }
        decidedBy = result
    }

    private mutating func takeCriterion(_ index: Int, _ name: String, _ value: TOMLValue, key: String, line: Int) {
        switch name {
        case "name": drafts[index].name = text(value, key: key, line: line)
        case "description": drafts[index].description = text(value, key: key, line: line)
        case "weight": drafts[index].weight = number(value, key: key, line: line)
        case "min": drafts[index].min = number(value, key: key, line: line)
        case "max": drafts[index].max = number(value, key: key, line: line)
        default: drafts[index].step = number(value, key: key, line: line)
        }
    }

    private mutating func text(_ value: TOMLValue, key: String, line: Int) -> String? {
        if case .string(let text) = value { return text }
        fail(key, line, "must be text in double quotes.")
        return nil
    }

    /// An integer or an exact decimal such as 0.5; never read through Double.
    private mutating func number(_ value: TOMLValue, key: String, line: Int) -> Decimal? {
        switch value {
        case .integer(let number): return Decimal(number)
        case .decimal(let number): return number
        case .bare(let token):
            if let number = TOMLReader.decimal(token) { return number }
        case .string(let text):
            if TOMLReader.decimal(text) != nil {
                fail(key, line, "must be a number without quotes, e.g. \(key.split(separator: ".").last ?? "") = \(text).")
                return nil
            }
        default: break
        }
        fail(key, line, "must be a number such as 1 or 0.5.")
        return nil
    }

    private mutating func rules(_ value: TOMLValue, key: String, line: Int) -> [TieBreakRule]? {
        let choices = TieBreakRule.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .array(let items) = value else {
            fail(
                key, line,
                "must be a list of tie-break rules in double quotes, e.g. [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"].")
            return nil
        }
        var rules: [TieBreakRule] = []
        var valid = true
        for item in items {
            if case .string(let written) = item, let rule = TieBreakRule(rawValue: written) {
                rules.append(rule)
            } else {
                let shown: String = if case .string(let written) = item { "\"\(written)\"" } else { "an item" }
                fail(key, line, "has \(shown), which is not a tie-break rule; the rules are \(choices).")
                valid = false
            }
        }
        return valid ? rules : nil
    }

    private mutating func fail(_ key: String, _ line: Int, _ message: String) {
        unreadable.insert(key)
        report(key, line, message)
    }

    private mutating func report(_ field: String?, _ line: Int, _ message: String) {
        problems.append(SchemeProblem(line: line, field: field, message: message))
    }
}
