import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Rules that must hold on both sides, in Swift (to say so kindly and early) and in PostgreSQL (to
/// hold against every client), driven from one table of cases each.
@Suite struct SharedRulesTests {
    let database: TestDatabase
    let admin: Connection

    init() throws {
        database = try TestDatabase.make(migrations: try Schema.migrations())
        admin = try database.connect()
    }

    @Test func anEditionsDefaultTimeZoneIsTheSameInSwiftAndInPostgreSQL() throws {
        let stored: String? = try admin.query(
            """
            SELECT column_default AS d FROM information_schema.columns
            WHERE table_schema = 'ecpa' AND table_name = 'editions' AND column_name = 'time_zone'
            """
        ).first?.decode("d")
        #expect(stored == "'\(Edition.defaultTimeZone)'::text")
    }

    @Test(arguments: 0...7)
    func aPlaceHasTheSameMedalInSwiftAndInPostgreSQL(place: Int) throws {
        let stored: String? = try admin.query("SELECT ecpa.medal_of_place(\(place)::integer) AS m").first?.decode("m")
        #expect(stored == Medal(place: place)?.rawValue)
    }

    static let texts: [(String, String)] = [
        ("plain words", "Community policing in Forssa"),
        ("accents and other scripts", "Šiauliai, Zugló, Πάτρα, 東京 🚓"),
        ("line feed", "first line\nsecond line"),
        ("carriage return", "first line\r\nsecond line"),
        ("tab", "a\tb"),
        ("escape", "Harmless\u{1B}[2J"),
        ("bell", "ring\u{07}"),
        ("null-like start of heading", "\u{01}x"),
        ("delete", "back\u{7F}space"),
        ("C1 control sequence introducer", "a\u{9B}31m"),
        ("next line", "a\u{85}b"),
        ("no-break space", "a\u{A0}b"),
        ("lone carriage return", "Our project works well.\rTHE SECRETARIAT APPROVED THIS"),
        ("carriage return at the end", "line\r"),
        ("right-to-left override", "Safe streets \u{202E}noitceles\u{202C}"),
        ("isolate", "a\u{2066}b\u{2069}"),
        ("zero-width space", "Zero\u{200B}width"),
        ("left-to-right mark", "a\u{200E}b"),
        ("line separator", "Line one\u{2028}Line two"),
        ("byte order mark", "\u{FEFF}bom"),
        ("zero-width joiner in an emoji", "👩\u{200D}💻 at work"),
    ]

    @Test(arguments: texts.map(\.0))
    func aTextIsCleanOrNotAlikeInSwiftAndInPostgreSQL(name: String) throws {
        let text = try #require(Self.texts.first { $0.0 == name }?.1)
        for multiline in [false, true] {
            let clean: Bool? = try admin.query("SELECT ecpa.is_clean_text(\(text), \(multiline)) AS c").first?.decode("c")
            #expect(clean == (ControlCharacters.first(in: text, multiline: multiline) == nil), "\(name), multiline \(multiline)")
        }
    }

    /// JSONText writes a string as jsonb does, byte for byte: the freeze's canonical text relies on
    /// it. Quotes, backslashes and slashes too.
    @Test(arguments: texts.map(\.0) + ["quotes and slashes"])
    func aJSONStringIsWrittenInSwiftAsPostgreSQLWritesIt(name: String) throws {
        let text = Self.texts.first { $0.0 == name }?.1 ?? "say \"hi\" \\ back/slash \u{08}\u{0C}"
        let jsonb: String? = try admin.query("SELECT to_jsonb(\(text)::text)::text AS j").first?.decode("j")
        #expect(JSONText.string(text) == jsonb)
    }

    /// Where each text typed on the command line is stored, as (table, column).
    static let freeTextColumns: [FreeText: [(String, String)]] = [
        .theme: [("editions", "theme")], .hostCity: [("editions", "host_city")],
        .personName: [("people", "display_name")], .email: [("people", "email")],
        .jurorName: [("jurors", "display_name")],
        .comment: [("scores", "comment"), ("abstentions", "comment")],
        .reason: [
            ("declared_conflicts", "reason"), ("late_acceptances", "reason"), ("overrides", "reason"),
            ("entries", "ineligible_reason"),
        ],
        .revisionReason: [("revisions", "reason")],
        .medalReasons: [("medal_reasons", "reasons")],
        .minorityView: [("minority_views", "view_text")],
    ]

    /// The CLI refuses a text over its FreeText limit before writing; PostgreSQL holds the stored
    /// column to the same number (sql/0029), read here from the table's length constraint.
    @Test(arguments: FreeText.allCases)
    func aTypedTextHasTheSameLimitInSwiftAndInPostgreSQL(field: FreeText) throws {
        let columns = try #require(Self.freeTextColumns[field], "\(field) is stored nowhere the test knows")
        for (table, column) in columns {
            let limits = try lengthLimits(table: table, column: column)
            #expect(limits == [field.limit], "\(table).\(column): PostgreSQL's limit \(limits), Swift's \(field.limit)")
        }
    }

    @Test func aSchemesTextsHaveTheSameLimitsInSwiftAndInPostgreSQL() throws {
        let limits = ScoringScheme.textLimits
        for (table, column, limit) in [
            ("schemes", "name", limits.name), ("schemes", "note", limits.note),
            ("criteria", "name", limits.criterionName), ("criteria", "description", limits.criterionDescription),
        ] {
            #expect(try lengthLimits(table: table, column: column) == [limit], "\(table).\(column)")
        }
    }

    /// The limits a table's check constraints put on `char_length(column)`.
    func lengthLimits(table: String, column: String) throws -> [Int] {
        let definitions: [String] = try admin.query(
            """
            SELECT pg_get_constraintdef(c.oid) AS d FROM pg_constraint c
            WHERE c.conrelid = ('ecpa.' || \(table))::regclass AND c.contype = 'c'
            """
        ).map { try $0.decode("d") }
        let pattern = "char_length\\(\(column)\\) <= ([0-9]+)"
        return definitions.compactMap { definition -> Int? in
            guard let match = definition.range(of: pattern, options: .regularExpression) else { return nil }
            return Int(definition[match].split(separator: " ").last ?? "")
        }
    }

    /// Each text limit of the entry form, as (column, Swift's limit); links are counted apart.
    static let entryLimits: [(String, Int)] =
        [("title", EntryForm.titleLimit)]
        + EntryForm.characterLimits.map { ($0.key.rawValue.replacingOccurrences(of: ".", with: "_"), $0.value) }
        .sorted { $0.0 < $1.0 }

    @Test(arguments: entryLimits.map(\.0) + ["links", "link length"])
    func anEntryTextAtItsLimitIsStoredAndOneCharacterMoreIsRefused(column: String) throws {
        try admin.executeScript(
            unsafeRaw: """
                INSERT INTO ecpa.editions (year, theme, host_country_code, submissions_open_at, submissions_close_at)
                VALUES (2018, 'Community Policing', 'AT', now() - interval '10 days', now() + interval '1 day');
                UPDATE ecpa.editions SET phase = 'submissions_open';
                INSERT INTO ecpa.entries (edition_id, country_code, kind, state, title)
                VALUES (1, 'FI', 'competing', 'draft', 'The Forssa approach');
                """)
        func write(_ value: SQL) -> String? {
            do {
                try admin.transaction { try $0.execute(value) }
                return nil
            } catch let error as PQError {
                return error.sqlState
            } catch {
                return "\(error)"
            }
        }
        let (atLimit, over): (SQL, SQL)
        switch column {
        case "links":
            atLimit = "UPDATE ecpa.entries SET links = array_fill('https://example.org'::text, ARRAY[\(EntryForm.linkLimit)::integer])"
            over = "UPDATE ecpa.entries SET links = array_fill('https://example.org'::text, ARRAY[\(EntryForm.linkLimit + 1)::integer])"
        case "link length":
            atLimit = "UPDATE ecpa.entries SET links = ARRAY['https://example.org', repeat('x', \(EntryForm.linkCharacterLimit)::integer)]"
            over = "UPDATE ecpa.entries SET links = ARRAY['https://example.org', repeat('x', \(EntryForm.linkCharacterLimit + 1)::integer)]"
        default:
            let limit = try #require(Self.entryLimits.first { $0.0 == column }?.1)
            atLimit = "UPDATE ecpa.entries SET \(identifier: column) = repeat('x', \(limit)::integer)"
            over = "UPDATE ecpa.entries SET \(identifier: column) = repeat('x', \(limit + 1)::integer)"
        }
        #expect(write(atLimit) == nil, "\(column) at Swift's limit")
        #expect(write(over) == "23514", "\(column) one over Swift's limit")
    }

    /// The canonical texts and digests of a freeze, from PostgreSQL (which writes them at the freeze)
    /// and from FrozenSeal (which `results verify` uses), byte for byte: criterion codes whose
    /// order depends on the collation, values with trailing zeros, an abstention, a shared place,
    /// an override reason with a pipe and a line break, an entry without a medal.
    @Test func aFreezesDigestsAreTheSameInSwiftAndInPostgreSQL() throws {
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                INSERT INTO ecpa.editions (id, year, theme, host_country_code, phase, submissions_close_at)
                OVERRIDING SYSTEM VALUE VALUES (1, 2018, 'Community Policing', 'AT', 'published', now());
                INSERT INTO ecpa.entries (id, edition_id, country_code, kind, state, title)
                OVERRIDING SYSTEM VALUE VALUES (1, 1, 'FI', 'competing', 'draft', 'One'), (2, 1, 'LT', 'competing', 'draft', 'Two'),
                                               (3, 1, 'HU', 'competing', 'draft', 'Three'), (4, 1, 'SE', 'competing', 'draft', 'Four');
                INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value) VALUES
                    (1, 1, 7, 'ab', 7.50), (1, 1, 7, 'a-c', 8), (1, 1, 7, 'a', 10.0), (1, 2, 7, 'ab', 0.25),
                    (1, 1, 12, 'ab', 6), (1, 10, 7, 'b', 5);
                INSERT INTO ecpa.abstentions (edition_id, entry_id, juror_id) VALUES (1, 2, 12), (1, 1, 3);
                INSERT INTO ecpa.frozen_places (edition_id, entry_id, place, medal, score, juror_count, shared_place, override_reason)
                VALUES (1, 2, 1, 'gold', 8.5, 2, false, E'The jury | after a debate.\nSecond line.'),
                       (1, 1, 2, 'silver', 8.25, 2, true, NULL), (1, 3, 2, 'silver', 8.25, 3, true, NULL),
                       (1, 4, 4, NULL, -0.125, 1, false, NULL);
                INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, digest)
                VALUES (1, 'weighted-mean', ecpa.score_set_digest(1), repeat('ab', 32), 'to be set');
                UPDATE ecpa.frozen_results SET digest = ecpa.frozen_digest(1);
                RESET session_replication_role;
                """)
        let results = ResultsRepository(admin)
        let frozen = try #require(try results.fetchFrozen(edition: EditionID(1)))
        let scoreSet = try results.fetchScoreSet(edition: EditionID(1))
        #expect(FrozenSeal.scoreSetDigest(scores: scoreSet.scores, abstentions: scoreSet.abstentions) == frozen.scoresDigest)
        let countries: [EntryID: String] = [EntryID(1): "FI", EntryID(2): "LT", EntryID(3): "HU", EntryID(4): "SE"]
        let text = FrozenSeal.rankingText(method: frozen.method, places: frozen.places, countries: countries)
        let stored: String? = try admin.query("SELECT ecpa.frozen_ranking_text(1, 'weighted-mean') AS t").first?.decode("t")
        #expect(text == stored)
        #expect(
            FrozenSeal.digest(rankingText: text, scoresDigest: frozen.scoresDigest, ledgerHead: frozen.ledgerHead, declarationHash: nil)
                == frozen.digest)
        // With a declaration sealed in: one more line.
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                UPDATE ecpa.frozen_results SET declaration_hash = repeat('cd', 32);
                UPDATE ecpa.frozen_results SET digest = ecpa.frozen_digest(1);
                RESET session_replication_role;
                """)
        let declared = try #require(try results.fetchFrozen(edition: EditionID(1)))
        #expect(declared.declarationHash == String(repeating: "cd", count: 32) && declared.digest != frozen.digest)
        #expect(
            FrozenSeal.digest(
                rankingText: text, scoresDigest: declared.scoresDigest, ledgerHead: declared.ledgerHead,
                declarationHash: declared.declarationHash) == declared.digest)
        // With the deliberation's revisions: one more block, in the order made.
        try admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest)
                VALUES (900001, now(), 'x', 'revise', 0, 'x'), (900002, now(), 'x', 'revise', 0, 'x');
                INSERT INTO ecpa.revisions (id, edition_id, entry_id, juror_id, criterion_code, old_value, new_value, reason, at, actor, batch_id)
                OVERRIDING SYSTEM VALUE VALUES
                    (2, 1, 1, 7, 'ab', 7.50, 9, 'Heard "again" — Šiauliai', now(), 'x', 900002),
                    (1, 1, 2, 7, 'ab', 0.25, 1.0, 'A \\ backslash', now(), 'x', 900001);
                RESET session_replication_role;
                """)
        let revisionLines = try results.fetchRevisionLines(edition: EditionID(1))
        let withRevisions: String? = try admin.query("SELECT ecpa.score_set_digest(1) AS d").first?.decode("d")
        #expect(revisionLines.count == 2)
        #expect(
            FrozenSeal.scoreSetDigest(scores: scoreSet.scores, abstentions: scoreSet.abstentions, revisions: revisionLines) == withRevisions)
        #expect(withRevisions != frozen.scoresDigest)
        #expect(
            FrozenSeal.scoreSetText(scores: [], abstentions: [], revisions: revisionLines)
                == "\n--\n\n--\n[1, 2, 7, \"ab\", \"0.25\", \"1.0\", \"A \\\\ backslash\"]\n[2, 1, 7, \"ab\", \"7.50\", \"9\", \"Heard \\\"again\\\" — Šiauliai\"]"
        )
        // The texts themselves, so that a change on both sides at once is seen too.
        #expect(
            FrozenSeal.scoreSetText(scores: scoreSet.scores, abstentions: scoreSet.abstentions) == """
                [1, 7, "a", "10.0"]
                [1, 7, "a-c", "8"]
                [1, 7, "ab", "7.50"]
                [1, 12, "ab", "6"]
                [2, 7, "ab", "0.25"]
                [10, 7, "b", "5"]
                --
                [1, 3]
                [2, 12]
                """)
        #expect(
            text == """
                method weighted-mean
                1|gold|entry 2|LT|8.500000|jurors 2|-|override: The jury | after a debate.
                Second line.
                2|silver|entry 1|FI|8.250000|jurors 2|shared|-
                2|silver|entry 3|HU|8.250000|jurors 3|shared|-
                4|-|entry 4|SE|-0.125000|jurors 1|-|-

                """)
    }

    /// How people write scores, and what each means: nil where the text is not a score.
    static let scoreTexts: [(String, String?)] = [
        ("7", "7"), ("7,5", "7.5"), ("7.50", "7.5"), (" 7 ", "7"), ("\t8\t", "8"), ("+3", "3"), ("-1", "-1"),
        (".5", "0.5"), ("5.", "5"), ("0", "0"), ("007", "7"),
        ("1-2", nil), ("-", nil), ("--1", nil), ("+-1", nil), ("1e1", nil), ("٧", nil), ("", nil), (" ", nil),
        (".", nil), ("1.2.3", nil), ("7,5,0", nil), ("1 2", nil), ("seven", nil), ("7\u{A0}", nil), ("0x7", nil),
        ("7.0000000000000000000000000000000000001", "7.0000000000000000000000000000000000001"),
        ("7.00000000000000000000000000000000000001", nil),
    ]

    @Test(arguments: scoreTexts.map(\.0))
    func aScoresTextMeansTheSameInSwiftAndInTheImportsSQL(text: String) throws {
        let expected = try #require(Self.scoreTexts.first { $0.0 == text }).1
        #expect(ScoreValue.parse(text).map { "\($0)" } == expected, "Swift, for \(text.debugDescription)")
        let row = try admin.queryOne(
            """
            SELECT (\(unsafeRaw: ScoreSheetRepository.valueExpression("v")))::text AS value FROM (SELECT \(text)::text AS v) t
            """)
        let value: String? = try row?.decode("value")
        #expect(value == expected, "SQL, for \(text.debugDescription)")
    }

    /// Scores and scales: (value, min, max, step), each allowed or not alike on both sides.
    static let scales: [(String, String, String, String)] = [
        ("7", "0", "10", "1"), ("7.5", "0", "10", "1"), ("7.5", "0", "10", "0.5"), ("10", "0", "10", "1"), ("11", "0", "10", "1"),
        ("-1", "0", "10", "1"), ("0.25", "0", "1", "0.25"), ("0.3", "0", "1", "0.25"), ("1", "1", "5", "0.25"),
        ("1.1", "1", "5", "0.25"), ("5.00", "1", "5", "0.25"), ("8.0000001", "0", "10", "1"), ("3", "-5", "5", "2"),
        ("2", "-5", "5", "2"), ("0.000001", "0", "1", "0.000001"), ("1000000", "0", "1000000", "1"),
    ]

    @Test(arguments: scales.indices)
    func aScoreIsOnTheScaleOrNotAlikeInSwiftAndInPostgreSQL(index: Int) throws {
        let (value, min, max, step) = Self.scales[index]
        func d(_ text: String) throws -> Decimal { try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))) }
        let criterion = Criterion(code: "focus", name: "Focus", min: try d(min), max: try d(max), step: try d(step))
        let row = try admin.queryOne(
            "SELECT ecpa.on_scale(\(value)::numeric, \(min)::numeric, \(max)::numeric, \(step)::numeric) AS allowed")
        let allowed: Bool? = try row?.decode("allowed")
        #expect(criterion.allows(try d(value)) == allowed, "\(value) on \(min) to \(max) in steps of \(step)")
    }

    /// Analysis settings at and beyond each limit: (resamples, seed, interval level, keep chance, weight radius).
    static let analysisCases: [(Int, Int64, String, String, String)] = [
        (1_000, 1, "0.9", "0.8", "0.1"), (1, 0, "0.000001", "1", "0.999999"), (100_000, Int64.max, "0.5", "0.5", "0.5"),
        (0, 1, "0.9", "0.8", "0.1"), (100_001, 1, "0.9", "0.8", "0.1"), (1_000, -1, "0.9", "0.8", "0.1"),
        (1_000, 1, "1", "0.8", "0.1"), (1_000, 1, "0", "0.8", "0.1"), (1_000, 1, "0.9", "1.000001", "0.1"),
        (1_000, 1, "0.9", "0", "0.1"), (1_000, 1, "0.9", "0.8", "1"), (1_000, 1, "0.9", "0.8", "0.0000001"),
        (1_000, 1, "0.95000001", "0.8", "0.1"),
    ]

    @Test(arguments: analysisCases.indices)
    func analysisSettingsAreAllowedOrNotAlikeInSwiftAndInPostgreSQL(index: Int) throws {
        let (resamples, seed, level, keep, radius) = Self.analysisCases[index]
        func d(_ text: String) throws -> Decimal { try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))) }
        let settings = AnalysisSettings(
            resamples: resamples, seed: seed, intervalLevel: try d(level), keepChance: try d(keep), weightRadius: try d(radius))
        let edition = try EditionRepository(admin).insertEdition(
            NewEdition(
                year: 2018, theme: "Shared rules", hostCountry: CountryCode("AT")!, hostCity: "Vienna",
                submissionsOpenAt: Date(), submissionsCloseAt: Date().addingTimeInterval(86_400)))
        var scheme = ScoringScheme(name: "shared", criteria: [Criterion(code: "focus", name: "Focus")])
        try SchemeRepository(admin).setScheme(scheme, edition: edition.id, sourceText: "")
        scheme.analysis = settings
        let stored: Bool
        do {
            try SchemeRepository(admin).setScheme(scheme, edition: edition.id, sourceText: "")
            stored = true
        } catch {
            stored = false
        }
        #expect(settings.problems.isEmpty == stored, "\(settings)")
    }

    @Test func theDefaultAnalysisSettingsAreTheSameInSwiftAndInPostgreSQL() throws {
        let edition = try EditionRepository(admin).insertEdition(
            NewEdition(
                year: 2018, theme: "Shared rules", hostCountry: CountryCode("AT")!, hostCity: "Vienna",
                submissionsOpenAt: Date(), submissionsCloseAt: Date().addingTimeInterval(86_400)))
        try admin.execute("INSERT INTO ecpa.schemes (edition_id, name, source_text) VALUES (\(edition.id.rawValue), 'defaults', '')")
        try admin.execute(
            "INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step) VALUES (\(edition.id.rawValue), 'focus', 1, 'Focus', 1, 0, 10, 1)"
        )
        #expect(try SchemeRepository(admin).fetchScheme(edition: edition.id)?.analysis == .default)
    }

    /// Scheme numbers and cascades at and beyond each rule: (weight, min, max, step, tie-breaks).
    static let schemeCases: [(String, String, String, String, [String])] = [
        ("1", "0", "10", "1", ["shared-place"]), ("0.000001", "-1000000", "1000000", "0.000001", ["head-to-head", "shared-place"]),
        ("2.0000001", "0", "10", "1", ["shared-place"]), ("1000001", "0", "10", "1", ["shared-place"]),
        ("1", "-1000001", "10", "1", ["shared-place"]), ("NaN", "0", "10", "1", ["shared-place"]),
        ("1", "0", "10", "0.0000005", ["shared-place"]), ("1", "0", "10", "1", []),
        ("1", "0", "10", "1", ["head-to-head", "head-to-head", "shared-place"]), ("1", "0", "10", "1", ["head-to-head"]),
    ]

    @Test(arguments: schemeCases.indices)
    func aSchemeIsUsableOrNotAlikeInSwiftAndInPostgreSQL(index: Int) throws {
        let (weight, min, max, step, cascade) = Self.schemeCases[index]
        func d(_ text: String) throws -> Decimal {
            text == "NaN" ? Decimal.nan : try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        }
        let scheme = ScoringScheme(
            name: "shared",
            criteria: [Criterion(code: "focus", name: "Focus", weight: try d(weight), min: try d(min), max: try d(max), step: try d(step))],
            tieBreaks: cascade.compactMap(TieBreakRule.init(rawValue:)))
        let edition = try EditionRepository(admin).insertEdition(
            NewEdition(
                year: 2018, theme: "Shared rules", hostCountry: CountryCode("AT")!, hostCity: "Vienna",
                submissionsOpenAt: Date(), submissionsCloseAt: Date().addingTimeInterval(86_400)))
        let stored: Bool
        do {
            try admin.transaction { db in
                try db.execute(
                    """
                    INSERT INTO ecpa.schemes (edition_id, name, tie_breaks, source_text)
                    VALUES (\(edition.id.rawValue), 'shared', \(cascade), '')
                    """)
                try db.execute(
                    SQL(
                        unsafeRaw: """
                            INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step)
                            VALUES (\(edition.id.rawValue), 'focus', 1, 'Focus', '\(weight)', '\(min)', '\(max)', '\(step)')
                            """))
            }
            stored = true
        } catch {
            stored = false
        }
        #expect(scheme.problems.isEmpty == stored, "\(weight) \(min) \(max) \(step) \(cascade): \(scheme.problems)")
    }

    @Test(arguments: ["ecpa-default", "\u{A0}", " \t", "\u{3000}x"])
    func aSchemesNameIsBlankOrNotAlikeInSwiftAndInPostgreSQL(name: String) throws {
        let scheme = ScoringScheme(name: name, criteria: [Criterion(code: "focus", name: "Focus")])
        let edition = try EditionRepository(admin).insertEdition(
            NewEdition(
                year: 2018, theme: "Shared rules", hostCountry: CountryCode("AT")!, hostCity: "Vienna",
                submissionsOpenAt: Date(), submissionsCloseAt: Date().addingTimeInterval(86_400)))
        let stored = (try? SchemeRepository(admin).setScheme(scheme, edition: edition.id, sourceText: "")) != nil
        #expect(scheme.problems.isEmpty == stored, "\(name.unicodeScalars.map { $0.value })")
    }

    /// Texts that show something or nothing (VisibleText, ecpa.has_text).
    static let visibleCases: [String] = [
        "Finland", " x ", "\u{2060}", "\u{180E}", "\u{3164}", "\u{0301}", "\u{034F}", "\u{00AD}", "\u{2800}", "\u{FFA0}",
        "\u{115F}", "\u{061C}", "\u{2061}\u{2064}", "\u{E0020}", "\u{FE0F}", "\u{A0}\u{3000}", "\u{200B}", "e\u{0301}", "👍",
        "\u{FEFF}", "",
    ]

    @Test(arguments: visibleCases.indices)
    func aTextShowsSomethingOrNothingAlikeInSwiftAndInPostgreSQL(index: Int) throws {
        let text = Self.visibleCases[index]
        let row = try admin.queryOne("SELECT ecpa.has_text(\(text)) AS visible")
        let visible: Bool? = try row?.decode("visible")
        #expect(VisibleText.has(text) == visible, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// Ballots as the ledger hashes them (FrozenSeal.ballotLine, ecpa.ballot_line).
    static let ballotCases: [(id: Int64, juror: Int64, ranking: [Int64])] = [
        (1, 2, [3, 1, 2]), (42, 7, [12]), (9_007_199_254_740_993, 3, [9_007_199_254_740_993, 5]),
    ]

    @Test(arguments: ballotCases.indices)
    func aBallotIsTheSameLineInSwiftAndInPostgreSQL(index: Int) throws {
        let (id, juror, ranking) = Self.ballotCases[index]
        let entries: [String] = ranking.map(String.init)
        let row = try admin.queryOne("SELECT ecpa.ballot_line(\(id), \(juror), \(entries)::bigint[]) AS line")
        let line: String? = try row?.decode("line")
        #expect(FrozenSeal.ballotLine(id: id, Ballot(juror: JurorID(juror), ranking: ranking.map(EntryID.init))) == line)
    }

    /// The [decision] section as a scheme file and the declaration write it, with and without a ballot.
    @Test(arguments: [false, true])
    func theDecisionSectionIsTheSameInSwiftAndInPostgreSQL(ballot: Bool) throws {
        var scheme = try #require(ScoringScheme.parse(Schema.shippedSchemeText("ecpa-default") ?? "").scheme)
        scheme.decision = DecisionSettings(deliberation: true, ballot: ballot, decidedBy: ballot ? .ballot : .revisedScores)
        let text = scheme.tomlText
        let section = String(text[try #require(text.range(of: "\n[decision]\n")).lowerBound...])
        try admin.execute("INSERT INTO ecpa.editions (year, theme, host_country_code) VALUES (2040, 'Decisions', 'DK')")
        let edition: Int64 = try admin.queryOne("SELECT id FROM ecpa.editions WHERE year = 2040")?.decode("id") ?? -1
        try SchemeRepository(admin).setScheme(scheme, edition: EditionID(edition), sourceText: text)
        let declared: String = try admin.queryOne("SELECT ecpa.declaration_text(\(edition)) AS t")?.decode("t") ?? ""
        #expect(declared.hasSuffix(section), "\(declared)")
    }
}
