extension PermissionMatrix {
    // Outcome tokens, one per subject in this order: secretariat, representative (own country),
    // representative (other country), juror (own cell), juror (another juror's cell), juror
    // (conflicted cell), advisory juror, login in no ecpa group, public reader.
    // yes, none, deny (42501), closed (EC001), frozen (EC002), order (EC003), state (EC004),
    // conflict (EC005), or a SQLSTATE.
    private static let allDenied = "deny deny deny deny deny deny deny deny deny"
    /// A well-formed SCRAM-SHA-256 verifier (of no password anyone knows), for the password rows.
    private static let scram = "'SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$' || repeat('A', 43) || '=:' || repeat('B', 43) || '='"
    private static let secretariatOnly = "yes deny deny deny deny deny deny deny deny"
    private static let everyGroup = "yes yes yes yes yes yes yes deny yes"
    private static let notUpdatable = "55000 55000 55000 55000 55000 55000 55000 deny 55000"
    private static let secretariatAndJurors = "yes deny deny yes yes yes yes deny deny"

    private static func table(_ name: String, _ group: Group) -> Object { Object(kind: .table, name: "ecpa.\(name)", group: group) }
    private static func view(_ name: String, _ group: Group) -> Object { Object(kind: .view, name: "ecpa.\(name)", group: group) }
    private static func function(_ signature: String, _ group: Group) -> Object {
        Object(kind: .function, name: "ecpa.\(signature)", group: group)
    }

    /// Rows for writes nobody may make, whatever the phase.
    private static func noWrites(
        _ object: Object, insert: String, update: String, delete: String,
        phase: Phase = .any, note: String? = nil
    ) -> [Row] {
        var rows = [
            Row(object: object, action: .insert, sql: insert, expected: [(.any, allDenied)], note: note),
            Row(object: object, action: .update, sql: update, expected: [(phase, allDenied)]),
            Row(object: object, action: .delete, sql: delete, expected: [(phase, allDenied)]),
        ]
        if object.kind == .table {
            rows.append(Row(object: object, action: .truncate, sql: "TRUNCATE \(object.name)", expected: [(.any, allDenied)]))
        }
        return rows
    }

    /// Rows for a view that cannot be written: PostgreSQL refuses before it checks any right.
    private static func notWritableView(_ object: Object, column: String) -> [Row] {
        [
            Row(object: object, action: .insert, sql: "INSERT INTO \(object.name) DEFAULT VALUES", expected: [(.any, notUpdatable)]),
            Row(object: object, action: .update, sql: "UPDATE \(object.name) SET \(column) = \(column)", expected: [(.any, notUpdatable)]),
            Row(object: object, action: .delete, sql: "DELETE FROM \(object.name)", expected: [(.any, notUpdatable)]),
        ]
    }

    /// A trigger function: called directly, PostgreSQL checks EXECUTE first (42501) and only then
    /// says a trigger function cannot be called so (0A000). Without EXECUTE nobody can attach it to a
    /// table of their own either.
    private static func triggerFunction(_ name: String) -> Row {
        Row(object: function("\(name)()", .triggers), action: .execute, sql: "SELECT ecpa.\(name)()", expected: [(.any, allDenied)])
    }

    static let rows: [Row] =
        peopleRows + entryRows + juryRows + scoringRows + ledgerRows + resultRows + publishedRows
        + archiveRows + sequenceRows + callableFunctionRows + internalFunctionRows + triggerFunctionRows

    // MARK: People, countries and editions

    static let peopleRows: [Row] = {
        let countries = table("countries", .people)
        let people = table("people", .people)
        let editions = table("editions", .people)
        let unpublishedHiddenFromReaders = "yes yes yes yes yes yes yes deny none"
        return [
            Row(
                object: countries, action: .select, sql: "SELECT code FROM ecpa.countries WHERE code = {country}",
                expected: [(.any, everyGroup)])
        ]
            + noWrites(
                countries, insert: "INSERT INTO ecpa.countries (code, name, is_eu_member) VALUES ('XX', 'Matrixland', false)",
                update: "UPDATE ecpa.countries SET name = name || '.' WHERE code = {country}",
                delete: "DELETE FROM ecpa.countries WHERE code = {country}") + [
                Row(
                    object: people, action: .select, sql: "SELECT role_name FROM ecpa.people WHERE role_name = {person}",
                    expected: [(.any, "yes yes none none none none none deny deny")],
                    note: "A representative reads their own row; jurors hold SELECT but see no row."),
                Row(
                    object: people, action: .insert,
                    sql: "INSERT INTO ecpa.people (role_name, kind, display_name) VALUES ({fresh_login}, 'secretariat', 'Matrix person')",
                    expected: [(.any, secretariatOnly)]),
                Row(
                    object: people, action: .update, variant: "name",
                    sql: "UPDATE ecpa.people SET display_name = display_name || '.' WHERE role_name = {person}",
                    expected: [(.any, secretariatOnly)]),
                Row(
                    object: people, action: .update, variant: "kind or country",
                    sql: "UPDATE ecpa.people SET country_code = 'SE' WHERE role_name = {person}",
                    expected: [(.any, allDenied)]),
                Row(object: people, action: .delete, sql: "DELETE FROM ecpa.people WHERE role_name = {person}", expected: [(.any, allDenied)]),
                Row(object: people, action: .truncate, sql: "TRUNCATE ecpa.people", expected: [(.any, allDenied)]),

                Row(
                    object: editions, action: .select, sql: "SELECT id FROM ecpa.editions WHERE id = {edition}",
                    expected: [
                        (.submissionsOpen, unpublishedHiddenFromReaders), (.scoring, unpublishedHiddenFromReaders),
                        (.frozen, unpublishedHiddenFromReaders), (.published, everyGroup),
                    ],
                    note: "A public reader sees published editions only."),
                Row(
                    object: editions, action: .insert,
                    sql: "INSERT INTO ecpa.editions (year, theme, host_country_code) VALUES (2150, 'Matrix', 'AT')",
                    expected: [(.any, secretariatOnly)]),
                Row(
                    object: editions, action: .update, variant: "details",
                    sql: "UPDATE ecpa.editions SET theme = theme || '.' WHERE id = {edition}",
                    expected: [
                        (.submissionsOpen, secretariatOnly), (.scoring, secretariatOnly),
                        (.frozen, "frozen deny deny deny deny deny deny deny deny"),
                        (.published, "frozen deny deny deny deny deny deny deny deny"),
                    ]),
                Row(
                    object: editions, action: .update, variant: "next phase",
                    sql: """
                        UPDATE ecpa.editions SET phase = CASE phase WHEN 'submissions_open' THEN 'submissions_closed' \
                        WHEN 'scoring' THEN 'frozen' WHEN 'frozen' THEN 'published' END WHERE id = {edition}
                        """,
                    expected: [
                        (.submissionsOpen, secretariatOnly),
                        (.scoring, "order deny deny deny deny deny deny deny deny"),
                        (.frozen, secretariatOnly),
                    ],
                    note: "Scoring moves to frozen only through ecpa.freeze_edition, which stores the results first."),
                Row(object: editions, action: .delete, sql: "DELETE FROM ecpa.editions WHERE id = {edition}", expected: [(.any, allDenied)]),
                Row(object: editions, action: .truncate, sql: "TRUNCATE ecpa.editions", expected: [(.any, allDenied)]),
            ]
    }()

    // MARK: Entries

