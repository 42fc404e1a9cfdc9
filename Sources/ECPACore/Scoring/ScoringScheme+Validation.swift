import Foundation

extension ScoringScheme {
    /// Every rule the scheme breaks (DESIGN section 4): at least one criterion; unique codes of
    /// lower-case letters, digits and hyphens; weight above 0; min below max; a step above 0 that
    /// divides the scale into whole steps; weights and scale numbers of at most 6 decimals within a
    /// million of zero; a cascade without repeats that ends with `shared-place`.
    public var problems: [SchemeProblem] {
        validate(lines: [:])
    }

    /// The problems, each with the line of its field when the scheme came from a file.
    func validate(lines: [String: Int]) -> [SchemeProblem] {
        var problems = ScoringScheme.nameProblems(name, lines: lines)
        problems += ScoringScheme.lengthProblems(
            name: name, note: note,
            criteria: criteria.map { ($0.code, $0.name, $0.description) }, lines: lines)
        problems += ScoringScheme.criteriaProblems(codes: criteria.map(\.code), lines: lines)
        for criterion in criteria {
            problems += Criterion.problems(
                code: criterion.code, name: criterion.name, weight: criterion.weight,
                min: criterion.min, max: criterion.max, step: criterion.step, lines: lines)
        }
        problems += ScoringScheme.tieBreakProblems(tieBreaks, lines: lines)
        problems += analysis.problems
        problems += decision.problems(lines: lines)
        return SchemeProblem.sortedByLine(problems)
    }

    static func nameProblems(_ name: String, lines: [String: Int]) -> [SchemeProblem] {
        guard !VisibleText.has(name) else { return [] }
        return [SchemeProblem(line: lines["name"], field: "name", message: "must not be blank, e.g. name = \"ecpa-2025\".")]
    }

    /// The longest each text of a scheme may be, in characters (sql/0029 holds stored schemes to the same).
    public static let textLimits = (name: 200, note: 2_000, criterionName: 200, criterionDescription: 2_000)

    /// Texts over their limits: the scheme's name and note, each criterion's name and description.
    static func lengthProblems(
        name: String?, note: String?, criteria: [(code: String, name: String?, description: String?)],
        lines: [String: Int]
    ) -> [SchemeProblem] {
        var texts: [(String, String?, Int)] = [("name", name, textLimits.name), ("note", note, textLimits.note)]
        for criterion in criteria {
            texts.append(("criteria.\(criterion.code).name", criterion.name, textLimits.criterionName))
            texts.append(("criteria.\(criterion.code).description", criterion.description, textLimits.criterionDescription))
        }
        return texts.compactMap { key, text, limit in
            guard let count = text?.unicodeScalars.count, count > limit else { return nil }
            return SchemeProblem(
                line: lines[key], field: key,
                message: "has \(count.grouped) characters; the limit is \(limit.grouped). Shorten it.")
        }
    }

    /// At least one criterion, each code usable and given once.
    static func criteriaProblems(codes: [String], lines: [String: Int]) -> [SchemeProblem] {
        if codes.isEmpty {
            return [
                SchemeProblem(
                    line: nil, field: "criteria",
                    message: "a scheme needs at least one criterion, such as a [criteria.focus] section with its name, weight and scale.")
            ]
        }
        var problems: [SchemeProblem] = []
        var seen: [String: Int] = [:]
        for (position, code) in codes.enumerated() {
            let field = "criteria." + code
            if !isUsableCode(code) {
                problems.append(
                    SchemeProblem(
                        line: lines[field], field: field,
                        message:
                            "\"\(code)\" is not a usable criterion code: use lower-case letters, digits and hyphens, starting with a letter, e.g. [criteria.focus]."
                    ))
            }
            if let first = seen[code] {
                problems.append(
                    SchemeProblem(
                        line: lines[field], field: field,
                        message: "is given twice; the first is criterion \(first + 1)."))
            } else {
                seen[code] = position
            }
        }
        return problems
    }

    /// `^[a-z][a-z0-9-]*$`.
    static func isUsableCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func tieBreakProblems(_ rules: [TieBreakRule], lines: [String: Int]) -> [SchemeProblem] {
        let line = lines["tie_breaks"]
        guard let last = rules.last else {
            return [
                SchemeProblem(
                    line: line, field: "tie_breaks",
                    message:
                        "must list the tie-break rules in order, ending with \"shared-place\", e.g. [\"highest-weighted-criterion\", \"head-to-head\", \"shared-place\"]."
                )
            ]
        }
        var problems: [SchemeProblem] = []
        var seen: Set<TieBreakRule> = []
        for rule in rules where !seen.insert(rule).inserted {
            problems.append(SchemeProblem(line: line, field: "tie_breaks", message: "lists \"\(rule.rawValue)\" more than once."))
        }
        if last != .sharedPlace {
            problems.append(
                SchemeProblem(
                    line: line, field: "tie_breaks",
                    message:
                        "must end with \"shared-place\": a tie that no rule settles is a shared place for the jury to decide."))
        }
        return problems
    }
}

extension Criterion {
    /// The problems of one criterion; a value that is nil was missing or unreadable and has been
    /// reported already, so no rule involving it is checked.
    static func problems(
        code: String, name: String?, weight: Decimal?, min: Decimal?, max: Decimal?, step: Decimal?,
        lines: [String: Int]
    ) -> [SchemeProblem] {
        let prefix = "criteria." + code + "."
        var problems: [SchemeProblem] = []
        func report(_ key: String, _ message: String) {
            problems.append(SchemeProblem(line: lines[prefix + key] ?? lines["criteria." + code], field: prefix + key, message: message))
        }
        if let name, !VisibleText.has(name) {
            report("name", "must not be blank: it is the name jurors see, e.g. name = \"Innovation\".")
        }
        if let weight, weight <= 0 {
            report("weight", "must be more than 0; it is \(weight).")
        }
        if let min, let max, min >= max {
            report("max", "must be more than min; the scale runs from \(min) to \(max).")
        }
        if let step, step <= 0 {
            report("step", "must be more than 0; it is \(step).")
        } else if let step, let min, let max, min < max, !Criterion.divides(step, max - min) {
            report("step", "\(step) does not divide the scale from \(min) to \(max) into whole steps.")
        }
        for (key, value) in [("weight", weight), ("min", min), ("max", max), ("step", step)] {
            guard let value, !Criterion.isExact(value) else { continue }
            report(key, "must have at most 6 decimals and lie between -1,000,000 and 1,000,000; it is \(value).")
        }
        return problems
    }

    /// Whether a weight or scale number is one the ranking computes with exactly: at most six
    /// decimals, at most a million either side of zero.
    static func isExact(_ value: Decimal) -> Bool {
        guard let units = Millionths.of(value) else { return false }
        return units.magnitude <= 1_000_000 * UInt64(Millionths.perUnit)
    }

    /// Whether `span` is a whole multiple of `step` (both positive), checked exactly.
    static func divides(_ step: Decimal, _ span: Decimal) -> Bool {
        var quotient = span / step
        var whole = Decimal()
        NSDecimalRound(&whole, &quotient, 0, .plain)
        return whole * step == span
    }
}
