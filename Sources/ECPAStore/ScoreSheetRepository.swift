import ECPACore
import Foundation
import LibPQ

/// Score sheets: the rows a juror scores, read in batches, and a sheet imported back in bulk.
///
/// An import streams the file with COPY into a temporary table of text columns, checks every
/// row set-based in SQL (one problem row per problem), and only when there is none writes the
/// changed cells with one INSERT ... ON CONFLICT DO UPDATE: one transaction, one ledger batch.
/// The CSV is parsed by PostgreSQL's COPY, never row by row in Swift.
public struct ScoreSheetRepository {
    let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }

    /// The juror's sheet: eligible competing entries they are not in conflict with and have not
    /// abstained on, by entry id, each with every criterion in scheme order. Rows come in
    /// batches from a cursor, so a big sheet never sits in memory whole.
    public func forEachSheetRow(
        edition: Edition, juror: Juror, batchSize: Int = 10_000, _ body: ([ScoreSheetRow]) throws -> Void
    ) throws {
        try translating {
            try connection.transaction { db in
                try db.execute(
                    """
                    DECLARE score_sheet_rows NO SCROLL CURSOR FOR
                    SELECT e.id AS entry_id, e.country_code, e.title, c.code, c.name,
                           trim_scale(c.min_value)::text AS min_value, trim_scale(c.max_value)::text AS max_value,
                           trim_scale(c.step)::text AS step, trim_scale(s.value)::text AS value, s.comment
                    FROM ecpa.entries e
                    JOIN ecpa.criteria c ON c.edition_id = e.edition_id
                    LEFT JOIN ecpa.scores s
                           ON s.entry_id = e.id AND s.juror_id = \(juror.id.rawValue) AND s.criterion_code = c.code
                    WHERE e.edition_id = \(edition.id.rawValue) AND e.kind = 'competing' AND e.state = 'eligible'
                      AND NOT (\(edition.ownCountryConflict) AND e.country_code = \(juror.country.rawValue))
                      AND NOT EXISTS (SELECT FROM ecpa.declared_conflicts d
                                      WHERE d.juror_id = \(juror.id.rawValue) AND d.entry_id = e.id)
                      AND NOT EXISTS (SELECT FROM ecpa.abstentions a
                                      WHERE a.juror_id = \(juror.id.rawValue) AND a.entry_id = e.id)
                    ORDER BY e.id, c.position
                    """)
                while true {
                    let rows = try db.query("FETCH FORWARD \(unsafeRaw: String(max(1, batchSize))) FROM score_sheet_rows")
                    if rows.isEmpty { break }
                    try body(
                        rows.map { row in
                            ScoreSheetRow(
                                entry: EntryID(try row.decode("entry_id")), country: try row.decode("country_code"),
                                title: try row.decode("title"), criterion: try row.decode("code"),
                                criterionName: try row.decode("name"), min: try row.decode("min_value"),
                                max: try row.decode("max_value"), step: try row.decode("step"),
                                value: try row.decode("value"), comment: try row.decode("comment"))
                        })
                }
                try db.execute("CLOSE score_sheet_rows")
            }
        }
    }

    /// Imports a juror's score sheet from a CSV file: every row is checked, and the changed cells
    /// are written together only when no row has a problem. `progress` gets (bytes read, file size);
    /// `phase` hears each step as it begins.
    public func importSheet(
        path: String, edition: Edition, juror: Juror, criteria: [Criterion],
        progress: ((Int, Int) -> Void)? = nil, phase: ((ScoreImportPhase) -> Void)? = nil
    ) throws -> ScoreImportOutcome {
        var unread: ScoreSheetFile? = try ScoreSheetFile(path: path)
        let (header, headerProblems) = ScoreSheetHeader.read(unread?.headerLine ?? "")
        guard let header else { return .refused(headerProblems) }
        do {
            return try translating {
                // A second attempt (after another session's concurrent change) reads the file anew.
                try connection.transaction(retry: .concurrentChange) { db in
                    let file = try unread ?? ScoreSheetFile(path: path)
                    unread = nil
                    phase?(.reading)
                    try stage(file, header: header, on: db, progress: progress)
                    phase?(.checking)
                    let refusal = try withCheckingMemory(on: db) { () throws -> [ScoreSheetProblem]? in
                        guard try check(edition: edition, juror: juror, on: db) > 0 else { return nil }
                        return try problems(edition: edition, juror: juror, criteria: criteria, on: db)
                    }
                    if let refusal { return .refused(refusal) }
                    return .imported(try merge(edition: edition, juror: juror, on: db, phase: phase))
                }
            }
        } catch ScoreImportError.malformed(let problem) {
            return .refused([problem])
        }
    }

    // MARK: - Staging

    /// COPY the file into `pg_temp.score_import`: text columns in the file's column order, and
    /// `rec`, the record's number among the data rows (COPY fills it in file order).
    private func stage(
        _ file: ScoreSheetFile, header: ScoreSheetHeader, on db: Connection, progress: ((Int, Int) -> Void)?
    ) throws {
        let columns = ScoreSheetColumn.allCases.map { "\(Connection.quoteIdentifier($0.rawValue)) text" }
        try db.execute(
            SQL(
                unsafeRaw: """
                    CREATE TEMPORARY TABLE score_import (
                        rec bigint GENERATED ALWAYS AS IDENTITY, \(columns.joined(separator: ", "))
                    ) ON COMMIT DROP
                    """))
        let fileColumns = header.columns.map { Connection.quoteIdentifier($0.rawValue) }.joined(separator: ", ")
        // COPY takes no bound parameters; the delimiter is one of two fixed characters and the
        // column names are the sheet's own, checked against ScoreSheetColumn.
        let delimiter = header.delimiter == .semicolon ? "';'" : "','"
        let copy = SQL(
            unsafeRaw: """
                COPY pg_temp.score_import (\(fileColumns)) FROM STDIN
                (FORMAT csv, HEADER true, DELIMITER \(delimiter), ENCODING 'UTF8')
                """)
        do {
            _ = try db.copyIn(copy, chunks: file, progress: { _ in progress?(file.bytesRead, file.size) })
        } catch let error as PQError {
            if let readError = file.readError { throw readError }
            throw Self.copyProblem(error, file: file)
        }
        if let readError = file.readError { throw readError }
    }

    /// Turns COPY's own errors (malformed CSV, bytes that are not UTF-8) into a refusal naming the
    /// line. The SQLSTATE decides; the server's English wording only picks the sentence, and a
    /// server speaking another language gets the general one with its own message.
    static func copyProblem(_ error: PQError, file: ScoreSheetFile) -> Error {
        let line = Self.copyLine(error.context)
        switch error.sqlState {
        case SQLState.characterNotInRepertoire, SQLState.untranslatableCharacter:
            return ScoreImportError.notUTF8(line: line)
        case SQLState.badCopyFileFormat:
            let message: String
            if error.message.hasPrefix("unterminated CSV quoted field") {
                let opened = ScoreSheetFile.lineOfUnclosedQuote(path: file.path)
                message =
                    "The file ends inside a quoted field: the double quote (\") that opens a field\(opened.map { " on line \($0)" } ?? "") is never closed. Close it, or double a quote meant as text (\"\")."
                return ScoreImportError.malformed(ScoreSheetProblem(line: opened ?? line, column: nil, message: message, rule: .malformed))
            } else if error.message.hasPrefix("missing data for column"), error.context?.hasSuffix(": \"\"") == true {
                message = "The line is empty; remove it (rows with only separators are fine)."
            } else if error.message.hasPrefix("missing data for column") {
                message = "The row has fewer fields than the header. A field with the separator in it needs double quotes."
            } else if error.message.hasPrefix("extra data after last expected column") {
                message = "The row has more fields than the header. A field with the separator in it needs double quotes."
            } else {
                message = "The row cannot be read as CSV: \(StoreError.sentence(error.message))"
            }
            return ScoreImportError.malformed(ScoreSheetProblem(line: line, column: nil, message: message, rule: .malformed))
        default:
            return error
        }
    }

    /// The line COPY names in its error context, e.g. "COPY score_import, line 5: ...".
    static func copyLine(_ context: String?) -> Int? {
        guard let context, let range = context.range(of: #"line [0-9]+"#, options: .regularExpression) else { return nil }
        return Int(context[range].dropFirst("line ".count))
    }

    // MARK: - Checking

    /// Working memory for sorts and hashes while the sheet is checked: with PostgreSQL's default
    /// of 4 MB, the joins and the search for duplicate cells over a million rows spill to disk.
    /// Set for this transaction only, and given back before writing, so the triggers a write
    /// fires run as they do for any other write.
    private static let checkingWorkMem = "64MB"

    private func withCheckingMemory<T>(on db: Connection, _ body: () throws -> T) throws -> T {
        let before: String = try db.query("SELECT pg_catalog.current_setting('work_mem') AS setting").first?.decode("setting") ?? ""
        try db.execute("SELECT pg_catalog.set_config('work_mem', \(Self.checkingWorkMem), true)")
        let value = try body()
        if !before.isEmpty {
            try db.execute("SELECT pg_catalog.set_config('work_mem', \(before), true)")
        }
        return value
    }

    /// One rule an imported row is checked against: when it applies (SQL over the columns of
    /// `score_import_rows`), and what the problem row records.
    private struct Check {
        var applies: SQL
        var order: Int
        var column: ScoreSheetColumn
        var code: String
        var details: [String] = []
    }

    /// The rules, in the order their problems are listed within a line. Rows with an empty
    /// value write nothing, so only the checks of the row's identity apply to them.
    private func checks(edition: Edition, juror: Juror) -> [Check] {
        [
            Check(applies: "r.edition_t <> \(String(edition.year))", order: 1, column: .edition, code: "edition", details: ["r.edition_t"]),
            Check(applies: "r.juror_t <> \(juror.roleName)", order: 2, column: .juror, code: "juror", details: ["r.juror_t"]),
            Check(applies: "r.entry IS NULL", order: 3, column: .entryID, code: "entry_number", details: ["r.entry_t"]),
            Check(applies: "r.entry IS NOT NULL AND r.e_id IS NULL", order: 3, column: .entryID, code: "entry_unknown", details: ["r.entry_t"]),
            Check(
                applies: "r.value IS NOT NULL AND (r.e_kind <> 'competing' OR r.e_state <> 'eligible')",
                order: 3, column: .entryID, code: "entry_state", details: ["r.entry_t", "r.e_title", "r.e_state", "r.e_kind"]),
            Check(
                applies: "r.value IS NOT NULL AND r.own_country", order: 3, column: .entryID, code: "conflict_own",
                details: ["r.entry_t", "r.e_title"]),
            Check(
                applies: "r.value IS NOT NULL AND r.declared_reason IS NOT NULL", order: 3, column: .entryID,
                code: "conflict_declared", details: ["r.entry_t", "r.e_title", "r.declared_reason"]),
            Check(
                applies: "r.value IS NOT NULL AND r.abstained", order: 3, column: .entryID, code: "abstained",
                details: ["r.entry_t", "r.e_title"]),
            Check(
                applies: "r.country_t <> '' AND upper(r.country_t) <> r.e_country", order: 4, column: .country, code: "country",
                details: ["r.entry_t", "r.e_country", "r.country_t"]),
            Check(applies: "r.c_code IS NULL", order: 6, column: .criterion, code: "criterion_unknown", details: ["r.criterion_t"]),
            Check(applies: "r.value_t <> '' AND r.value IS NULL", order: 9, column: .value, code: "value_number", details: ["r.value_t"]),
            // ecpa.on_scale is inlined (it sets no search_path), so it costs no call per row.
            Check(
                applies: """
                    r.value IS NOT NULL AND r.c_code IS NOT NULL
                    AND NOT ecpa.on_scale(r.value, r.min_value, r.max_value, r.step)
                    """, order: 9, column: .value, code: "value_scale", details: ["r.value_t", "r.c_code"]),
            Check(applies: "r.value_t = '' AND r.comment IS NOT NULL", order: 10, column: .comment, code: "comment_alone"),
            // FreeText.comment is the limit sql/0029 holds stored comments to (SharedRulesTests).
            Check(
                applies: "r.value_t <> '' AND char_length(r.comment) > \(FreeText.comment.limit)", order: 10, column: .comment,
                code: "comment_length", details: ["char_length(r.comment)::text"]),
            Check(
                applies: "r.value_t <> '' AND NOT ecpa.is_clean_text(r.comment, true)", order: 10, column: .comment,
                code: "comment_control"),
        ]
    }

    /// Parses and joins every staged row once into `pg_temp.score_import_rows`, marking the rows
    /// that break a rule, then writes one row per problem into `pg_temp.score_import_problems`;
    /// returns how many problems there are.
    /// The grammar of a score's text (`ScoreValue`) in SQL: the number a text column holds, or
    /// NULL when it is not a score. Spaces and tabs around it do not count; at most 38 digits.
    public static func valueExpression(_ column: String) -> String {
        let trimmed = "btrim(\(column), E' \\t')"
        return "CASE WHEN \(trimmed) ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$' AND length(translate(\(trimmed), '+-.,', '')) <= 38 "
            + "THEN trim_scale(replace(\(trimmed), ',', '.')::numeric) END"
    }

    private func check(edition: Edition, juror: Juror, on db: Connection) throws -> Int {
        let rules = checks(edition: edition, juror: juror)
        let anyRule = rules.map { "coalesce(" + $0.applies + ", false)" }.reduce(SQL("false")) { $0 + " OR " + $1 }
        let blankPattern = "^[ \\t]*$"
        // OFFSET 0 keeps the parsing in its own subquery, computed once per row: flattened, each
        // join would parse the entry number and criterion again. The parsing is most of the
        // checking's time, so it is kept cheap: the entry number's length is checked apart (a
        // bounded repeat such as [0-9]{1,18} makes a regular expression twice as slow), and a row
        // with an entry number is not blank without matching the whole row against a pattern.
        try db.execute(
            """
            CREATE TEMPORARY TABLE score_import_rows ON COMMIT DROP AS
            SELECT r.*, NOT r.blank AND (\(anyRule)) AS bad
            FROM (
                SELECT p.*,
                       e.id AS e_id, e.kind AS e_kind, e.state AS e_state, e.country_code AS e_country, e.title AS e_title,
                       coalesce(\(edition.ownCountryConflict) AND e.country_code = \(juror.country.rawValue), false) AS own_country,
                       d.reason AS declared_reason, a.entry_id IS NOT NULL AS abstained,
                       c.code AS c_code, c.min_value, c.max_value, c.step,
                       s.value AS old_value, s.comment AS old_comment
                FROM (
                    SELECT t.*,
                           CASE WHEN t.entry_t ~ '^[0-9]+$' AND length(t.entry_t) <= 18 THEN t.entry_t::bigint END AS entry,
                           \(unsafeRaw: Self.valueExpression("t.value_t")) AS value
                    FROM (
                        SELECT rec,
                               btrim(coalesce(edition, ''), E' \\t') AS edition_t,
                               btrim(coalesce(juror, ''), E' \\t') AS juror_t,
                               btrim(coalesce(entry_id, ''), E' \\t') AS entry_t,
                               btrim(coalesce(country, ''), E' \\t') AS country_t,
                               lower(btrim(coalesce(criterion, ''), E' \\t')) AS criterion_t,
                               btrim(coalesce(value, ''), E' \\t') AS value_t,
                               CASE WHEN btrim(coalesce(comment, ''), E' \\t\\n') = '' THEN NULL ELSE comment END AS comment,
                               CASE WHEN btrim(coalesce(entry_id, ''), E' \\t') <> '' THEN false
                                    ELSE concat(edition, juror, entry_id, country, entry_title, criterion, criterion_name, scale, value, comment)
                                         ~ \(blankPattern) END AS blank
                        FROM pg_temp.score_import
                    ) t
                    OFFSET 0
                ) p
                LEFT JOIN ecpa.entries e ON e.id = p.entry AND e.edition_id = \(edition.id.rawValue)
                LEFT JOIN ecpa.criteria c ON c.edition_id = \(edition.id.rawValue) AND c.code = p.criterion_t
                LEFT JOIN ecpa.declared_conflicts d ON d.juror_id = \(juror.id.rawValue) AND d.entry_id = p.entry
                LEFT JOIN ecpa.abstentions a ON a.juror_id = \(juror.id.rawValue) AND a.entry_id = p.entry
                LEFT JOIN ecpa.scores s
                       ON s.juror_id = \(juror.id.rawValue) AND s.entry_id = p.entry AND s.criterion_code = p.criterion_t
            ) r
            """)
        let values = rules.map { rule -> SQL in
            let details = (rule.details + Array(repeating: "NULL", count: 4 - rule.details.count)).map { "\($0)::text" }
            return "(coalesce(" + rule.applies + ", false), "
                + SQL(unsafeRaw: "\(rule.order), '\(rule.column.rawValue)'::text, '\(rule.code)'::text, \(details.joined(separator: ", ")))")
        }.reduce(SQL("")) { $0.text.isEmpty ? $1 : $0 + ",\n" + $1 }
        return try db.execute(
            """
            CREATE TEMPORARY TABLE score_import_problems ON COMMIT DROP AS
            SELECT r.rec, x.ord, x.col, x.code, x.d1, x.d2, x.d3, x.d4, NULL::bigint AS first_rec
            FROM pg_temp.score_import_rows r
            CROSS JOIN LATERAL (VALUES \(values)) AS x(applies, ord, col, code, d1, d2, d3, d4)
            WHERE r.bad AND x.applies
            UNION ALL
            SELECT r.rec, 6, 'criterion', 'duplicate', r.entry_t, r.criterion_t, NULL, NULL, dup.first_rec
            FROM pg_temp.score_import_rows r
            JOIN (SELECT entry, criterion_t, min(rec) AS first_rec FROM pg_temp.score_import_rows
                  WHERE NOT blank AND entry IS NOT NULL AND c_code IS NOT NULL
                  GROUP BY entry, criterion_t HAVING count(*) > 1) dup
              ON dup.entry = r.entry AND dup.criterion_t = r.criterion_t
            WHERE NOT r.blank AND r.rec <> dup.first_rec
            """)
    }

    /// The problems with their physical lines. A row starts on line 1 (the header) + its record
    /// number + the line ends inside the quoted fields of the rows before it (LineEndNormalizer
    /// made every line end one LF); computed only when there are problems to show.
    private func problems(edition: Edition, juror: Juror, criteria: [Criterion], on db: Connection) throws -> [ScoreSheetProblem] {
        let rows = try db.query(
            """
            WITH lines AS (
                SELECT rec, 1 + rec + coalesce(sum(nl) OVER (ORDER BY rec ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
                FROM (SELECT rec, length(t) - length(replace(t, E'\\n', '')) AS nl
                      FROM (SELECT rec, concat(edition, juror, entry_id, country, entry_title, criterion,
                                               criterion_name, scale, value, comment) AS t
                            FROM pg_temp.score_import) a) b
            )
            SELECT l.line::bigint AS line, p.col, p.code, p.d1, p.d2, p.d3, p.d4, fl.line::bigint AS first_line
            FROM pg_temp.score_import_problems p
            JOIN lines l ON l.rec = p.rec
            LEFT JOIN lines fl ON fl.rec = p.first_rec
            ORDER BY l.line, p.ord
            """)
        let byCode = Dictionary(uniqueKeysWithValues: criteria.map { ($0.code, $0) })
        let ownReason = "own country: the juror is from \(Country.named(juror.country)?.name ?? juror.country.rawValue)"
        return try rows.map { row in
            let code: String = try row.decode("code")
            guard let rule = ScoreSheetProblem.Rule(rawValue: code) else {
                throw StoreError.database("The import's checks named a rule this version does not know: \(code).")
            }
            let d1: String = try row.decode("d1", as: String?.self) ?? ""
            let d2: String = try row.decode("d2", as: String?.self) ?? ""
            let d3: String = try row.decode("d3", as: String?.self) ?? ""
            let d4: String = try row.decode("d4", as: String?.self) ?? ""
            let message: String
            switch rule {
            case .edition: message = ScoreSheetProblem.Says.wrongEdition(d1, expected: edition.year)
            case .juror: message = ScoreSheetProblem.Says.otherJuror(d1, expected: juror.roleName)
            case .entryNumber: message = ScoreSheetProblem.Says.notAnEntryNumber(d1)
            case .entryUnknown: message = ScoreSheetProblem.Says.unknownEntry(d1, edition: edition.year)
            case .country: message = ScoreSheetProblem.Says.countryMismatch(entry: d1, actual: d2, found: d3)
            case .criterionUnknown: message = ScoreSheetProblem.Says.unknownCriterion(d1, known: criteria.map(\.code))
            case .valueNumber: message = ScoreSheetProblem.Says.notANumber(d1)
            case .entryState: message = ScoreSheetProblem.Says.notScored(entry: d1, title: d2, state: d3, kind: d4)
            case .conflictOwn:
                message = ScoreSheetProblem.Says.conflict(juror: juror.roleName, entry: d1, title: d2, reason: ownReason)
            case .conflictDeclared:
                message = ScoreSheetProblem.Says.conflict(juror: juror.roleName, entry: d1, title: d2, reason: "declared: \(d3)")
            case .abstained: message = ScoreSheetProblem.Says.abstained(juror: juror.roleName, entry: d1, title: d2)
            case .valueScale:
                let criterion = byCode[d2]
                message = ScoreSheetProblem.Says.offScale(d1, criterion: criterion?.name ?? d2, scale: criterion?.scaleDescription ?? "")
            case .commentAlone: message = ScoreSheetProblem.Says.commentWithoutValue
            case .commentLength: message = ScoreSheetProblem.Says.commentTooLong(Int(d1) ?? 0)
            case .commentControl: message = ScoreSheetProblem.Says.commentControlCharacter
            case .duplicate:
                let first: Int64? = try row.decode("first_line")
                message = ScoreSheetProblem.Says.duplicate(entry: d1, criterion: d2, firstLine: Int(first ?? 0))
            case .malformed, .header:
                throw StoreError.database("The import's checks named a rule of reading the file: \(code).")
            }
            let line: Int64 = try row.decode("line")
            let column: String = try row.decode("col")
            return ScoreSheetProblem(line: Int(line), column: ScoreSheetColumn(rawValue: column), message: message, rule: rule)
        }
    }

    // MARK: - Writing

    /// Counts what the rows would change, then writes the new and changed cells in one statement.
    private func merge(
        edition: Edition, juror: Juror, on db: Connection, phase: ((ScoreImportPhase) -> Void)?
    ) throws -> ScoreImportSummary {
        let counts = try db.query(
            """
            SELECT count(*) FILTER (WHERE NOT blank) AS rows,
                   count(*) FILTER (WHERE value IS NOT NULL AND old_value IS NULL) AS added,
                   count(*) FILTER (WHERE value IS NOT NULL AND old_value IS NOT NULL
                                    AND (old_value, old_comment) IS DISTINCT FROM (value, comment)) AS changed,
                   count(*) FILTER (WHERE value IS NOT NULL AND old_value IS NOT NULL
                                    AND (old_value, old_comment) IS NOT DISTINCT FROM (value, comment)) AS unchanged,
                   count(*) FILTER (WHERE NOT blank AND value IS NULL) AS empty
            FROM pg_temp.score_import_rows
            """
        ).first
        func count(_ name: String) throws -> Int { Int(try counts?.decode(name, as: Int64.self) ?? 0) }
        var summary = ScoreImportSummary(
            rows: try count("rows"), added: try count("added"), changed: try count("changed"),
            unchanged: try count("unchanged"), empty: try count("empty"), batch: nil)
        guard summary.added + summary.changed > 0 else { return summary }
        phase?(.writing)
        // In the order of the scores' primary key: the checking joins hand rows back in hash order
        // once they spill to disk, and cells written in that order touch the index and the table
        // at random (a third slower for a million updates).
        try db.execute(
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value, comment)
            SELECT \(edition.id.rawValue), entry, \(juror.id.rawValue), criterion_t, value, comment
            FROM pg_temp.score_import_rows
            WHERE value IS NOT NULL AND (old_value IS NULL OR (old_value, old_comment) IS DISTINCT FROM (value, comment))
            ORDER BY entry, criterion_t
            ON CONFLICT (entry_id, juror_id, criterion_code) DO UPDATE
                SET value = EXCLUDED.value, comment = EXCLUDED.comment
                WHERE (scores.value, scores.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.comment)
            """)
        summary.batch = try db.query(
            """
            SELECT max(batch_id) AS batch FROM ecpa.score_events
            WHERE edition_id = \(edition.id.rawValue) AND juror_id = \(juror.id.rawValue)
            """
        ).first?.decode("batch")
        return summary
    }
}