    static let entryRows: [Row] = {
        let late = table("late_acceptances", .entries)
        let entries = table("entries", .entries)
        let othersDenied = "deny deny deny deny deny deny"
        return [
            Row(
                object: late, action: .select,
                sql: "SELECT id FROM ecpa.late_acceptances WHERE edition_id = {edition} AND country_code = {country}",
                expected: [(.submissionsOpen, "yes yes none deny deny deny deny deny deny")]),
            Row(
                object: late, action: .insert,
                sql: """
                    INSERT INTO ecpa.late_acceptances (edition_id, country_code, reason, accepted_until) \
                    VALUES ({edition}, {country}, 'Matrix', now() + interval '1 day')
                    """,
                expected: [(.submissionsOpen, secretariatOnly)]),
            Row(
                object: late, action: .update,
                sql:
                    "UPDATE ecpa.late_acceptances SET accepted_until = accepted_until + interval '1 day' WHERE edition_id = {edition} AND country_code = {country}",
                expected: [(.submissionsOpen, allDenied)]),
            Row(
                object: late, action: .delete,
                sql: "DELETE FROM ecpa.late_acceptances WHERE edition_id = {edition} AND country_code = {country}",
                expected: [(.submissionsOpen, allDenied)]),
            Row(object: late, action: .truncate, sql: "TRUNCATE ecpa.late_acceptances", expected: [(.any, allDenied)]),

            Row(
                object: entries, action: .select, sql: "SELECT id FROM ecpa.entries WHERE id = {entry}",
                expected: Phase.editions.map { ($0, "yes yes none yes yes yes yes deny deny") },
                note: "Jurors read every entry of the editions they judge, the one they are in conflict with included."),
            Row(
                object: entries, action: .insert,
                sql: "INSERT INTO ecpa.entries (edition_id, country_code, kind, title) VALUES ({edition}, {country}, 'additional', 'Matrix entry')",
                expected: [
                    (.submissionsOpen, "yes yes deny \(othersDenied)"),
                    (.scoring, "closed closed deny \(othersDenied)"),
                    (.frozen, "frozen frozen deny \(othersDenied)"),
                    (.published, "frozen frozen deny \(othersDenied)"),
                ]),
            Row(
                object: entries, action: .update, variant: "content",
                sql: "UPDATE ecpa.entries SET title = title || ' (edited)' WHERE id = {entry}",
                expected: [
                    (.submissionsOpen, "yes yes none \(othersDenied)"),
                    (.scoring, "state none none \(othersDenied)"),
                    (.frozen, "state none none \(othersDenied)"),
                    (.published, "state none none \(othersDenied)"),
                ],
                note:
                    "Once eligible, an entry's content is fixed, whatever the phase; a representative may change (and lock) their entries only while the edition takes entries."
            ),
            Row(
                object: entries, action: .update, variant: "withdraw",
                sql: "UPDATE ecpa.entries SET state = 'withdrawn' WHERE id = {entry}",
                expected: [
                    (.submissionsOpen, "yes yes none \(othersDenied)"),
                    (.scoring, "yes none none \(othersDenied)"),
                    (.frozen, "frozen none none \(othersDenied)"),
                    (.published, "frozen none none \(othersDenied)"),
                ]),
            Row(
                object: entries, action: .update, variant: "eligibility",
                sql: "UPDATE ecpa.entries SET state = 'ineligible', ineligible_reason = 'Matrix' WHERE id = {entry}",
                expected: [
                    (.submissionsOpen, "yes deny none \(othersDenied)"),
                    (.scoring, "yes none none \(othersDenied)"),
                    (.frozen, "frozen none none \(othersDenied)"),
                    (.published, "frozen none none \(othersDenied)"),
                ]),
            Row(
                object: entries, action: .update, variant: "bookkeeping",
                sql: "UPDATE ecpa.entries SET created_by = 'someone', submitted_at = now() WHERE id = {entry}",
                expected: [(.any, allDenied)]),
            Row(object: entries, action: .delete, sql: "DELETE FROM ecpa.entries WHERE id = {entry}", expected: [(.any, allDenied)]),
            Row(object: entries, action: .truncate, sql: "TRUNCATE ecpa.entries", expected: [(.any, allDenied)]),
        ]
    }()

    // MARK: Jury and conflicts

    static let juryRows: [Row] = {
        let jurors = table("jurors", .jury)
        let declared = table("declared_conflicts", .jury)
        let conflicts = view("conflicts", .jury)
        let closedForAll = "closed deny deny deny deny deny deny deny deny"
        let frozenForJurors = "frozen deny deny frozen deny frozen frozen deny deny"
        return [
            Row(
                object: jurors, action: .select, sql: "SELECT id FROM ecpa.jurors WHERE id = {juror}",
                expected: Phase.editions.map { ($0, secretariatAndJurors) }),
            Row(
                object: jurors, action: .insert,
                sql: """
                    INSERT INTO ecpa.jurors (edition_id, role_name, country_code, display_name, voting) \
                    VALUES ({edition}, {fresh_login}, 'DE', 'Matrix juror', false)
                    """,
                expected: [(.submissionsOpen, secretariatOnly), (.scoring, closedForAll), (.frozen, closedForAll), (.published, closedForAll)]),
            Row(
                object: jurors, action: .update, sql: "UPDATE ecpa.jurors SET display_name = display_name || '.' WHERE id = {juror}",
                expected: [(.submissionsOpen, secretariatOnly), (.scoring, closedForAll), (.frozen, closedForAll), (.published, closedForAll)]),
            Row(object: jurors, action: .delete, sql: "DELETE FROM ecpa.jurors WHERE id = {juror}", expected: [(.any, allDenied)]),
            Row(object: jurors, action: .truncate, sql: "TRUNCATE ecpa.jurors", expected: [(.any, allDenied)]),

            Row(
                object: declared, action: .select, sql: "SELECT entry_id FROM ecpa.declared_conflicts WHERE juror_id = {juror}",
                sqlFor: [.advisoryJuror: "SELECT entry_id FROM ecpa.declared_conflicts WHERE juror_id = {juror_at}"],
                expected: [Phase.scoring, .frozen, .published].map { ($0, "yes deny deny yes none yes none deny deny") },
                note: "A declared conflict and its reason are the declaring juror's and the secretariat's to read."),
            Row(
                object: declared, action: .insert,
                sql: "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES ({juror}, {entry}, 'Matrix conflict')",
                expected: [
                    (.scoring, "yes deny deny yes deny yes yes deny deny"), (.frozen, frozenForJurors),
                    (.published, frozenForJurors),
                ]),
            Row(
                object: declared, action: .update, variant: "reason",
                sql: "UPDATE ecpa.declared_conflicts SET reason = reason || '.' WHERE juror_id = {juror}",
                sqlFor: [.advisoryJuror: "UPDATE ecpa.declared_conflicts SET reason = reason || '.' WHERE juror_id = {juror_at}"],
                expected: [
                    (.scoring, "yes deny deny yes none yes none deny deny"),
                    (.frozen, "frozen deny deny frozen none frozen none deny deny"),
                    (.published, "frozen deny deny frozen none frozen none deny deny"),
                ]),
            Row(
                object: declared, action: .delete, sql: "DELETE FROM ecpa.declared_conflicts WHERE juror_id = {juror}",
                expected: [(.scoring, allDenied)], note: "The secretariat clears a conflict with ecpa.clear_conflict."),
            Row(object: declared, action: .truncate, sql: "TRUNCATE ecpa.declared_conflicts", expected: [(.any, allDenied)]),

            Row(
                object: conflicts, action: .select, variant: "own country",
                sql: "SELECT entry_id FROM ecpa.conflicts WHERE juror_id = {juror_fi} AND source = 'own country'",
                expected: [Phase.scoring, .frozen, .published].map { ($0, secretariatAndJurors) },
                note: "Every juror sees who is from which entry's country; declared conflicts only their own."),
            Row(
                object: conflicts, action: .select, variant: "declared",
                sql: "SELECT entry_id FROM ecpa.conflicts WHERE juror_id = {juror} AND source = 'declared'",
                sqlFor: [.advisoryJuror: "SELECT entry_id FROM ecpa.conflicts WHERE juror_id = {juror_at} AND source = 'declared'"],
                expected: [Phase.scoring, .frozen, .published].map { ($0, "yes deny deny yes none yes none deny deny") }),
        ] + notWritableView(conflicts, column: "reason")
    }()

    // MARK: Schemes and scores

    static let scoringRows: [Row] = {
        let schemes = table("schemes", .scoring)
        let criteria = table("criteria", .scoring)
        let declarations = table("declarations", .scoring)
        let deliberationEntries = table("deliberation_entries", .scoring)
        let revisions = table("revisions", .scoring)
        let ballots = table("ballots", .scoring)
        let ballotEntries = table("ballot_entries", .scoring)
        let ballotSalts = table("ballot_salts", .scoring)
        let scores = table("scores", .scoring)
        let abstentions = table("abstentions", .scoring)
        let closedForAll = "closed deny deny deny deny deny deny deny deny"
        let fixedOnceScoring: [(Phase, String)] = [
            (.submissionsOpen, secretariatOnly), (.scoring, closedForAll),
            (.frozen, closedForAll), (.published, closedForAll),
        ]
        let frozenForJurors = "frozen deny deny frozen deny frozen frozen deny deny"
        let onTheEntry = "SELECT value FROM ecpa.scores WHERE edition_id = {edition} AND entry_id = {entry}"
        // A public reader may read published results, nothing unpublished (DESIGN.md section 2).
        let readerBeforePublication = "yes yes yes yes yes yes yes deny none"
        let unpublishedSchemeHidden: [(Phase, String)] = [
            (.submissionsOpen, readerBeforePublication), (.scoring, readerBeforePublication),
            (.frozen, readerBeforePublication), (.published, everyGroup),
        ]
        return [
            Row(
                object: schemes, action: .select, sql: "SELECT edition_id FROM ecpa.schemes WHERE edition_id = {edition}",
                expected: unpublishedSchemeHidden, note: "The scheme is declared before scoring and printed with the results."),
            Row(
                object: schemes, action: .insert, variant: "or replace",
                sql: """
                    INSERT INTO ecpa.schemes (edition_id, name, source_text) VALUES ({edition}, 'Matrix', '') \
                    ON CONFLICT (edition_id) DO UPDATE SET note = 'Matrix'
                    """,
                expected: fixedOnceScoring),
            Row(
                object: schemes, action: .update, sql: "UPDATE ecpa.schemes SET note = 'Matrix' WHERE edition_id = {edition}",
                expected: fixedOnceScoring),
            Row(object: schemes, action: .delete, sql: "DELETE FROM ecpa.schemes WHERE edition_id = {edition}", expected: [(.any, allDenied)]),
            Row(object: schemes, action: .truncate, sql: "TRUNCATE ecpa.schemes", expected: [(.any, allDenied)]),

            Row(
                object: criteria, action: .select, sql: "SELECT code, weight FROM ecpa.criteria WHERE edition_id = {edition}",
                expected: unpublishedSchemeHidden),
            Row(
                object: criteria, action: .insert,
                sql: """
                    INSERT INTO ecpa.criteria (edition_id, code, position, name, weight, min_value, max_value, step) \
                    VALUES ({edition}, 'matrix', 99, 'Matrix', 1, 0, 10, 1)
                    """,
                expected: fixedOnceScoring),
            Row(
                object: criteria, action: .update, sql: "UPDATE ecpa.criteria SET description = 'Matrix' WHERE edition_id = {edition}",
                expected: fixedOnceScoring),
            Row(
                object: criteria, action: .delete, sql: "DELETE FROM ecpa.criteria WHERE edition_id = {edition}",
                expected: [(.any, allDenied)], note: "The secretariat replaces a scheme's criteria with ecpa.clear_criteria."),
            Row(object: criteria, action: .truncate, sql: "TRUNCATE ecpa.criteria", expected: [(.any, allDenied)]),

            Row(
                object: declarations, action: .select, sql: "SELECT hash FROM ecpa.declarations WHERE edition_id = {edition}",
                expected: Array(unpublishedSchemeHidden.dropFirst()),
                note: "Written when scoring opens; read like the scheme."),
        ]
            + noWrites(
                declarations,
                insert: """
                    INSERT INTO ecpa.declarations (edition_id, declared_at, declared_by, text, hash, batch_id) \
                    VALUES ({edition}, now(), current_user, 'name = "forged"', repeat('0', 64), 1)
                    """,
                update: "UPDATE ecpa.declarations SET text = 'name = \"forged\"' WHERE edition_id = {edition}",
                delete: "DELETE FROM ecpa.declarations WHERE edition_id = {edition}",
                note: "Only the owner-run trigger that opens scoring writes a declaration; nobody changes one.")
            + [
                Row(
                    object: deliberationEntries, action: .select, sql: "SELECT count(*) FROM ecpa.deliberation_entries",
                    expected: [(.any, "yes deny deny yes yes yes yes deny deny")],
                    note:
                        "The entries under discussion: the jury and the secretariat only (a right to the table would let EXPLAIN ANALYZE tell others which)."
                ),
                Row(
                    object: revisions, action: .select, sql: "SELECT count(*) FROM ecpa.revisions",
                    expected: [(.any, "yes deny deny yes yes yes yes deny deny")],
                    note: "A juror reads their own revisions only (row-level security; the hostile-login suite reads them), the secretariat all."),
            ]
            + noWrites(
                deliberationEntries,
                insert: "INSERT INTO ecpa.deliberation_entries (edition_id, entry_id) VALUES ({edition}, {entry})",
                update: "UPDATE ecpa.deliberation_entries SET entry_id = entry_id", delete: "DELETE FROM ecpa.deliberation_entries",
                note: "Only ecpa.open_deliberation writes them.")
            + noWrites(
                revisions,
                insert: """
                    INSERT INTO ecpa.revisions (edition_id, entry_id, juror_id, criterion_code, old_value, new_value, reason, at, actor, batch_id) \
                    VALUES ({edition}, {entry}, {juror}, 'focus', 5, 6, 'Forged', now(), current_user, 1)
                    """,
                update: "UPDATE ecpa.revisions SET new_value = 10", delete: "DELETE FROM ecpa.revisions",
                note: "Only ecpa.revise_score writes them; nobody changes one.")
            + decisionRecordRows
            + [
                Row(
                    object: ballots, action: .select, sql: "SELECT count(*) FROM ecpa.ballots", expected: [(.any, allDenied)],
                    note:
                        "Nobody reads the ballots table, the secretariat included: a juror reads their own ballot with ecpa.my_ballot, the secretariat who has voted with ecpa.ballot_turnout, and the ballots through ecpa.closed_ballots once the ballot has closed (secretariat) or the results are published (everyone)."
                ),
                Row(
                    object: ballotEntries, action: .select, sql: "SELECT count(*) FROM ecpa.ballot_entries", expected: [(.any, allDenied)],
                    note: "The shortlist is read through ecpa.ballot_shortlist."),
                Row(
                    object: ballotSalts, action: .select, sql: "SELECT count(*) FROM ecpa.ballot_salts", expected: [(.any, allDenied)],
                    note: "The salt of a ballot's hashes, revealed with the ballots by ecpa.closed_ballots once the close is committed."),
            ]
            + noWrites(
                ballots,
                insert: """
                    INSERT INTO ecpa.ballots (edition_id, juror_id, ranking, cast_at, actor, batch_id) \
                    VALUES ({edition}, {juror}, ARRAY[{entry}]::bigint[], now(), current_user, 1)
                    """,
                update: "UPDATE ecpa.ballots SET ranking = ranking", delete: "DELETE FROM ecpa.ballots",
                note: "Only ecpa.cast_ballot writes them, with the juror's own login; nobody changes one.")
            + noWrites(
                ballotEntries,
                insert: "INSERT INTO ecpa.ballot_entries (edition_id, entry_id, position) VALUES ({edition}, {entry}, 1)",
                update: "UPDATE ecpa.ballot_entries SET position = position", delete: "DELETE FROM ecpa.ballot_entries",
                note: "Only ecpa.open_ballot writes the shortlist.")
            + noWrites(
                ballotSalts, insert: "INSERT INTO ecpa.ballot_salts (edition_id, salt) VALUES ({edition}, 'known')",
                update: "UPDATE ecpa.ballot_salts SET salt = 'known'", delete: "DELETE FROM ecpa.ballot_salts",
                note: "Only ecpa.open_ballot draws a salt.")
            + [

                Row(
                    object: scores, action: .select,
                    sql: "SELECT value FROM ecpa.scores WHERE edition_id = {edition} AND entry_id = {entry} AND juror_id = {juror}",
                    sqlFor: [.jurorConflictedCell: onTheEntry, .advisoryJuror: onTheEntry],
                    expected: [
                        (.scoring, "yes deny deny yes none none none deny deny"),
                        (.frozen, "yes deny deny yes none none none deny deny"),
                        (.published, "yes deny deny yes yes yes yes deny deny"),
                    ],
                    note: "A juror reads other jurors' scores once the edition is published; representatives and readers use ecpa.published_scores."),
                Row(
                    object: scores, action: .insert,
                    sql: """
                        INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value) \
                        VALUES ({edition}, {new_cell}, {juror}, 'focus', 5)
                        """,
                    expected: [
                        (.submissionsOpen, "closed deny deny closed deny closed closed deny deny"),
                        (.scoring, "yes deny deny yes deny conflict deny deny deny"),
                        (.frozen, frozenForJurors), (.published, frozenForJurors),
                    ],
                    note: "An advisory juror does not score; a conflicted cell stays empty."),
                Row(
                    object: scores, action: .update, variant: "value",
                    sql: "UPDATE ecpa.scores SET value = 6 WHERE edition_id = {edition} AND entry_id = {entry} AND juror_id = {juror}",
                    sqlFor: [
                        .jurorConflictedCell: "UPDATE ecpa.scores SET value = 6 WHERE edition_id = {edition} AND entry_id = {entry}",
                        .advisoryJuror: "UPDATE ecpa.scores SET value = 6 WHERE edition_id = {edition} AND entry_id = {entry}",
                    ],
                    expected: [
                        (.scoring, "yes deny deny yes none none none deny deny"),
                        (.frozen, "frozen deny deny frozen none none none deny deny"),
                        (.published, "frozen deny deny frozen none none none deny deny"),
                    ]),
                Row(
                    object: scores, action: .update, variant: "move a cell",
                    sql:
                        "UPDATE ecpa.scores SET juror_id = juror_id, criterion_code = criterion_code WHERE edition_id = {edition} AND juror_id = {juror}",
                    expected: [(.scoring, allDenied)]),
                Row(
                    object: scores, action: .delete, sql: "DELETE FROM ecpa.scores WHERE edition_id = {edition} AND juror_id = {juror}",
                    expected: [(.scoring, allDenied)], note: "Scores leave only through ecpa.abstain, which records the abstention."),
                Row(object: scores, action: .truncate, sql: "TRUNCATE ecpa.scores", expected: [(.any, allDenied)]),

                Row(
                    object: abstentions, action: .select,
                    sql: "SELECT entry_id FROM ecpa.abstentions WHERE edition_id = {edition} AND juror_id = {juror}",
                    sqlFor: [.advisoryJuror: "SELECT entry_id FROM ecpa.abstentions WHERE edition_id = {edition} AND juror_id = {juror_at}"],
                    expected: [
                        (.scoring, "yes deny deny yes none yes none deny deny"),
                        (.frozen, "yes deny deny yes none yes none deny deny"),
                        (.published, "yes deny deny yes yes yes yes deny deny"),
                    ]),
                Row(
                    object: abstentions, action: .insert,
                    sql: "INSERT INTO ecpa.abstentions (edition_id, entry_id, juror_id) VALUES ({edition}, {new_cell}, {juror})",
                    expected: [
                        (.scoring, "yes deny deny yes deny conflict deny deny deny"),
                        (.frozen, frozenForJurors), (.published, frozenForJurors),
                    ]),
                Row(
                    object: abstentions, action: .update,
                    sql: "UPDATE ecpa.abstentions SET comment = 'Matrix' WHERE edition_id = {edition} AND juror_id = {juror}",
                    expected: [(.scoring, allDenied)]),
                Row(
                    object: abstentions, action: .delete,
                    sql: "DELETE FROM ecpa.abstentions WHERE edition_id = {edition} AND juror_id = {juror}",
                    expected: [(.scoring, allDenied)], note: "An abstention is withdrawn with ecpa.withdraw_abstention."),
                Row(object: abstentions, action: .truncate, sql: "TRUNCATE ecpa.abstentions", expected: [(.any, allDenied)]),
            ]
    }()

    // MARK: Score ledger and audit log

    static let ledgerRows: [Row] = {
        let events = table("score_events", .ledger)
        let batches = table("score_batches", .ledger)
        let head = table("ledger_head", .ledger)
        let audit = table("audit_log", .ledger)
        let points = table("serialization_points", .ledger)
        let created = table("created_logins", .ledger)
        return [
            Row(
                object: events, action: .select, sql: "SELECT id FROM ecpa.score_events WHERE edition_id = {edition} AND juror_id = {juror}",
                sqlFor: [.advisoryJuror: "SELECT id FROM ecpa.score_events WHERE edition_id = {edition} AND juror_id = {juror_at}"],
                expected: [Phase.scoring, .frozen, .published].map { ($0, "yes deny deny yes none yes none deny deny") },
                note: "A juror reads the history of their own cells only, also after publication.")
        ]
            + noWrites(
                events,
                insert:
                    "INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, action) VALUES (1, {edition}, {entry}, {juror}, 'insert')",
                update: "UPDATE ecpa.score_events SET new_value = 0 WHERE edition_id = {edition}",
                delete: "DELETE FROM ecpa.score_events WHERE edition_id = {edition}",
                note: "Only owner-run triggers append to the ledger.") + [
                Row(object: batches, action: .select, sql: "SELECT hash FROM ecpa.score_batches", expected: [(.any, secretariatOnly)])
            ]
            + noWrites(
                batches,
                insert:
                    "INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest) VALUES (1000000, now(), 'someone', 'insert scores', 0, '')",
                update: "UPDATE ecpa.score_batches SET rows_digest = rows_digest",
                delete: "DELETE FROM ecpa.score_batches") + [
                Row(object: head, action: .select, sql: "SELECT hash FROM ecpa.ledger_head", expected: [(.any, secretariatOnly)])
            ]
            + noWrites(
                head,
                insert: "INSERT INTO ecpa.ledger_head (only_row, hash) VALUES (true, repeat('f', 64))",
                update: "UPDATE ecpa.ledger_head SET hash = repeat('f', 64)",
                delete: "DELETE FROM ecpa.ledger_head") + [
                Row(object: audit, action: .select, sql: "SELECT id FROM ecpa.audit_log", expected: [(.any, secretariatOnly)])
            ]
            + noWrites(
                audit,
                insert: "INSERT INTO ecpa.audit_log (table_name, row_key, action) VALUES ('entries', '1', 'insert')",
                update: "UPDATE ecpa.audit_log SET actor = 'someone'",
                delete: "DELETE FROM ecpa.audit_log",
                note: "Only owner-run triggers append to the audit log.") + [
                Row(
                    object: points, action: .select, sql: "SELECT point FROM ecpa.serialization_points", expected: [(.any, allDenied)],
                    note: "Owner-run rules bump and hold these rows so that a writer with an older snapshot fails.")
            ]
            + [
                Row(
                    object: created, action: .select, sql: "SELECT role_name FROM ecpa.created_logins", expected: [(.any, allDenied)],
                    note: "The logins this database created, whose passwords its secretariat may reset; only the owner's functions read it.")
            ]
            + noWrites(
                created, insert: "INSERT INTO ecpa.created_logins (role_name) VALUES ({no_group_login})",
                update: "UPDATE ecpa.created_logins SET role_name = role_name", delete: "DELETE FROM ecpa.created_logins",
                note: "Only ecpa.create_login_role records a login it made.")
            + noWrites(
                points,
                insert: "INSERT INTO ecpa.serialization_points (point) VALUES ('juror:0')",
                update: "UPDATE ecpa.serialization_points SET version = version + 1",
                delete: "DELETE FROM ecpa.serialization_points")
    }()

    // MARK: Results

    static let resultRows: [Row] = {
        let overrides = table("overrides", .results)
        let results = table("frozen_results", .results)
        let places = table("frozen_places", .results)
        let publishedOnly = "yes none none none none none none deny none"
        return [
            Row(
                object: overrides, action: .select, sql: "SELECT entry_id FROM ecpa.overrides WHERE edition_id = {edition}",
                expected: [Phase.scoring, .frozen, .published].map { ($0, secretariatAndJurors) })
        ]
            + noWrites(
                overrides,
                insert: "INSERT INTO ecpa.overrides (edition_id, entry_id, place, reason) VALUES ({edition}, {entry}, 9, 'Matrix')",
                update: "UPDATE ecpa.overrides SET reason = 'Matrix' WHERE edition_id = {edition}",
                delete: "DELETE FROM ecpa.overrides WHERE edition_id = {edition}",
                phase: .scoring, note: "The secretariat sets and clears overrides with ecpa.set_override and ecpa.clear_override.") + [
                Row(
                    object: results, action: .select, sql: "SELECT digest FROM ecpa.frozen_results WHERE edition_id = {edition}",
                    expected: [(.frozen, publishedOnly), (.published, everyGroup)])
            ]
            + noWrites(
                results,
                insert:
                    "INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, digest) VALUES ({edition}, 'weighted-mean', '', '', '')",
                update: "UPDATE ecpa.frozen_results SET digest = repeat('0', 64) WHERE edition_id = {edition}",
                delete: "DELETE FROM ecpa.frozen_results WHERE edition_id = {edition}",
                phase: .frozen, note: "Only ecpa.freeze_edition stores results.") + [
                Row(
                    object: places, action: .select, sql: "SELECT entry_id FROM ecpa.frozen_places WHERE edition_id = {edition}",
                    expected: [(.frozen, publishedOnly), (.published, everyGroup)])
            ]
            + noWrites(
                places,
                insert:
                    "INSERT INTO ecpa.frozen_places (edition_id, entry_id, place, score, juror_count, shared_place) VALUES ({edition}, {entry}, 1, 10, 1, false)",
                update: "UPDATE ecpa.frozen_places SET place = 1 WHERE edition_id = {edition}",
                delete: "DELETE FROM ecpa.frozen_places WHERE edition_id = {edition}",
                phase: .frozen)
    }()

    // MARK: Published results

    static let publishedRows: [Row] = {
        let editions = view("published_editions", .published)
        let note = "Returns a published edition's records, the same rows to everyone; nothing for an edition not published."
        let published = { (name: String, sql: String, more: String) in
            Row(
                object: function("\(name)(bigint)", .published), action: .execute, sql: sql,
                expected: [(.published, everyGroup)], note: note + more)
        }
        return [
            Row(
                object: editions, action: .select, sql: "SELECT id FROM ecpa.published_editions WHERE id = {edition}",
                expected: [(.published, everyGroup)], note: "Shows published editions only, the same rows to everyone."),
            Row(object: editions, action: .insert, sql: "INSERT INTO ecpa.published_editions DEFAULT VALUES", expected: [(.any, allDenied)]),
            // Its only column is the editions' identity: PostgreSQL refuses any update before it checks a right.
            Row(
                object: editions, action: .update, sql: "UPDATE ecpa.published_editions SET id = DEFAULT",
                expected: [(.any, "428C9 428C9 428C9 428C9 428C9 428C9 428C9 deny 428C9")]),
            Row(object: editions, action: .delete, sql: "DELETE FROM ecpa.published_editions", expected: [(.any, allDenied)]),
            published(
                "published_entries", "SELECT id, title FROM ecpa.published_entries({edition}) WHERE id = {entry}",
                " Without contact details."),
            published(
                "published_jurors", "SELECT id, role_name FROM ecpa.published_jurors({edition}) WHERE id = {juror}",
                " Jurors by seat, never by name."),
            published(
                "published_conflicts", "SELECT entry_id, reason FROM ecpa.published_conflicts({edition}) WHERE juror_id = {juror_at}",
                " Without the reasons of declared conflicts, but with who declared them."),
            published("published_scores", "SELECT value FROM ecpa.published_scores({edition}) WHERE entry_id = {entry}", " Without comments."),
            published("published_abstentions", "SELECT entry_id FROM ecpa.published_abstentions({edition})", ""),
            published("published_overrides", "SELECT entry_id, reason FROM ecpa.published_overrides({edition})", ""),
            published("published_medal_reasons", "SELECT medal, reasons FROM ecpa.published_medal_reasons({edition})", " Jurors by seat id."),
            published("published_minority_views", "SELECT medal, view_text FROM ecpa.published_minority_views({edition})", ""),
            published(
                "published_decision_signoffs", "SELECT record_hash FROM ecpa.published_decision_signoffs({edition})", " Without who signed, by name."),
        ]
    }()

    // MARK: Archive

    static let archiveRows: [Row] = {
        let editions = table("archive_editions", .archive)
        let awards = table("archive_awards", .archive)
        let editionFacts = view("archive_edition_facts", .archive)
        let awardFacts = view("archive_award_facts", .archive)
        return [
            Row(object: editions, action: .select, sql: "SELECT year FROM ecpa.archive_editions WHERE year = 2018", expected: [(.any, everyGroup)]),
            Row(
                object: editions, action: .insert,
                sql: """
                    INSERT INTO ecpa.archive_editions (year, host_certainty, host_city_certainty, conference_dates_certainty, theme_certainty) \
                    VALUES (2150, 'unknown', 'unknown', 'unknown', 'unknown')
                    """,
                expected: [(.any, secretariatOnly)]),
            Row(
                object: editions, action: .update, sql: "UPDATE ecpa.archive_editions SET note = 'Matrix' WHERE year = 2018",
                expected: [(.any, secretariatOnly)]),
            Row(object: editions, action: .delete, sql: "DELETE FROM ecpa.archive_editions WHERE year = 2018", expected: [(.any, allDenied)]),
            Row(object: editions, action: .truncate, sql: "TRUNCATE ecpa.archive_editions", expected: [(.any, allDenied)]),

            Row(object: awards, action: .select, sql: "SELECT id FROM ecpa.archive_awards WHERE year = 2018", expected: [(.any, everyGroup)]),
            Row(
                object: awards, action: .insert,
                sql: """
                    INSERT INTO ecpa.archive_awards (year, award, award_certainty, country_certainty, title_certainty) \
                    VALUES (2018, 'awarded', 'confirmed', 'unknown', 'unknown')
                    """,
                expected: [(.any, secretariatOnly)]),
            Row(
                object: awards, action: .update, sql: "UPDATE ecpa.archive_awards SET note = 'Matrix' WHERE year = 2018",
                expected: [(.any, secretariatOnly)]),
            Row(
                object: awards, action: .delete, sql: "DELETE FROM ecpa.archive_awards WHERE year = 2018",
                expected: [(.any, allDenied)], note: "The secretariat removes an award with ecpa.delete_archive_award."),
            Row(object: awards, action: .truncate, sql: "TRUNCATE ecpa.archive_awards", expected: [(.any, allDenied)]),

            Row(
                object: editionFacts, action: .select, sql: "SELECT year FROM ecpa.archive_edition_facts WHERE year IN (2018, {year})",
                expected: [(.published, everyGroup)], note: "The research notes, with each edition published in ecpa in place of its notes."),
        ] + notWritableView(editionFacts, column: "note") + [
            Row(
                object: awardFacts, action: .select, sql: "SELECT year, award FROM ecpa.archive_award_facts WHERE year IN (2018, {year})",
                expected: [(.published, everyGroup)])
        ] + notWritableView(awardFacts, column: "note")
    }()

    // MARK: Sequences

    static let sequenceRows: [Row] = [
        "archive_awards_id_seq", "audit_log_id_seq", "editions_id_seq", "entries_id_seq", "jurors_id_seq",
        "late_acceptances_id_seq", "minority_views_id_seq", "revisions_id_seq", "ballots_id_seq", "score_batch_ids", "score_events_id_seq",
    ].map { name in
        Row(
            object: Object(kind: .sequence, name: "ecpa.\(name)", group: .sequences), action: .nextval,
            sql: "SELECT nextval('ecpa.\(name)')", expected: [(.any, allDenied)])
    }

    // MARK: Functions people call

    static let callableFunctionRows: [Row] = {
        let publishedOnly = "yes deny deny deny deny deny deny deny deny"
        let frozenForSecretariat = "frozen deny deny deny deny deny deny deny deny"
        let closedForSecretariat = "closed deny deny deny deny deny deny deny deny"
        let orderForSecretariat = "order deny deny deny deny deny deny deny deny"
        let afterPublication: [(Phase, String)] = [(.scoring, publishedOnly), (.frozen, publishedOnly), (.published, everyGroup)]
        // The record is written once scoring has closed (the fixture's open editions have not) and
        // until it is signed (the fixture's frozen ones are).
        let chairOnly: [(Phase, String)] = [
            (.submissionsOpen, "deny deny deny closed closed deny deny deny deny"), (.scoring, "deny deny deny closed closed deny deny deny deny"),
            (.frozen, "deny deny deny frozen frozen deny deny deny deny"), (.published, "deny deny deny frozen frozen deny deny deny deny"),
        ]
        let jurorsOfTheEdition: [(Phase, String)] = [
            (.submissionsOpen, "deny deny deny closed closed closed closed deny deny"),
            (.scoring, "deny deny deny closed closed closed closed deny deny"),
            (.frozen, "deny deny deny frozen frozen frozen frozen deny deny"),
            (.published, "deny deny deny frozen frozen frozen frozen deny deny"),
        ]
        return [
            Row(
                object: function("create_login_role(text,text,text)", .functions), action: .execute,
                sql: "SELECT ecpa.create_login_role({fresh_login}, 'md5' || repeat('0', 32), 'juror')", expected: [(.any, secretariatOnly)]),
            Row(
                object: function("create_login_role(text,text,text)", .functions), action: .execute, variant: "a public reader",
                sql: "SELECT ecpa.create_login_role({fresh_login}, 'md5' || repeat('0', 32), 'reader')", expected: [(.any, secretariatOnly)],
                note: "The secretariat creates readers' logins (user add-reader); a reader reads what is published."),
            Row(
                object: function("is_password_verifier(text,boolean)", .functions), action: .execute,
                sql: "SELECT ecpa.is_password_verifier('md5' || repeat('0', 32), true)", expected: [(.any, allDenied)],
                note: "Called only by the owner's functions that set passwords."),
            Row(
                object: function("grant_group(text,text)", .functions), action: .execute, variant: "an ecpa login",
                sql: "SELECT ecpa.grant_group({person}, 'juror')", expected: [(.any, secretariatOnly)]),
            Row(
                object: function("grant_group(text,text)", .functions), action: .execute, variant: "a login another database made",
                sql: "SELECT ecpa.grant_group({reader_login}, 'juror')", expected: [(.any, allDenied)],
                note: "Groups are the server's: a login this database did not make or register is the administrator's to link."),
            Row(
                object: function("grant_group(text,text)", .functions), action: .execute, variant: "another login",
                sql: "SELECT ecpa.grant_group({no_group_login}, 'juror')", expected: [(.any, allDenied)],
                note: "A login in no ecpa group is the database administrator's to add."),
            Row(
                object: function("reset_password(text,text)", .functions), action: .execute, variant: "a representative's login",
                sql: "SELECT ecpa.reset_password({person}, \(scram))", expected: [(.any, secretariatOnly)],
                note: "The secretariat resets a representative's or a juror's password, from a SCRAM verifier only."),
            Row(
                object: function("reset_password(text,text)", .functions), action: .execute, variant: "the reader's login",
                sql: "SELECT ecpa.reset_password({reader_login}, \(scram))", expected: [(.any, allDenied)],
                note: "Only people registered as a representative or a juror; other logins are the database administrator's."),
            Row(
                object: function("reset_password(text,text)", .functions), action: .execute, variant: "another login",
                sql: "SELECT ecpa.reset_password({no_group_login}, \(scram))", expected: [(.any, allDenied)]),
            Row(
                object: function("connections()", .functions), action: .execute,
                sql: "SELECT pid FROM ecpa.connections()", expected: [(.any, secretariatOnly)]),
            Row(
                object: function("end_connection(integer)", .functions), action: .execute,
                sql: "SELECT ecpa.end_connection({victim_pid})", expected: [(.any, secretariatOnly)],
                note: "Ends another session on this database (the test ends one it opened for this)."),
            Row(
                object: function("remove_juror(bigint)", .functions), action: .execute, sql: "SELECT ecpa.remove_juror({juror})",
                expected: [
                    (.submissionsOpen, secretariatOnly), (.scoring, closedForSecretariat),
                    (.frozen, closedForSecretariat), (.published, closedForSecretariat),
                ]),
            Row(
                object: function("clear_conflict(bigint,bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.clear_conflict({juror}, {declared})",
                expected: [(.scoring, secretariatOnly), (.frozen, frozenForSecretariat), (.published, frozenForSecretariat)]),
            Row(
                object: function("clear_criteria(bigint)", .functions), action: .execute, sql: "SELECT ecpa.clear_criteria({edition})",
                expected: [
                    (.submissionsOpen, secretariatOnly), (.scoring, closedForSecretariat),
                    (.frozen, closedForSecretariat), (.published, closedForSecretariat),
                ]),
            Row(
                object: function("delete_archive_award(bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.delete_archive_award((SELECT min(id) FROM ecpa.archive_awards))", expected: [(.any, secretariatOnly)]),
            Row(
                object: function("abstain(bigint,bigint,bigint,text)", .functions), action: .execute,
                sql: "SELECT ecpa.abstain({edition}, {new_cell}, {juror}, 'Matrix')",
                expected: [
                    (.scoring, "yes deny deny yes deny conflict deny deny deny"),
                    (.frozen, "frozen deny deny frozen deny frozen frozen deny deny"),
                    (.published, "frozen deny deny frozen deny frozen frozen deny deny"),
                ]),
            Row(
                object: function("withdraw_abstention(bigint,bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.withdraw_abstention({abstained}, {juror})",
                sqlFor: [.advisoryJuror: "SELECT ecpa.withdraw_abstention({abstained}, {juror_at})"],
                expected: [
                    (.scoring, "yes deny deny yes deny yes deny deny deny"),
                    (.frozen, "frozen deny deny frozen deny frozen deny deny deny"),
                    (.published, "frozen deny deny frozen deny frozen deny deny deny"),
                ]),
            Row(
                object: function("set_override(bigint,bigint,integer,text)", .functions), action: .execute,
                sql: "SELECT ecpa.set_override({edition}, {entry}, 3, 'Matrix override')",
                expected: [
                    (.submissionsOpen, closedForSecretariat), (.scoring, secretariatOnly),
                    (.frozen, frozenForSecretariat), (.published, frozenForSecretariat),
                ]),
            Row(
                object: function("clear_override(bigint,bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.clear_override({edition}, {override})",
                expected: [(.scoring, secretariatOnly), (.frozen, frozenForSecretariat), (.published, frozenForSecretariat)]),
            Row(
                object: function("seal_score_ledger()", .functions), action: .execute, sql: "SELECT ecpa.seal_score_ledger()",
                expected: [(.any, secretariatOnly)]),
            Row(
                object: function("freeze_edition(bigint,text,jsonb)", .functions), action: .execute,
                sql: "SELECT ecpa.freeze_edition({edition}, 'weighted-mean', {ranking})",
                expected: [
                    (.submissionsOpen, orderForSecretariat), (.scoring, orderForSecretariat),
                    (.frozen, orderForSecretariat), (.published, orderForSecretariat),
                ],
                note:
                    "A ranking with a jury override is frozen only once the decision record is signed; the fixture's edition in scoring has an override and no signed record."
            ),
            Row(
                object: function("score_set_digest(bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.score_set_digest({edition})", expected: [(.any, allDenied)],
                note: "The freeze's own: `results verify` computes the digests itself from the rows."),
            Row(
                object: function("cells_differing_from_ledger(bigint)", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.cells_differing_from_ledger({edition})", expected: afterPublication),
            Row(
                object: function("edition_events_after(bigint,text)", .functions), action: .execute,
                sql: "SELECT ecpa.edition_events_after({edition}, repeat('0', 64))", expected: afterPublication),
            Row(
                object: function("frozen_ranking_text(bigint,text)", .functions), action: .execute,
                sql: "SELECT ecpa.frozen_ranking_text({edition}, 'weighted-mean')", expected: [(.any, allDenied)]),
            Row(
                object: function("frozen_digest(bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.frozen_digest({edition})", expected: [(.any, allDenied)]),
            Row(
                object: function("published_podiums()", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.published_podiums()", expected: [(.any, everyGroup)]),
            Row(
                object: function("verify_score_ledger()", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.verify_score_ledger()", expected: [(.any, everyGroup)],
                note: "Runs as the owner for anyone; it returns only the numbers of broken batches, never a hash."),
            Row(
                object: function("may_read_results(bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.may_read_results({edition})", expected: [(.any, everyGroup)]),
            Row(
                object: function("open_deliberation(bigint,bigint[])", .functions), action: .execute,
                sql: "SELECT ecpa.open_deliberation({edition}, ARRAY[{entry}]::bigint[])", expected: [(.any, orderForSecretariat)],
                note: "After scoring closes, when the declaration has a deliberation; the fixture's editions have none."),
            Row(
                object: function("revise_score(bigint,text,numeric,text,bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.revise_score({entry}, 'focus', 5, 'A reason')",
                expected: [
                    (.scoring, "deny deny deny closed closed closed closed deny deny"),
                    (.frozen, "deny deny deny frozen frozen frozen frozen deny deny"),
                    (.published, "deny deny deny frozen frozen frozen frozen deny deny"),
                ],
                note: "A juror, during the deliberation, on an entry under discussion; the fixture has no deliberation."),
            Row(
                object: function("deliberation_in_ledger(bigint)", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.deliberation_in_ledger({edition})", expected: afterPublication),
            Row(
                object: function("published_revisions(bigint)", .functions), action: .execute,
                sql: "SELECT count(*) FROM ecpa.published_revisions({edition})", expected: [(.any, everyGroup)],
                note: "Returns nothing unless the edition is published (or the caller is the secretariat)."),
            Row(
                object: function("declaration_in_ledger(bigint)", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.declaration_in_ledger({edition})", expected: afterPublication),
            Row(
                object: function("name_rapporteur(bigint,text,bigint)", .functions), action: .execute,
                sql: "SELECT ecpa.name_rapporteur({edition}, 'gold', {juror})", expected: chairOnly,
                note: "The chair, once scoring has closed, until the record is signed (the fixture signs it before the freeze)."),
            Row(
                object: function("write_reasons(bigint,text,text)", .functions), action: .execute,
                sql: "SELECT ecpa.write_reasons({edition}, 'gold', 'The jury''s reasons')", expected: jurorsOfTheEdition,
                note: "The medal's rapporteur only, once scoring has closed, until the record is signed."),
            Row(
                object: function("add_minority_view(bigint,text,text)", .functions), action: .execute,
                sql: "SELECT ecpa.add_minority_view({edition}, 'gold', 'A minority view')", expected: jurorsOfTheEdition,
                note: "A juror of the edition, their own view, once scoring has closed, until the record is signed."),
            Row(
                object: function("sign_record(bigint)", .functions), action: .execute, sql: "SELECT ecpa.sign_record({edition})",
                expected: chairOnly, note: "The chair, once every medal has its reasons; once only."),
            Row(
                object: function("decision_record_in_ledger(bigint)", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.decision_record_in_ledger({edition})", expected: afterPublication),
            Row(
                object: function("feedback_comments(bigint)", .functions), action: .execute,
                sql: "SELECT criterion_code, comment FROM ecpa.feedback_comments({entry})",
                expected: [
                    (.submissionsOpen, allDenied), (.scoring, allDenied), (.frozen, allDenied),
                    (.published, "yes yes deny deny deny deny deny deny deny"),
                ],
                note:
                    "The jurors' comments on an entry for its feedback letter, without the jurors: once published, for the secretariat and the national representative of the entry's country."
            ),
            Row(
                object: function("open_ballot(bigint,bigint[])", .functions), action: .execute,
                sql: "SELECT ecpa.open_ballot({edition}, ARRAY[{entry}, {entry}]::bigint[])", expected: [(.any, orderForSecretariat)],
                note: "After scoring (and the deliberation), when the declaration has a ballot; the fixture's editions have none."),
            Row(
                object: function("ballot_shortlist(bigint)", .functions), action: .execute,
                sql: "SELECT count(*) FROM ecpa.ballot_shortlist({edition})", expected: [(.any, everyGroup)],
                note: "The shortlist for the secretariat and the edition's jurors, and for everyone once published."),
            Row(
                object: function("cast_ballot(bigint,bigint[])", .functions), action: .execute,
                sql: "SELECT ecpa.cast_ballot({edition}, ARRAY[{entry}]::bigint[])",
                expected: [
                    (.scoring, "deny deny deny closed closed closed deny deny deny"),
                    (.frozen, "deny deny deny frozen frozen frozen deny deny deny"),
                    (.published, "deny deny deny frozen frozen frozen deny deny deny"),
                ],
                note: "A voting juror with their own login, while the ballot is open; nobody casts for another, the secretariat included."),
            Row(
                object: function("my_ballot(bigint)", .functions), action: .execute,
                sql: "SELECT count(*) FROM ecpa.my_ballot({edition})", expected: [(.any, "deny deny deny yes yes yes yes deny deny")],
                note: "The calling juror's own ballot only."),
            Row(
                object: function("ballot_turnout(bigint)", .functions), action: .execute,
                sql: "SELECT count(*) FROM ecpa.ballot_turnout({edition})", expected: [(.any, "yes deny deny deny deny deny deny deny deny")],
                note: "Who has voted and when, never what."),
            Row(
                object: function("close_ballot(bigint,boolean)", .functions), action: .execute,
                sql: "SELECT ecpa.close_ballot({edition}, true)", expected: [(.any, orderForSecretariat)],
                note: "Only an open ballot closes; the fixture's editions have none."),
            Row(
                object: function("closed_ballots(bigint)", .functions), action: .execute,
                sql: "SELECT count(*) FROM ecpa.closed_ballots({edition})", expected: [(.any, everyGroup)],
                note: "Returns nothing before the ballot closes (for anyone) and, until publication, to anyone but the secretariat."),
            Row(
                object: function("ballot_in_ledger(bigint)", .functions), action: .execute,
                sql: "SELECT * FROM ecpa.ballot_in_ledger({edition})", expected: afterPublication),
        ]
    }()

    // MARK: The decision record

    /// The jury's decision record: read by the secretariat and the edition's jurors, written only
    /// by the owner-run functions (the fixture's Austrian juror chairs every jury).
    static let decisionRecordRows: [Row] = {
        let reasons = table("medal_reasons", .scoring)
        let views = table("minority_views", .scoring)
        let signoffs = table("decision_signoffs", .scoring)
        let jury = "yes deny deny yes yes yes yes deny deny"
        let note =
            "The secretariat and the edition's jurors (row-level security) until publication; everyone after, through the published_* functions."
        return [
            Row(object: reasons, action: .select, sql: "SELECT count(*) FROM ecpa.medal_reasons", expected: [(.any, jury)], note: note),
            Row(object: views, action: .select, sql: "SELECT count(*) FROM ecpa.minority_views", expected: [(.any, jury)]),
            Row(object: signoffs, action: .select, sql: "SELECT count(*) FROM ecpa.decision_signoffs", expected: [(.any, jury)]),
        ]
            + noWrites(
                reasons,
                insert: """
                    INSERT INTO ecpa.medal_reasons (edition_id, medal, rapporteur_id, named_at, named_by) \
                    VALUES ({edition}, 'gold', {juror}, now(), current_user)
                    """,
                update: "UPDATE ecpa.medal_reasons SET reasons = 'Forged'", delete: "DELETE FROM ecpa.medal_reasons",
                note: "Only ecpa.name_rapporteur and ecpa.write_reasons write them; nothing changes after the sign-off, for the owner either.")
            + noWrites(
                views,
                insert: """
                    INSERT INTO ecpa.minority_views (edition_id, medal, juror_id, view_text, written_at, written_by) \
                    VALUES ({edition}, 'gold', {juror}, 'Forged', now(), current_user)
                    """,
                update: "UPDATE ecpa.minority_views SET view_text = 'Forged'", delete: "DELETE FROM ecpa.minority_views",
                note: "Only ecpa.add_minority_view writes them.")
            + noWrites(
                signoffs,
                insert: """
                    INSERT INTO ecpa.decision_signoffs (edition_id, chair_id, signed_at, signed_by, record_hash, batch_id) \
                    VALUES ({edition}, {juror}, now(), current_user, repeat('0', 64), 1)
                    """,
                update: "UPDATE ecpa.decision_signoffs SET record_hash = repeat('0', 64)", delete: "DELETE FROM ecpa.decision_signoffs",
                note: "Only ecpa.sign_record writes one; nobody changes or removes it.")
    }()

    // MARK: Internal functions

    static let internalFunctionRows: [Row] = {
        let helper = { (signature: String, sql: String, tokens: String) in
            Row(object: function(signature, .internals), action: .execute, sql: sql, expected: [(.any, tokens)])
        }
        return [
            helper("actor()", "SELECT ecpa.actor()", everyGroup),
            helper("is_secretariat()", "SELECT ecpa.is_secretariat()", everyGroup),
            helper("my_country()", "SELECT ecpa.my_country()", everyGroup),
            helper("my_juror_id(bigint)", "SELECT ecpa.my_juror_id({edition})", secretariatAndJurors),
            helper("in_conflict(bigint,bigint)", "SELECT ecpa.in_conflict({juror}, {entry})", secretariatAndJurors),
            helper("group_of_kind(text)", "SELECT ecpa.group_of_kind('juror')", everyGroup),
            helper("is_time_zone(text)", "SELECT ecpa.is_time_zone('Europe/Brussels')", everyGroup),
            helper("word_count(text)", "SELECT ecpa.word_count('three little words')", everyGroup),
            helper("on_scale(numeric,numeric,numeric,numeric)", "SELECT ecpa.on_scale(5, 0, 10, 1)", everyGroup),
            helper("score_event_text(ecpa.score_events)", "SELECT ecpa.score_event_text(NULL::ecpa.score_events)", everyGroup),
            helper(
                "score_batch_hash(text,bigint,timestamp with time zone,text,text,integer,text)",
                "SELECT ecpa.score_batch_hash(repeat('0', 64), 1, now(), 'someone', 'insert scores', 1, repeat('0', 64))", everyGroup),
            helper(
                "submission_refusal(ecpa.editions,timestamp with time zone)",
                "SELECT ecpa.submission_refusal(e, now()) FROM ecpa.editions e WHERE e.id = {edition}",
                "yes yes yes yes yes yes yes deny none"),
            helper(
                "entry_content_edit(ecpa.entries,ecpa.entries)",
                "SELECT ecpa.entry_content_edit(NULL::ecpa.entries, NULL::ecpa.entries)", everyGroup),
            Row(
                object: function("entry_window(ecpa.editions,text,timestamp with time zone)", .internals), action: .execute,
                sql:
                    "SELECT (ecpa.entry_window(e, 'FI', e.submissions_close_at + interval '1 day')).refusal FROM ecpa.editions e WHERE e.id = {edition}",
                expected: [(.submissionsOpen, "yes yes yes deny deny deny deny deny yes")],
                note: "Runs as the caller and reads the late acceptances after the deadline; a reader sees no unpublished edition to ask about."),
            helper("score_batch_is_open(bigint)", "SELECT ecpa.score_batch_is_open(1)", allDenied),
            helper("refuse_unless_scoring(integer,text,boolean)", "SELECT ecpa.refuse_unless_scoring(2030, 'scoring', true)", allDenied),
            helper("bump(text)", "SELECT ecpa.bump('juror:0')", allDenied),
            Row(
                object: function("edition_takes_entries(bigint)", .internals), action: .execute,
                sql: "SELECT ecpa.edition_takes_entries({edition})",
                expected: [(.submissionsOpen, "deny yes yes deny deny deny deny deny deny")],
                note: "The representatives' row policy asks it; it locks the edition as every guard does."),
            helper("hold(text)", "SELECT ecpa.hold('juror:0')", allDenied),
            helper("medal_of_place(integer)", "SELECT ecpa.medal_of_place(1)", everyGroup),
            helper("is_clean_text(text,boolean)", "SELECT ecpa.is_clean_text('a title', false)", everyGroup),
            helper("has_text(text)", "SELECT ecpa.has_text('a title')", everyGroup),
            helper("no_repeats(text[])", "SELECT ecpa.no_repeats(ARRAY['a', 'b'])", everyGroup),
            helper("toml_string(text)", "SELECT ecpa.toml_string('a title')", allDenied),
            helper("append_ledger_note(text)", "SELECT ecpa.append_ledger_note('forged')", allDenied),
            helper("take_edition(bigint,text)", "SELECT ecpa.take_edition({edition}, 'tries')", allDenied),
            helper("declaration_text(bigint)", "SELECT ecpa.declaration_text({edition})", allDenied),
            helper("ballot_line(bigint,bigint,bigint[])", "SELECT ecpa.ballot_line(1, 1, ARRAY[1]::bigint[])", allDenied),
            helper("ballot_set_digest(bigint)", "SELECT ecpa.ballot_set_digest({edition})", allDenied),
            helper("committed_before(xid)", "SELECT ecpa.committed_before('3'::xid)", allDenied),
            helper("refuse_after_signoff(bigint,text)", "SELECT ecpa.refuse_after_signoff({edition}, 'tries')", allDenied),
            helper("write_declaration(bigint,boolean)", "SELECT ecpa.write_declaration({edition}, false)", allDenied),
            helper("all_within(text[],integer)", "SELECT ecpa.all_within(ARRAY['https://example.org'], 2000)", everyGroup),
            helper(
                "refuse_if_waited_for(regclass,tid,text)",
                "SELECT ecpa.refuse_if_waited_for('ecpa.editions', '(0,1)', 'test')", allDenied),
            helper("refuse_while_edition_changes(bigint)", "SELECT ecpa.refuse_while_edition_changes({edition})", allDenied),
            helper("decision_record_text(bigint)", "SELECT ecpa.decision_record_text({edition})", allDenied),
            helper("take_decision_record(bigint,boolean)", "SELECT ecpa.take_decision_record({edition}, false)", allDenied),
            helper("my_record_seat(bigint,boolean,text)", "SELECT ecpa.my_record_seat({edition}, false, 'tries')", allDenied),
            helper("check_medal(text)", "SELECT ecpa.check_medal('gold')", allDenied),
        ]
    }()

    // MARK: Trigger functions

    static let triggerFunctionRows: [Row] = [
        "audit", "audit_log_guard", "create_serialization_points", "declarations_guard", "declare_on_scoring", "declared_conflicts_guard",
        "deliberation_guard", "editions_guard_stage", "editions_need_deliberation", "fixed_in_deliberation", "overrides_fixed_by_signoff",
        "settled_by_signoff",
        "editions_guard_jury_rules", "editions_guard_phase",
        "editions_need_results", "editions_need_scheme", "entries_check_window_at_commit", "entries_guard", "frozen_guard",
        "jurors_guard", "late_acceptances_stamp", "ledger_guard", "people_stamp", "results_guard", "schemes_guard", "score_statement",
        "scores_upsert_begin", "decision_record_guard", "create_record_point", "editions_need_decision_record",
        "editions_seal_decision_record",
    ].map(triggerFunction)
}

extension PermissionMatrix.Phase {
    /// The four editions of the fixture, by phase.
    static let editions: [Self] = [.submissionsOpen, .scoring, .frozen, .published]
}
