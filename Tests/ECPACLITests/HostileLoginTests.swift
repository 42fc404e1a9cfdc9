import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite: every person tries, with their own login over a real connection,
/// what a hostile representative, juror or secretariat member would try in psql. Each attack
/// must fail and leave nothing written. Each is recorded for docs/security.md's figures.
@Suite struct HostileLoginTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld() }

    var cli: CLIHarness { world.cli }

    /// Records an attack and checks that it failed.
    /// Opens a second edition for submissions, its deadline about `seconds` from now, with the
    /// Finnish representative's submitted entry; returns that entry's id and the deadline.
    @discardableResult
    func openCall(year: Int = 2030, closesIn seconds: TimeInterval) throws -> (entry: Int64, deadline: Date) {
        let iso = ISO8601DateFormatter()
        let now = Date()
        let deadline = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + seconds).rounded(.up))
        try cli.expectSuccess([
            "edition", "create", "--year", String(year), "--theme", "Hostile logins", "--host", "DK",
            "--opens", iso.string(from: now.addingTimeInterval(-86_400)),
            "--closes", iso.string(from: deadline),
        ])
        try cli.expectSuccess(["edition", "open", String(year)])
        let text = EntryCommandTests.entryFile(country: "FI", title: "Finnish project \(year)")
            .replacingOccurrences(of: "edition = 2018", with: "edition = \(year)")
        try cli.expectSuccess(["entry", "submit", try cli.file("fi-\(year).toml", text), "--as", world.representatives["FI"]!.role])
        return (try world.admin.query("SELECT max(id) AS id FROM ecpa.entries").first?.decode("id") ?? -1, deadline)
    }

    /// Sleeps until a second after an instant.
    func wait(pastDeadline deadline: Date) {
        let remaining = deadline.timeIntervalSinceNow + 1
        if remaining > 0 { Thread.sleep(forTimeInterval: remaining) }
    }

    // MARK: - Old snapshots and phase changes

    static let isolationLevels = ["REPEATABLE READ", "SERIALIZABLE"]

    @Test func aRepresentativesOldSnapshotCannotWriteAfterTheCallCloses() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        for level in Self.isolationLevels {
            try rep.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.entries")
            try cli.expectSuccess(["edition", "close", "2030"])
            var before = try world.fingerprint()
            let update = HostileWorld.refusal(rep, "UPDATE ecpa.entries SET title = 'Changed after the close' WHERE id = \(entry)")
            HostileWorld.rollback(rep)
            let updateChanged = try world.fingerprint() != before
            try cli.expectSuccess(["edition", "open", "2030"])
            try rep.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.entries")
            try cli.expectSuccess(["edition", "close", "2030"])
            before = try world.fingerprint()
            let insert = HostileWorld.refusal(
                rep,
                """
                INSERT INTO ecpa.entries (edition_id, country_code, kind, title)
                SELECT id, 'FI', 'additional', 'Sent after the close' FROM ecpa.editions WHERE year = 2030
                """)
            HostileWorld.rollback(rep)
            let after = try world.fingerprint()
            held(
                "stale-snapshot-representative-update-after-close-\(level.lowercased().replacingOccurrences(of: " ", with: "-"))",
                update?.sqlState == "40001" && !updateChanged, "\(String(describing: update))")
            held(
                "stale-snapshot-representative-insert-after-close-\(level.lowercased().replacingOccurrences(of: " ", with: "-"))",
                insert?.sqlState == "40001" && before == after, "\(String(describing: insert))")
            try cli.expectSuccess(["edition", "open", "2030"])
        }
    }

    @Test func aJurorsOldSnapshotCannotScoreAfterScoringCloses() throws {
        try world.score("AT", entry: 1, 9)
        let juror = try world.connect(world.jurors["AT"]!)
        for level in Self.isolationLevels {
            try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.scores")
            try cli.expectSuccess(["edition", "scoring", "close", "2018"])
            let before = try world.fingerprint()
            let update = HostileWorld.refusal(juror, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 1")
            HostileWorld.rollback(juror)
            let after = try world.fingerprint()
            held(
                "stale-snapshot-juror-score-after-scoring-close-\(level.lowercased().replacingOccurrences(of: " ", with: "-"))",
                update?.sqlState == "40001" && before == after, "\(String(describing: update))")
            try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        }
    }

    @Test func oldSnapshotsCannotChangeAFrozenOrPublishedEdition() throws {
        try world.scoreEverything()
        let juror = try world.connect(world.jurors["AT"]!)
        let secretary = try world.connect(world.secretariat)
        let finnish = try world.connect(world.jurors["FI"]!)
        let seatFI = try world.seat("FI")
        try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM ecpa.scores")
        try finnish.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM ecpa.jurors")
        try secretary.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM ecpa.scores")
        let frozen = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(frozen.status == 0, "\(frozen.error)")
        let afterFreeze = try world.fingerprint()
        let score = HostileWorld.refusal(juror, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 1")
        HostileWorld.rollback(juror)
        let conflict = HostileWorld.refusal(
            finnish,
            """
            INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES (\(seatFI), 3, 'Declared after the freeze')
            """)
        HostileWorld.rollback(finnish)
        held("stale-snapshot-juror-score-after-freeze", score?.sqlState == "40001", "\(String(describing: score))")
        held("stale-snapshot-juror-conflict-after-freeze", conflict?.sqlState == "40001", "\(String(describing: conflict))")
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let afterPublish = try world.fingerprint()
        let secretariatScore = HostileWorld.refusal(secretary, "UPDATE ecpa.scores SET value = 0 WHERE entry_id = 1")
        HostileWorld.rollback(secretary)
        try secretary.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM ecpa.scores")
        let seatAT = try world.seat("AT")
        let abstain = HostileWorld.refusal(secretary, "SELECT ecpa.abstain(1, 2, \(seatAT), 'after publication')")
        HostileWorld.rollback(secretary)
        let unchangedSincePublish = try world.fingerprint() == afterPublish
        held(
            "stale-snapshot-secretariat-score-after-publish", secretariatScore?.sqlState == "40001" && unchangedSincePublish,
            "\(String(describing: secretariatScore))")
        held("secretariat-abstain-after-publish", abstain?.sqlState == "EC002", "\(String(describing: abstain))")
        #expect(afterFreeze != afterPublish)  // the publication itself was written (and audited)
        let verified = cli.run(["results", "verify", "--edition", "2018"])
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
    }

    @Test func aWriterInFlightMakesAPhaseChangeWaitInsteadOfSlippingThrough() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        try rep.executeScript(unsafeRaw: "BEGIN; UPDATE ecpa.entries SET title = 'Edited before the close' WHERE id = \(entry)")
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let waited = HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET phase = 'submissions_closed' WHERE year = 2030")
        #expect(waited?.sqlState == "55P03", "\(String(describing: waited))")
        try rep.executeScript(unsafeRaw: "COMMIT")
        #expect(HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET phase = 'submissions_closed' WHERE year = 2030") == nil)
        let title: String? = try world.admin.query("SELECT title FROM ecpa.entries WHERE id = \(entry)").first?.decode("title")
        #expect(title == "Edited before the close")
    }

    // MARK: - Deadlines

    /// Moves the 2030 call's deadline to `seconds` from the server's clock, as the administrator,
    /// once the setup is done, so that no command of the setup runs against the clock.
    func moveDeadline(to seconds: Int) throws -> Date {
        let deadline: Date? = try world.admin.query(
            """
            UPDATE ecpa.editions SET submissions_close_at = date_trunc('second', clock_timestamp()) + \(seconds) * interval '1 second'
            WHERE year = 2030 RETURNING submissions_close_at
            """
        ).first?.decode("submissions_close_at")
        return try #require(deadline)
    }

    @Test func aTransactionOpenedBeforeTheDeadlineCannotWriteAfterIt() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        try rep.executeScript(unsafeRaw: "BEGIN; SELECT now()")
        wait(pastDeadline: try moveDeadline(to: 1))
        let before = try world.fingerprint()
        let late = HostileWorld.refusal(rep, "UPDATE ecpa.entries SET title = 'Written after the deadline' WHERE id = \(entry)")
        HostileWorld.rollback(rep)
        let unchanged = try world.fingerprint() == before
        held(
            "deadline-beaten-by-early-transaction", late?.sqlState == "EC001" && unchanged,
            "\(String(describing: late))")
    }

    @Test func aChangeCommittedAfterTheDeadlineIsRefusedAtCommit() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        // The fingerprint and one UPDATE must fit before the deadline: a few seconds of margin.
        let deadline = try moveDeadline(to: 4)
        let before = try world.fingerprint()
        try rep.executeScript(unsafeRaw: "BEGIN; UPDATE ecpa.entries SET title = 'Made on time, committed late' WHERE id = \(entry)")
        wait(pastDeadline: deadline)
        let commit = HostileWorld.refusal(rep, "COMMIT")
        HostileWorld.rollback(rep)
        let unchanged = try world.fingerprint() == before
        held(
            "deadline-commit-after-deadline", commit?.sqlState == "EC001" && unchanged,
            "\(String(describing: commit))")
    }

    @Test func aLateAcceptanceThatRunsOutMidTransactionLetsNothingIn() throws {
        let entry = try openCall(closesIn: 86_400).entry
        _ = try moveDeadline(to: -1)
        let until: Date = try #require(
            try world.admin.query(
                """
                INSERT INTO ecpa.late_acceptances (edition_id, country_code, reason, accepted_until)
                SELECT id, 'FI', 'Server trouble on their side', date_trunc('second', clock_timestamp()) + interval '4 seconds'
                FROM ecpa.editions WHERE year = 2030 RETURNING accepted_until
                """
            ).first?.decode("accepted_until"))
        let rep = try world.connect(world.representatives["FI"]!)
        let before = try world.fingerprint()
        try rep.executeScript(unsafeRaw: "BEGIN; UPDATE ecpa.entries SET title = 'Accepted late, committed later' WHERE id = \(entry)")
        wait(pastDeadline: until)
        let commit = HostileWorld.refusal(rep, "COMMIT")
        HostileWorld.rollback(rep)
        let unchanged = try world.fingerprint() == before
        held(
            "late-acceptance-expires-before-commit", commit?.sqlState == "EC001" && unchanged,
            "\(String(describing: commit))")
    }

    @Test func theAuditLogRecordsWhenAChangeWasMadeNotWhenItsTransactionBegan() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        let begun: Date = try {
            try rep.executeScript(unsafeRaw: "BEGIN")
            return try rep.query("SELECT now() AS t").first?.decode("t") ?? Date()
        }()
        Thread.sleep(forTimeInterval: 1.5)
        try rep.executeScript(unsafeRaw: "UPDATE ecpa.entries SET title = 'Edited a while after BEGIN' WHERE id = \(entry); COMMIT")
        let at: Date =
            try world.admin.query(
                """
                SELECT max(at) AS at FROM ecpa.audit_log WHERE table_name = 'entries' AND row_key = \(String(entry))
                """
            ).first?.decode("at") ?? begun
        let updatedAt: Date = try world.admin.query("SELECT updated_at FROM ecpa.entries WHERE id = \(entry)").first?.decode("updated_at") ?? begun
        held(
            "audit-row-backdated-to-transaction-start", at.timeIntervalSince(begun) >= 1.4 && updatedAt.timeIntervalSince(begun) >= 1.4,
            "audit at \(at), entry updated at \(updatedAt), transaction began \(begun)")
    }

    // MARK: - Protected tables, temporary-table triggers, ids

    static let protectedWrites: [(table: String, sql: String)] = [
        ("score_events", "INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, action) VALUES (999999, 1, 2, 1, 'insert')"),
        (
            "score_batches",
            "INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest) VALUES (999999, now(), current_user, 'x', 0, 'x')"
        ),
        ("ledger_head", "UPDATE ecpa.ledger_head SET hash = repeat('f', 64)"),
        ("audit_log", "INSERT INTO ecpa.audit_log (table_name, row_key, action) VALUES ('entries', '1', 'update')"),
        (
            "frozen_results",
            "INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, digest) VALUES (1, 'weighted-mean', 'x', 'x', 'x')"
        ),
        (
            "frozen_places",
            "INSERT INTO ecpa.frozen_places (edition_id, entry_id, place, score, juror_count, shared_place) VALUES (1, 1, 1, 9, 2, false)"
        ),
        ("overrides", "INSERT INTO ecpa.overrides (edition_id, entry_id, place, reason) VALUES (1, 3, 1, 'Forged')"),
        (
            "declarations",
            "INSERT INTO ecpa.declarations (edition_id, declared_at, declared_by, text, hash, batch_id) VALUES (2, now(), current_user, 'x', repeat('0', 64), 1)"
        ),
        (
            "revisions",
            "INSERT INTO ecpa.revisions (edition_id, entry_id, juror_id, criterion_code, old_value, new_value, reason, at, actor, batch_id) VALUES (1, 2, 1, 'focus', 7, 10, 'Forged', now(), current_user, 1)"
        ),
        ("deliberation_entries", "INSERT INTO ecpa.deliberation_entries (edition_id, entry_id) VALUES (1, 2)"),
        ("editions-scoring-stage", "UPDATE ecpa.editions SET scoring_stage = 'deliberation' WHERE id = 1"),
        (
            "ballots",
            "INSERT INTO ecpa.ballots (edition_id, juror_id, ranking, cast_at, actor, batch_id) VALUES (1, 1, '{3,2,1}', now(), current_user, 1)"
        ),
        ("ballot_entries", "INSERT INTO ecpa.ballot_entries (edition_id, entry_id, position) VALUES (1, 2, 1)"),
        ("editions-ballot-stage", "UPDATE ecpa.editions SET scoring_stage = 'ballot' WHERE id = 1"),
    ]

    @Test func nobodyWritesTheLedgerAuditLogOrResultsDirectlyOrThroughATemporaryTrigger() throws {
        let people: [(String, HostileWorld.Login)] = [
            ("juror", world.jurors["AT"]!), ("representative", world.representatives["FI"]!), ("secretariat", world.secretariat),
            ("reader", world.reader),
        ]
        for (kind, login) in people {
            let connection = try world.connect(login)
            for (table, sql) in Self.protectedWrites {
                let before = try world.fingerprint()
                let direct = HostileWorld.refusal(connection, sql)
                let viaTrigger = HostileWorld.refusal(
                    connection,
                    """
                    BEGIN;
                    CREATE TEMP TABLE bait (x int) ON COMMIT DROP;
                    CREATE FUNCTION pg_temp.forge() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN \(sql); RETURN NULL; END $f$;
                    CREATE TRIGGER forge AFTER INSERT ON bait FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.forge();
                    INSERT INTO bait VALUES (1);
                    COMMIT;
                    """)
                HostileWorld.rollback(connection)
                let unchanged = try world.fingerprint() == before
                held("direct-write-\(table)-\(kind)", direct?.sqlState == "42501" && unchanged, "\(String(describing: direct))")
                held("temp-trigger-write-\(table)-\(kind)", viaTrigger?.sqlState == "42501" && unchanged, "\(String(describing: viaTrigger))")
            }
        }
    }

    @Test func nobodyAttachesTheSchemasTriggerFunctionsToATableOfTheirOwn() throws {
        let functions: [String] = try world.admin.query(
            """
            SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'ecpa'::regnamespace AND p.prorettype = 'trigger'::regtype
            ORDER BY 1
            """
        ).map { try $0.decode("proname") }
        #expect(functions.count >= 10)
        let juror = try world.connect(world.jurors["AT"]!)
        for function in functions {
            let attached = HostileWorld.refusal(
                juror,
                """
                BEGIN;
                CREATE TEMP TABLE scores (LIKE ecpa.scores) ON COMMIT DROP;
                CREATE TRIGGER borrowed AFTER INSERT ON pg_temp.scores FOR EACH STATEMENT EXECUTE FUNCTION ecpa.\(function)();
                COMMIT;
                """)
            HostileWorld.rollback(juror)
            held("attach-trigger-function-\(function)", attached?.sqlState == "42501", "\(String(describing: attached))")
        }
    }

    @Test func nobodyCanSquatFutureIdsSoOthersKeepWorking() throws {
        let juror = try world.connect(world.jurors["AT"]!)
        let attempts = [
            ("sequence-nextval", "SELECT nextval('ecpa.score_batch_ids')"),
            ("sequence-setval", "SELECT setval('ecpa.score_batch_ids', 1000000)"),
            (
                "score-events-overriding",
                """
                INSERT INTO ecpa.score_events (id, batch_id, edition_id, entry_id, juror_id, action) OVERRIDING SYSTEM VALUE
                SELECT g, 1, 1, 1, 1, 'insert' FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING
                """
            ),
            (
                "audit-log-overriding",
                """
                INSERT INTO ecpa.audit_log (id, table_name, row_key, action) OVERRIDING SYSTEM VALUE
                SELECT g, 'x', 'x', 'insert' FROM generate_series(1, 100000) g ON CONFLICT DO NOTHING
                """
            ),
        ]
        for (name, sql) in attempts {
            let error = HostileWorld.refusal(juror, sql)
            held("squat-\(name)", error?.sqlState == "42501", "\(String(describing: error))")
        }
        // Everyone else still works: another juror scores, the secretariat creates an edition.
        try world.score("BG", entry: 2, 7)
        try cli.expectSuccess(["edition", "create", "--year", "2031", "--theme", "After the squatting", "--host", "DK"])
    }

    // MARK: - Secrets

    @Test func noReadableHashOrDigestRevealsAnotherJurorsScores() throws {
        try world.score("BG", entry: 2, 7)
        let probes = [
            ("ledger-head", "SELECT hash FROM ecpa.ledger_head"),
            ("batch-digests", "SELECT rows_digest, hash FROM ecpa.score_batches"),
            ("score-set-digest", "SELECT ecpa.score_set_digest(1)"),
            ("frozen-ranking-text", "SELECT ecpa.frozen_ranking_text(1, 'weighted-mean')"),
            ("cells-differing", "SELECT * FROM ecpa.cells_differing_from_ledger(1)"),
            ("events-after", "SELECT ecpa.edition_events_after(1, repeat('0', 64))"),
            ("sequence-last-value", "SELECT last_value FROM ecpa.score_batch_ids"),
        ]
        let people: [(String, HostileWorld.Login)] = [
            ("juror", world.jurors["AT"]!), ("representative", world.representatives["FI"]!), ("reader", world.reader),
            ("stranger", world.stranger),
        ]
        for (kind, login) in people {
            let connection = try world.connect(login)
            for (name, sql) in probes {
                let error = HostileWorld.refusal(connection, sql)
                held("read-\(name)-\(kind)", error?.sqlState == "42501", "\(String(describing: error))")
            }
        }
        // The events a juror may read are their own; statistics of the protected tables stay hidden.
        let juror = try world.connect(world.jurors["AT"]!)
        let seatAT = try world.seat("AT")
        let others: Int64 =
            try juror.query(
                """
                SELECT count(*) AS n FROM ecpa.score_events WHERE juror_id <> \(seatAT)
                """
            ).first?.decode("n") ?? -1
        held("read-other-jurors-events", others == 0, "\(others) events")
        let stats: Int64 =
            try juror.query(
                """
                SELECT count(*) AS n FROM pg_stats WHERE schemaname = 'ecpa' AND tablename IN ('scores', 'score_events')
                """
            ).first?.decode("n") ?? -1
        try world.admin.execute("ANALYZE ecpa.scores")
        let statsAfter: Int64 =
            try juror.query(
                """
                SELECT count(*) AS n FROM pg_stats WHERE schemaname = 'ecpa' AND tablename IN ('scores', 'score_events')
                """
            ).first?.decode("n") ?? -1
        held("read-statistics-of-scores", stats == 0 && statsAfter == 0, "\(stats), \(statsAfter) rows of pg_stats")
    }

    @Test func aJurorReadsOnlyTheirOwnDeclaredConflictsAndScores() throws {
        try cli.expectSuccess([
            "jury", "conflict", "declare", "--entry", "3", "--juror", world.jurors["FI"]!.role,
            "--reason", "Advised the Hungarian project in 2016.",
        ])
        try world.score("BG", entry: 2, 8)
        let austrian = try world.connect(world.jurors["AT"]!)
        let reasons: Int64 = try austrian.query("SELECT count(*) AS n FROM ecpa.declared_conflicts").first?.decode("n") ?? -1
        let viaView: Int64 =
            try austrian.query(
                """
                SELECT count(*) AS n FROM ecpa.conflicts WHERE source = 'declared'
                """
            ).first?.decode("n") ?? -1
        held("read-other-jurors-conflict-reasons", reasons == 0 && viaView == 0, "\(reasons) rows, \(viaView) in the view")
        let scores: Int64 = try austrian.query("SELECT count(*) AS n FROM ecpa.scores").first?.decode("n") ?? -1
        held("read-other-jurors-scores", scores == 0, "\(scores) scores")
        // COPY is the ranking's way to read scores (a line at a time): it sees what SELECT sees,
        // whether it names a query or the table itself.
        var copied = 0
        _ = try austrian.copyOut("COPY (SELECT * FROM ecpa.scores) TO STDOUT") { _ in copied += 1 }
        held("copy-other-jurors-scores", copied == 0, "\(copied) rows")
        var tableCopied = 0
        let tableCopy: Error?
        do {
            _ = try austrian.copyOut("COPY ecpa.scores TO STDOUT") { _ in tableCopied += 1 }
            tableCopy = nil
        } catch {
            tableCopy = error
        }
        held("copy-scores-table-bypassing-policies", tableCopied == 0, "\(tableCopied) rows; \(String(describing: tableCopy))")
        let finnish = try world.connect(world.jurors["FI"]!)
        let own: Int64 = try finnish.query("SELECT count(*) AS n FROM ecpa.declared_conflicts").first?.decode("n") ?? -1
        #expect(own == 1)
        let rep = try world.connect(world.representatives["FI"]!)
        let otherCountries: Int64 = try rep.query("SELECT count(*) AS n FROM ecpa.entries WHERE country_code <> 'FI'").first?.decode("n") ?? -1
        held("read-other-countries-entries", otherCountries == 0, "\(otherCountries) entries")
        let repScores = HostileWorld.refusal(rep, "SELECT count(*) FROM ecpa.scores")
        held("representative-reads-scores", repScores?.sqlState == "42501", "\(String(describing: repScores))")
    }

    @Test func beforePublicationThePublishedRecordsShowNothing() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let relations = [
            "ecpa.published_entries(1)", "ecpa.published_jurors(1)", "ecpa.published_conflicts(1)",
            "ecpa.published_scores(1)", "ecpa.published_abstentions(1)", "ecpa.published_overrides(1)",
            "ecpa.frozen_results", "ecpa.frozen_places",
        ]
        let people: [(String, HostileWorld.Login)] = [
            ("juror", world.jurors["AT"]!), ("representative", world.representatives["FI"]!), ("reader", world.reader),
        ]
        for (kind, login) in people {
            let connection = try world.connect(login)
            for relation in relations {
                let rows: Int64 = try connection.query(SQL(unsafeRaw: "SELECT count(*) AS n FROM \(relation)")).first?.decode("n") ?? -1
                let name = relation.replacingOccurrences(of: "ecpa.", with: "").replacingOccurrences(of: "(1)", with: "")
                held("read-\(name)-before-publication-\(kind)", rows == 0, "\(rows) rows")
            }
        }
    }

    @Test func afterPublicationEveryoneCanVerifyAndNothingPersonalIsShown() throws {
        try cli.expectSuccess([
            "jury", "conflict", "declare", "--entry", "3", "--juror", world.advisory.role,
            "--reason", "Advised the Hungarian project in 2016.",
        ])
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let digest: String = try world.admin.query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest") ?? ""
        for login in [world.representatives["LT"]!, world.reader, world.jurors["BG"]!] {
            let url = "\(cli.database.conninfo) user=\(login.role) password=\(login.password)"
            let verified = cli.run(["results", "verify", "--edition", "2018", "--db", url, "--digest", digest])
            #expect(verified.status == 0, "\(login.role): \(verified.output)\(verified.error)")
            #expect(verified.output.contains("ok    the stored digest is the one given"))
        }
        let reader = try world.connect(world.reader)
        let logins: Int64 =
            try reader.query(
                """
                SELECT count(*) AS n FROM ecpa.published_jurors(1) WHERE role_name NOT LIKE 'seat %' OR display_name NOT LIKE 'Juror, seat %'
                """
            ).first?.decode("n") ?? -1
        let contacts: Int64 =
            try reader.query(
                """
                SELECT count(*) AS n FROM ecpa.published_entries(1)
                WHERE contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL OR created_by IS NOT NULL
                """
            ).first?.decode("n") ?? -1
        let comments: Int64 =
            try reader.query("SELECT count(*) AS n FROM ecpa.published_scores(1) WHERE comment IS NOT NULL").first?.decode("n") ?? -1
        let reasons: Int64 =
            try reader.query(
                """
                SELECT count(*) AS n FROM ecpa.published_conflicts(1) WHERE reason LIKE '%Hungarian%'
                """
            ).first?.decode("n") ?? -1
        held("published-records-name-jurors", logins == 0, "\(logins) jurors by name")
        held("published-records-show-contacts", contacts == 0, "\(contacts) entries with contact details")
        held("published-records-show-comments", comments == 0, "\(comments) comments")
        held("published-records-show-conflict-reasons", reasons == 0, "\(reasons) reasons")
        // A Finnish draft and a withdrawn entry, never published: the Finnish juror's own-country
        // conflicts must not name them, nor a conflict declared on one.
        try world.admin.executeScript(
            unsafeRaw: """
                SET session_replication_role = replica;
                INSERT INTO ecpa.entries (edition_id, country_code, kind, state, title)
                VALUES (1, 'FI', 'additional', 'draft', 'Unpublished draft');
                INSERT INTO ecpa.entries OVERRIDING SYSTEM VALUE
                SELECT (jsonb_populate_record(NULL::ecpa.entries, to_jsonb(e)
                        || '{"id": 100, "kind": "additional", "state": "withdrawn", "title": "Withdrawn"}')).*
                FROM ecpa.entries e WHERE e.id = 1;
                INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason, declared_by)
                SELECT j.id, e.id, 'Knows it', j.role_name FROM ecpa.jurors j, ecpa.entries e
                WHERE j.country_code = 'AT' AND e.title = 'Withdrawn';
                RESET session_replication_role;
                """)
        let hidden: Int64 =
            try reader.query(
                """
                SELECT count(*) AS n FROM ecpa.published_conflicts(1) c
                WHERE c.entry_id NOT IN (SELECT id FROM ecpa.published_entries(1))
                """
            ).first?.decode("n") ?? -1
        held("published-records-name-unpublished-entries", hidden == 0, "\(hidden) conflicts with unpublished entries")
    }

    // MARK: - Locks

    @Test func nobodyCanLockASharedTableOrTheLedgerHead() throws {
        let tables: [String] = try world.admin.query(
            """
            SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'ecpa'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1
            """
        ).map { try $0.decode("relname") }
        let people: [(String, HostileWorld.Login)] = [
            ("secretariat", world.secretariat), ("representative", world.representatives["FI"]!), ("juror", world.jurors["AT"]!),
            ("reader", world.reader), ("stranger", world.stranger),
        ]
        for (kind, login) in people {
            let connection = try world.connect(login)
            var locked: [String] = []
            for table in tables {
                for mode in ["SHARE", "ACCESS EXCLUSIVE"] {
                    if HostileWorld.refusal(connection, "BEGIN; LOCK TABLE ecpa.\(table) IN \(mode) MODE NOWAIT; COMMIT") == nil {
                        locked.append("\(table) (\(mode))")
                    }
                    HostileWorld.rollback(connection)
                }
            }
            held("lock-table-\(kind)", locked.isEmpty, locked.joined(separator: ", "))
            let head = HostileWorld.refusal(connection, "BEGIN; SELECT hash FROM ecpa.ledger_head FOR UPDATE; COMMIT")
            HostileWorld.rollback(connection)
            held("lock-ledger-head-\(kind)", head?.sqlState == "42501", "\(String(describing: head))")
            if kind != "secretariat" {
                let edition = HostileWorld.refusal(connection, "BEGIN; SELECT id FROM ecpa.editions FOR KEY SHARE; COMMIT")
                HostileWorld.rollback(connection)
                held("lock-edition-row-\(kind)", edition?.sqlState == "42501", "\(String(describing: edition))")
            }
        }
    }

    @Test func aRefusedWriteHoldsNoLockOnTheEdition() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        // A representative's write into a frozen edition fails before it locks anything (their
        // rows are not theirs to change once the call is over: the write finds none), so even a
        // transaction left open does not hold up the publication.
        let rep = try world.connect(world.representatives["FI"]!)
        let before = try world.fingerprint()
        try rep.executeScript(unsafeRaw: "BEGIN")
        let withdrawn = try rep.execute("UPDATE ecpa.entries SET state = 'withdrawn' WHERE edition_id = 1")
        let lockedRows = try rep.query("SELECT id FROM ecpa.entries WHERE edition_id = 1 FOR UPDATE").count
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let unchanged = try world.fingerprint() == before
        let published = HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET phase = 'published' WHERE year = 2018")
        HostileWorld.rollback(rep)
        held(
            "hold-edition-lock-with-refused-write", withdrawn == 0 && unchanged && published == nil,
            "\(withdrawn) rows withdrawn; publish: \(String(describing: published))")
        held("lock-own-entry-after-the-call", lockedRows == 0, "\(lockedRows) rows locked")
    }

    // MARK: - Names a temporary object could shadow

    @Test func everyFunctionSearchesTheTemporarySchemaLast() throws {
        let unpinned: [String] = try world.admin.query(
            """
            SELECT p.proname FROM pg_proc p
            WHERE p.pronamespace = 'ecpa'::regnamespace
              AND NOT coalesce(p.proconfig::text LIKE '%search_path=pg_catalog, pg_temp%', false)
              AND p.proname NOT IN ('on_scale', 'score_event_text', 'is_clean_text', 'all_within')
            ORDER BY 1
            """
        ).map { try $0.decode("proname") }
        held("function-without-pinned-search-path", unpinned.isEmpty, unpinned.joined(separator: ", "))
        // The inlinable functions name every function and operator with its schema, so no search
        // path changes them.
        let juror = try world.connect(world.jurors["AT"]!)
        try juror.executeScript(unsafeRaw: "SET search_path = pg_temp, ecpa, pg_catalog")
        let answers: Bool =
            try juror.query(
                """
                SELECT ecpa.on_scale(7.5, 0, 10, 0.5) AND NOT ecpa.on_scale(7.25, 0, 10, 0.5)
                       AND ecpa.is_clean_text('a title', false) AND NOT ecpa.is_clean_text(E'a\\tb', false)
                       AND ecpa.all_within(ARRAY['ab'], 2) AND NOT ecpa.all_within(ARRAY['abc'], 2) AS ok
                """
            ).first?.decode("ok") ?? false
        #expect(answers)
        let inlinable: [String] = try world.admin.query(
            """
            SELECT p.proname FROM pg_proc p
            WHERE p.pronamespace = 'ecpa'::regnamespace AND p.proname IN ('on_scale', 'score_event_text', 'is_clean_text', 'all_within')
              AND regexp_replace(regexp_replace(p.prosrc, 'OPERATOR\\(pg_catalog\\.[^)]*\\)', '', 'g'), '''[^'']*''', '', 'g')
                  ~ '[<>=!~+*/%-]'
            """
        ).map { try $0.decode("proname") }
        #expect(inlinable.isEmpty, "inlinable functions with an unqualified operator: \(inlinable)")
    }

    @Test func aTemporaryTableCannotStandInForACatalogOrSchemaTable() throws {
        let secretary = try world.connect(world.secretariat)
        let zone = HostileWorld.refusal(
            secretary,
            """
            CREATE TEMP TABLE pg_timezone_names (name text, abbrev text, utc_offset interval, is_dst boolean);
            INSERT INTO pg_timezone_names VALUES ('Mars/Olympus', 'MOT', '0', false);
            INSERT INTO ecpa.editions (year, theme, host_country_code, time_zone) VALUES (2040, 'Mars', 'DK', 'Mars/Olympus');
            """)
        held("shadow-pg-timezone-names", zone?.sqlState == "23514", "\(String(describing: zone))")
        // A juror shadows the jury and the entries with copies that say they are not in conflict.
        let finnish = try world.connect(world.jurors["FI"]!)
        let before = try world.fingerprint()
        let shadowed = HostileWorld.refusal(
            finnish,
            """
            CREATE TEMP TABLE jurors AS SELECT * FROM ecpa.jurors;
            UPDATE pg_temp.jurors SET country_code = 'SE';
            CREATE TEMP TABLE declared_conflicts (LIKE ecpa.declared_conflicts);
            CREATE TEMP TABLE editions AS SELECT * FROM ecpa.editions;
            UPDATE pg_temp.editions SET own_country_conflict = false;
            SET search_path = pg_temp, ecpa, pg_catalog;
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
            SELECT 1, 1, id, 'focus', 10 FROM ecpa.jurors WHERE role_name = current_user;
            """)
        let unchanged = try world.fingerprint() == before
        held(
            "shadow-jury-to-score-own-country", shadowed?.sqlState == "EC005" && unchanged,
            "\(String(describing: shadowed))")
    }

    // MARK: - Owner-run functions called with other people's ids or strange strings

    @Test func ownerRunFunctionsCheckWhoAsks() throws {
        let austrian = try world.connect(world.jurors["AT"]!)
        let seatBG = try world.seat("BG")
        try world.score("BG", entry: 2, 8)
        let before = try world.fingerprint()
        let abstain = HostileWorld.refusal(austrian, "SELECT ecpa.abstain(1, 2, \(seatBG), 'on their behalf')")
        let withdraw = HostileWorld.refusal(austrian, "SELECT ecpa.withdraw_abstention(2, \(seatBG))")
        held("abstain-for-another-juror", abstain?.sqlState == "42501", "\(String(describing: abstain))")
        held("withdraw-another-jurors-abstention", withdraw?.sqlState == "42501", "\(String(describing: withdraw))")
        let secretariatOnly = [
            "SELECT ecpa.freeze_edition(1, 'weighted-mean', '[]')", "SELECT ecpa.set_override(1, 3, 1, 'x')",
            "SELECT ecpa.clear_override(1, 3)", "SELECT ecpa.remove_juror(\(seatBG))", "SELECT ecpa.clear_conflict(\(seatBG), 1)",
            "SELECT ecpa.clear_criteria(1)", "SELECT ecpa.delete_archive_award(1)", "SELECT ecpa.seal_score_ledger()",
            "SELECT * FROM ecpa.connections()", "SELECT ecpa.end_connection(pg_backend_pid())",
            "SELECT ecpa.create_login_role('mallory', 'md5' || repeat('a', 32), 'secretariat')",
            "SELECT ecpa.grant_group(current_user, 'secretariat')",
        ]
        let people: [(String, HostileWorld.Login)] = [
            ("juror", world.jurors["AT"]!), ("representative", world.representatives["FI"]!), ("reader", world.reader),
        ]
        for (kind, login) in people {
            let connection = try world.connect(login)
            for sql in secretariatOnly {
                let name =
                    sql.split(separator: "(").first.map {
                        $0.replacingOccurrences(of: "SELECT * FROM ecpa.", with: "").replacingOccurrences(of: "SELECT ecpa.", with: "")
                    } ?? sql
                let error = HostileWorld.refusal(connection, sql)
                held("call-\(name)-\(kind)", error?.sqlState == "42501", "\(String(describing: error))")
            }
        }
        #expect(try world.fingerprint() == before)
    }

    @Test func strangeStringsGetNoFurtherThanTheirChecks() throws {
        let secretary = try world.connect(world.secretariat)
        let injected = [
            (
                "role-name-quote",
                "SELECT ecpa.create_login_role('x\"; ALTER ROLE ecpa_secretariat SUPERUSER; --', 'md5' || repeat('a', 32), 'juror')", "22023"
            ),
            ("verifier-quote", "SELECT ecpa.create_login_role('mallory', 'md5' || repeat('a', 32) || ''' SUPERUSER --', 'juror')", "22023"),
            ("kind-owner", "SELECT ecpa.create_login_role('mallory', 'md5' || repeat('a', 32), 'owner')", "22023"),
            ("grant-owner", "SELECT ecpa.grant_group('ecpa_owner', 'secretariat')", "42704"),
            ("grant-superuser", "SELECT ecpa.grant_group(\(world.admin.user.sqlLiteral), 'juror')", "42704"),
            ("end-superuser-session", "SELECT ecpa.end_connection(\(try CLIHarness.pid(of: world.admin))::integer)", "42501"),
        ]
        for (name, sql, expected) in injected {
            let error = HostileWorld.refusal(secretary, sql)
            held("inject-\(name)", error?.sqlState == expected, "\(error?.sqlState ?? "-"): \(String(describing: error))")
        }
        let escalated: Int64 =
            try world.admin.query(
                """
                SELECT count(*) AS n FROM pg_roles WHERE rolname IN ('mallory') OR (rolname LIKE 'x%' AND rolsuper)
                """
            ).first?.decode("n") ?? -1
        held("inject-created-a-role", escalated == 0, "\(escalated) roles")
        // Forged rankings with a missing, duplicated or unknown entry, or an override not on record.
        let forged = [
            ("missing", #"[{"place":1,"entry":1,"medal":"gold","score":9,"jurors":2,"shared":false}]"#),
            (
                "duplicate",
                #"[{"place":1,"entry":1,"score":9,"jurors":2,"shared":false},{"place":2,"entry":1,"score":8,"jurors":2,"shared":false},{"place":3,"entry":3,"score":7,"jurors":3,"shared":false}]"#
            ),
            (
                "unknown",
                #"[{"place":1,"entry":99,"score":9,"jurors":2,"shared":false},{"place":2,"entry":2,"score":8,"jurors":3,"shared":false},{"place":3,"entry":3,"score":7,"jurors":3,"shared":false}]"#
            ),
            (
                "override",
                #"[{"place":1,"entry":1,"score":9,"jurors":2,"shared":false},{"place":2,"entry":2,"score":8,"jurors":3,"shared":false},{"place":3,"entry":3,"score":7,"jurors":3,"shared":false,"override_reason":"The jury said so"}]"#
            ),
        ]
        let before = try world.fingerprint()
        for (name, json) in forged {
            let error = HostileWorld.refusal(secretary, "SELECT ecpa.freeze_edition(1, 'weighted-mean', \(json.sqlLiteral))")
            held("freeze-forged-ranking-\(name)", error?.sqlState == "22023", "\(String(describing: error))")
        }
        #expect(try world.fingerprint() == before)
    }

    @Test func aReorderedRankingIsFrozenButVerificationNamesIt() throws {
        try world.scoreEverything()
        let secretary = try world.connect(world.secretariat)
        // Structurally sound, so PostgreSQL stores it; only ecpa's ranking rules can tell it is wrong.
        let reordered =
            #"[{"place":1,"entry":3,"medal":"gold","score":7.000000,"jurors":3,"shared":false},{"place":2,"entry":2,"medal":"silver","score":7.333333,"jurors":3,"shared":false},{"place":3,"entry":1,"medal":"bronze","score":8.500000,"jurors":2,"shared":false}]"#
        #expect(HostileWorld.refusal(secretary, "SELECT ecpa.freeze_edition(1, 'weighted-mean', \(reordered.sqlLiteral))") == nil)
        #expect(HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET phase = 'published' WHERE year = 2018") == nil)
        let checked = cli.run([
            "results", "verify", "--edition", "2018", "--db",
            "\(cli.database.conninfo) user=\(world.reader.role) password=\(world.reader.password)",
        ])
        held(
            "forged-ranking-passes-verification",
            checked.status != 0 && checked.output.contains("FAIL  the ranking recomputed from the scores differs"),
            checked.output)
    }

    // MARK: - Identity

    @Test func nobodyActsAsSomeoneElse() throws {
        let austrian = try world.connect(world.jurors["AT"]!)
        let other = world.jurors["BG"]!.role
        for (name, sql) in [
            ("set-role", "SET ROLE \(other)"), ("set-config-role", "SELECT set_config('role', '\(other)', false)"),
            ("session-authorization", "SET SESSION AUTHORIZATION \(other)"),
            ("set-role-secretariat", "SET ROLE ecpa_secretariat"), ("set-role-owner", "SET ROLE ecpa_owner"),
        ] {
            let error = HostileWorld.refusal(austrian, sql)
            held("identity-\(name)", error?.sqlState == "42501", "\(String(describing: error))")
        }
        // A role setting stored for one's own login does not survive the membership check at login.
        _ = HostileWorld.refusal(austrian, "ALTER ROLE CURRENT_USER SET role = 'ecpa_secretariat'")
        let again = try world.connect(world.jurors["AT"]!)
        let actor: String = try again.query("SELECT ecpa.actor() AS a, ecpa.is_secretariat() AS s").first?.decode("a") ?? ""
        let secretariat: Bool = try again.query("SELECT ecpa.is_secretariat() AS s").first?.decode("s") ?? true
        held("identity-stored-role-setting", actor == world.jurors["AT"]!.role && !secretariat, "actor \(actor), secretariat \(secretariat)")
        try world.admin.execute("ALTER ROLE \(identifier: world.jurors["AT"]!.role) RESET role")
        let before = try world.fingerprint()
        let seatBG = try world.seat("BG")
        let forged = HostileWorld.refusal(
            austrian,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value) VALUES (1, 2, \(seatBG), 'focus', 1)
            """)
        let unchanged = try world.fingerprint() == before
        held("write-another-jurors-score", forged?.sqlState == "42501" && unchanged, "\(String(describing: forged))")
    }

    /// `ecpa user password` changes one's own password; nobody changes another login's, the
    /// secretariat included, whatever the command line or psql.
    @Test func nobodySetsAnotherLoginsPassword() throws {
        let victim = world.jurors["BG"]!
        for (kind, login) in [("juror", world.jurors["AT"]!), ("secretariat", world.secretariat), ("representative", world.representatives["FI"]!)] {
            let connection = try world.connect(login)
            let error = HostileWorld.refusal(connection, "ALTER ROLE \(victim.role) PASSWORD 'taken-over-by-\(kind)'")
            held("password-of-another-login-\(kind)", error?.sqlState == "42501", "\(String(describing: error))")
        }
        // The victim's own password still works.
        _ = try world.connect(victim)
    }

    @Test func aLoginInNoEcpaGroupReachesNothing() throws {
        let stranger = try world.connect(world.stranger)
        let error = HostileWorld.refusal(stranger, "SELECT count(*) FROM ecpa.editions")
        held("stranger-reads-schema", error?.sqlState == "42501", "\(String(describing: error))")
        let temp = HostileWorld.refusal(stranger, "SELECT ecpa.actor()")
        held("stranger-calls-functions", temp?.sqlState == "42501", "\(String(describing: temp))")
    }

    // MARK: - Append-only records and what a superuser can still do

    @Test func theSecretariatCannotRewriteTheAuditLogOrTheLedger() throws {
        try world.score("AT", entry: 1, 9)
        let secretary = try world.connect(world.secretariat)
        let before = try world.fingerprint()
        for (name, sql) in [
            ("audit-update", "UPDATE ecpa.audit_log SET actor = 'someone else'"), ("audit-delete", "DELETE FROM ecpa.audit_log"),
            ("audit-truncate", "TRUNCATE ecpa.audit_log"), ("events-update", "UPDATE ecpa.score_events SET new_value = 0"),
            ("events-delete", "DELETE FROM ecpa.score_events"), ("batches-delete", "DELETE FROM ecpa.score_batches"),
            ("frozen-delete", "DELETE FROM ecpa.frozen_results"), ("scores-delete", "DELETE FROM ecpa.scores"),
            ("scores-recode", "UPDATE ecpa.scores SET criterion_code = 'innovation' WHERE criterion_code = 'focus'"),
        ] {
            let error = HostileWorld.refusal(secretary, sql)
            held("secretariat-\(name)", error?.sqlState == "42501", "\(String(describing: error))")
        }
        #expect(try world.fingerprint() == before)
    }

    @Test func aConsistentRewriteBySuperuserFailsAgainstThePublishedDigest() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let published: String = try world.admin.query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest") ?? ""
        // A superuser turns the guards off and rewrites a comment everywhere it is recorded: the
        // score, its ledger event, every batch digest and hash after it, the head and the digest.
        try world.admin.executeScript(
            unsafeRaw: """
                BEGIN;
                SET LOCAL session_replication_role = replica;
                UPDATE ecpa.scores SET comment = 'rewritten' WHERE entry_id = 1 AND criterion_code = 'focus';
                UPDATE ecpa.score_events SET new_comment = 'rewritten' WHERE entry_id = 1 AND criterion_code = 'focus';
                UPDATE ecpa.score_batches b SET rows_digest = (
                    SELECT encode(sha256(convert_to(coalesce(string_agg(ecpa.score_event_text(e), E'\\n' ORDER BY e.id), ''), 'UTF8')), 'hex')
                    FROM ecpa.score_events e WHERE e.batch_id = b.id);
                DO $$
                DECLARE v_prev text := repeat('0', 64); v_batch ecpa.score_batches;
                BEGIN
                    FOR v_batch IN SELECT * FROM ecpa.score_batches WHERE chain_position IS NOT NULL ORDER BY chain_position LOOP
                        UPDATE ecpa.score_batches SET prev_hash = v_prev,
                            hash = ecpa.score_batch_hash(v_prev, v_batch.id, v_batch.at, v_batch.actor, v_batch.operation,
                                                         v_batch.event_count, v_batch.rows_digest)
                        WHERE id = v_batch.id RETURNING hash INTO v_prev;
                    END LOOP;
                    UPDATE ecpa.ledger_head SET hash = v_prev;
                    UPDATE ecpa.frozen_results SET ledger_head = v_prev;
                    UPDATE ecpa.frozen_results SET digest = ecpa.frozen_digest(edition_id);
                END $$;
                COMMIT;
                """)
        let unchecked = cli.run(["results", "verify", "--edition", "2018"])
        #expect(unchecked.status == 0, "the rewrite is consistent, so only the published digest can tell: \(unchecked.output)")
        let checked = cli.run(["results", "verify", "--edition", "2018", "--digest", published])
        held(
            "superuser-consistent-rewrite", checked.status != 0 && checked.output.contains("FAIL  the stored digest"),
            checked.output)
    }
}

// MARK: - Found by the red team (a hostile review with every login)

extension HostileLoginTests {
    @Test func nobodyGivesIdsOfTheirOwnSoOthersKeepSubmitting() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        let squat = HostileWorld.refusal(
            rep,
            """
            INSERT INTO ecpa.entries (id, edition_id, country_code, kind, title) OVERRIDING SYSTEM VALUE
            SELECT g, e.edition_id, 'FI', 'additional', 'Squat ' || g
            FROM generate_series(\(entry) + 1, \(entry) + 200) g, (SELECT edition_id FROM ecpa.entries WHERE id = \(entry)) e
            ON CONFLICT DO NOTHING
            """)
        held("squat-entry-ids", squat?.sqlState == "42501", "\(String(describing: squat))")
        let secretary = try world.connect(world.secretariat)
        for (table, sql) in [
            ("editions", "INSERT INTO ecpa.editions (id, year, theme, host_country_code) OVERRIDING SYSTEM VALUE VALUES (1000, 2099, 'Squat', 'DK')"),
            (
                "jurors",
                "INSERT INTO ecpa.jurors (id, edition_id, role_name, country_code, display_name) OVERRIDING SYSTEM VALUE VALUES (1000, 1, 'squat', 'DK', 'Squat')"
            ),
            (
                "late-acceptances",
                "INSERT INTO ecpa.late_acceptances (id, edition_id, country_code, reason, accepted_until) OVERRIDING SYSTEM VALUE VALUES (1000, 1, 'FI', 'Squat', now() + interval '1 day')"
            ),
            (
                "archive-awards",
                "INSERT INTO ecpa.archive_awards (id, year, award, award_certainty, country_certainty, title_certainty) OVERRIDING SYSTEM VALUE VALUES (100000, 2018, 'awarded', 'confirmed', 'unknown', 'unknown')"
            ),
        ] {
            let error = HostileWorld.refusal(secretary, sql)
            held("squat-\(table)-ids", error?.sqlState == "42501", "\(String(describing: error))")
        }
        let text = EntryCommandTests.entryFile(country: "LT", title: "Lithuanian project 2030")
            .replacingOccurrences(of: "edition = 2018", with: "edition = 2030")
        try cli.expectSuccess(["entry", "submit", try cli.file("lt-2030.toml", text), "--as", world.representatives["LT"]!.role])
    }

    @Test func anOldSnapshotCannotScoreACellPutInConflictOrAnEntryMadeIneligible() throws {
        try world.score("AT", entry: 2, 7)
        let juror = try world.connect(world.jurors["AT"]!)
        for level in Self.isolationLevels {
            let name = level.lowercased().replacingOccurrences(of: " ", with: "-")
            try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.scores")
            try cli.expectSuccess([
                "jury", "conflict", "declare", "--entry", "2", "--juror", world.jurors["AT"]!.role,
                "--reason", "Found out: advised the project (\(name)).",
            ])
            let before = try world.fingerprint()
            let conflicted = HostileWorld.refusal(juror, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 2")
            HostileWorld.rollback(juror)
            let unchanged = try world.fingerprint() == before
            held("stale-snapshot-score-new-conflict-\(name)", conflicted?.sqlState == "40001" && unchanged, "\(String(describing: conflicted))")
            try cli.expectSuccess(["jury", "conflict", "clear", "--entry", "2", "--juror", world.jurors["AT"]!.role])
        }
        try world.score("AT", entry: 3, 6)
        for level in Self.isolationLevels {
            let name = level.lowercased().replacingOccurrences(of: " ", with: "-")
            try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.scores")
            try cli.expectSuccess(["entry", "eligibility", "3", "--ineligible", "--reason", "Outside the theme (\(name))."])
            let before = try world.fingerprint()
            let ineligible = HostileWorld.refusal(juror, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 3")
            HostileWorld.rollback(juror)
            let unchanged = try world.fingerprint() == before
            held(
                "stale-snapshot-score-entry-made-ineligible-\(name)", ineligible?.sqlState == "40001" && unchanged,
                "\(String(describing: ineligible))")
            try cli.expectSuccess(["entry", "eligibility", "3", "--eligible"])
        }
    }

    @Test func aCellIsNeverBothScoredAndAbstained() throws {
        let seat = try world.seat("AT")
        let writer = try world.connect(world.jurors["AT"]!)
        let other = try world.connect(world.jurors["AT"]!)
        try writer.executeScript(
            unsafeRaw: """
                BEGIN;
                INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value)
                SELECT 1, 2, \(seat), code, 9 FROM ecpa.criteria WHERE edition_id = 1
                """)
        try other.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let meanwhile = HostileWorld.refusal(other, "SELECT ecpa.abstain(1, 2, \(seat), 'from another session')")
        try writer.executeScript(unsafeRaw: "COMMIT")
        let after = HostileWorld.refusal(other, "SELECT ecpa.abstain(1, 2, \(seat), 'from another session')")
        let both: Int64 =
            try world.admin.query(
                """
                SELECT count(*) AS n FROM ecpa.abstentions a
                WHERE EXISTS (SELECT FROM ecpa.scores s WHERE s.entry_id = a.entry_id AND s.juror_id = a.juror_id)
                """
            ).first?.decode("n") ?? -1
        // Still in flight, the other session waits (and gives up); once the scores are in, the
        // abstention is refused as the scores were written first. (An abstention deletes the
        // juror's scores of the entry only when they are its own write, not another session's.)
        held(
            "write-skew-scored-and-abstained", meanwhile?.sqlState == "55P03" && both == 0,
            "while in flight: \(String(describing: meanwhile)); afterwards: \(String(describing: after)); \(both) cells both")
    }

    @Test func aSessionActingAsAGroupIsStillNamedByItsLogin() throws {
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(
            unsafeRaw: """
                SET ROLE ecpa_secretariat;
                INSERT INTO ecpa.late_acceptances (edition_id, country_code, reason, accepted_until)
                VALUES (1, 'FI', 'Who recorded this?', now() + interval '1 day');
                RESET ROLE;
                """)
        let recorder: String? = try world.admin.query("SELECT recorded_by FROM ecpa.late_acceptances").first?.decode("recorded_by")
        held("anonymous-as-group", recorder == world.secretariat.role, "recorded by \(recorder ?? "nobody")")
    }

    @Test func theFreezeRunsOnTheLatestScoresOnly() throws {
        try world.scoreEverything()
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM ecpa.scores")
        try world.score("AT", entry: 2, 10)
        let ranking =
            #"[{"place":1,"entry":1,"medal":"gold","score":8.5,"jurors":2,"shared":false},{"place":2,"entry":2,"medal":"silver","score":8,"jurors":3,"shared":false},{"place":3,"entry":3,"medal":"bronze","score":7,"jurors":3,"shared":false}]"#
        let before = try world.fingerprint()
        let stale = HostileWorld.refusal(secretary, "SELECT ecpa.freeze_edition(1, 'weighted-mean', \(ranking.sqlLiteral))")
        HostileWorld.rollback(secretary)
        let unchanged = try world.fingerprint() == before
        held("freeze-from-stale-snapshot", stale?.sqlState == "25000" && unchanged, "\(String(describing: stale))")
    }

    @Test func twoSeatsAddedAtOnceCannotBothPassTheJurysLimit() throws {
        try cli.expectSuccess(["edition", "create", "--year", "2031", "--theme", "A small jury", "--host", "DK"])
        try world.admin.execute("UPDATE ecpa.editions SET max_voting_jurors = 1 WHERE year = 2031")
        let first = try world.connect(world.secretariat)
        let second = try world.connect(world.secretariat)
        try first.executeScript(
            unsafeRaw: """
                BEGIN;
                INSERT INTO ecpa.jurors (edition_id, role_name, country_code, display_name)
                SELECT id, \(world.jurors["AT"]!.role.sqlLiteral), 'AT', 'First' FROM ecpa.editions WHERE year = 2031
                """)
        try second.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let insert = """
            INSERT INTO ecpa.jurors (edition_id, role_name, country_code, display_name)
            SELECT id, \(world.jurors["BG"]!.role.sqlLiteral), 'BG', 'Second' FROM ecpa.editions WHERE year = 2031
            """
        let meanwhile = HostileWorld.refusal(second, insert)
        try first.executeScript(unsafeRaw: "COMMIT")
        let after = HostileWorld.refusal(second, insert)
        let voting: Int64 =
            try world.admin.query(
                """
                SELECT count(*) AS n FROM ecpa.jurors j JOIN ecpa.editions e ON e.id = j.edition_id WHERE e.year = 2031 AND j.voting
                """
            ).first?.decode("n") ?? -1
        held(
            "write-skew-jury-limit", meanwhile?.sqlState == "55P03" && after?.sqlState == "23514" && voting == 1,
            "\(String(describing: meanwhile)); then \(String(describing: after)); \(voting) voting jurors")
    }

    @Test func aFrozenRankingMustBeOneAnyCompetitionCouldGive() throws {
        try world.scoreEverything()
        let secretary = try world.connect(world.secretariat)
        let before = try world.fingerprint()
        for (name, json) in [
            (
                "two-golds-unshared",
                #"[{"place":1,"entry":1,"medal":"gold","score":9,"jurors":2,"shared":false},{"place":1,"entry":2,"medal":"gold","score":9,"jurors":3,"shared":false},{"place":3,"entry":3,"medal":"bronze","score":7,"jurors":3,"shared":false}]"#
            ),
            (
                "bronze-at-seven",
                #"[{"place":1,"entry":1,"medal":"gold","score":9,"jurors":2,"shared":false},{"place":2,"entry":2,"medal":"silver","score":8,"jurors":3,"shared":false},{"place":7,"entry":3,"medal":"bronze","score":7,"jurors":3,"shared":false}]"#
            ),
            (
                "medal-off-its-place",
                #"[{"place":1,"entry":1,"medal":"silver","score":9,"jurors":2,"shared":false},{"place":2,"entry":2,"medal":"gold","score":8,"jurors":3,"shared":false},{"place":3,"entry":3,"medal":"bronze","score":7,"jurors":3,"shared":false}]"#
            ),
            (
                "more-jurors-than-the-jury",
                #"[{"place":1,"entry":1,"medal":"gold","score":9,"jurors":99,"shared":false},{"place":2,"entry":2,"medal":"silver","score":8,"jurors":3,"shared":false},{"place":3,"entry":3,"medal":"bronze","score":7,"jurors":3,"shared":false}]"#
            ),
        ] {
            let error = HostileWorld.refusal(secretary, "SELECT ecpa.freeze_edition(1, 'weighted-mean', \(json.sqlLiteral))")
            held("freeze-impossible-ranking-\(name)", error?.sqlState == "22023", "\(String(describing: error))")
        }
        #expect(try world.fingerprint() == before)
    }

    @Test func theSecretariatReachesOnlyEcpaLoginsAndStoresNoClearPassword() throws {
        let secretary = try world.connect(world.secretariat)
        let other = HostileWorld.refusal(secretary, "SELECT ecpa.grant_group(\(world.stranger.role.sqlLiteral), 'secretariat')")
        held("enrol-another-programmes-login", other?.sqlState == "42501", "\(String(describing: other))")
        let clear = HostileWorld.refusal(secretary, "SELECT ecpa.create_login_role('mallory', 'SCRAM-SHA-256$this-is-a-clear-password', 'juror')")
        held("clear-password-as-verifier", clear?.sqlState == "22023", "\(String(describing: clear))")
        let settings: String? = try world.admin.query(
            """
            SELECT rolconfig::text AS c FROM pg_roles WHERE rolname = \(world.stranger.role)
            """
        ).first?.decode("c")
        #expect(settings == nil)
    }

    @Test func aPublishedEditionsFactsCannotChange() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let secretary = try world.connect(world.secretariat)
        let error = HostileWorld.refusal(
            secretary,
            """
            UPDATE ecpa.editions SET host_city = 'Atlantis', conference_start = '1999-01-01', conference_end = '1999-01-02'
            WHERE year = 2018
            """)
        held("rewrite-published-edition-facts", error?.sqlState == "EC002", "\(String(describing: error))")
    }

    @Test func noTextHoldsControlCharactersForSomeonesTerminal() throws {
        try openCall(closesIn: 86_400)
        let rep = try world.connect(world.representatives["FI"]!)
        let error = HostileWorld.refusal(
            rep,
            """
            INSERT INTO ecpa.entries (edition_id, country_code, kind, title)
            SELECT id, 'FI', 'additional', E'Harmless\\u001b[2J\\u001b[31mFAKE: ALL SCORES DELETED\\u001b[0m' FROM ecpa.editions WHERE year = 2030
            """)
        held("terminal-escapes-in-title", error?.sqlState == "23514", "\(String(describing: error))")
        let juror = try world.connect(world.jurors["AT"]!)
        let seat = try world.seat("AT")
        let comment = HostileWorld.refusal(
            juror,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value, comment)
            VALUES (1, 2, \(seat), 'focus', 7, E'Fine\\u001b]0;pwned\\u0007')
            """)
        held("terminal-escapes-in-comment", comment?.sqlState == "23514", "\(String(describing: comment))")
    }

    @Test func thePlannersStatisticsTellNothingAboutHiddenRows() throws {
        // Another juror's comments, repeated so they would be among the most common values.
        for entry in [2, 3] {
            let values = HostileWorld.criteria.flatMap { ["--criterion", "\($0)=8"] }
            try cli.expectSuccess(
                [
                    "score", "enter", "--entry", String(entry), "--as", world.jurors["BG"]!.role,
                    "--comment", "Vote them down",
                ] + values)
        }
        try world.admin.execute("ANALYZE ecpa.scores")
        let gathered: Int64 =
            try world.admin.query(
                """
                SELECT count(*) AS n FROM pg_stats WHERE schemaname = 'ecpa' AND tablename = 'scores'
                  AND attname IN ('juror_id', 'entry_id', 'value', 'comment')
                """
            ).first?.decode("n") ?? -1
        let juror = try world.connect(world.jurors["AT"]!)
        func estimate(_ condition: String) throws -> String {
            try juror.query(SQL(unsafeRaw: "EXPLAIN SELECT 1 FROM ecpa.scores WHERE \(condition)")).map { try $0.decode(0, as: String.self) }
                .joined(separator: " ").components(separatedBy: "rows=").dropFirst().first?.prefix { $0.isNumber }.description ?? ""
        }
        let below = try estimate("comment < 'Vote'")
        let above = try estimate("comment < 'Votf'")
        let seatBG = try world.seat("BG")
        let theirs = try estimate("juror_id = \(seatBG)")
        let nobody = try estimate("juror_id = 999999")
        held("statistics-leak-comments", gathered == 0 && below == above, "\(gathered) columns with statistics; estimates \(below) and \(above)")
        held("statistics-leak-progress", theirs == nobody, "estimates \(theirs) and \(nobody)")
        // Every table under row-level security, now and later: no statistics but on ids and editions.
        let gathering: [String] = try world.admin.query(
            """
            SELECT c.relname || '.' || a.attname AS name
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'ecpa'::regnamespace AND c.relrowsecurity AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attname NOT IN ('id', 'edition_id') AND a.attstattarget <> 0
            ORDER BY 1
            """
        ).map { try $0.decode("name") }
        held("statistics-gathered-on-hidden-columns", gathering.isEmpty, gathering.joined(separator: ", "))
    }
}

// MARK: - Found by the second red-team pass

extension HostileLoginTests {
    @Test func aPublishedRecordRevealsNothingOfAnUnpublishedEdition() throws {
        try world.scoreEverything()
        let rep = try world.connect(world.representatives["FI"]!)
        for (function, condition) in [
            ("published_entries", "title = 'Project of LT'"), ("published_scores", "juror_id > 0"),
            ("published_conflicts", "entry_id = 1"), ("published_overrides", "place = 1"),
            ("published_abstentions", "entry_id > 0"), ("published_jurors", "country_code = 'AT'"),
        ] {
            let plan = try rep.query(
                SQL(unsafeRaw: "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT 1 FROM ecpa.\(function)(1) WHERE \(condition)")
            )
            .map { try $0.decode(0, as: String.self) }
            let inner = plan.filter { $0.contains(" on ") && !$0.contains("Function Scan") }
            let rows: Int64 = try rep.query(SQL(unsafeRaw: "SELECT count(*) AS n FROM ecpa.\(function)(1)")).first?.decode("n") ?? -1
            held("explain-published-\(function)-before-publication", inner.isEmpty && rows == 0, plan.joined(separator: " | "))
        }
    }

    @Test func theFreezeTakesTheSchemesMethodOnly() throws {
        try world.scoreEverything()
        let secretary = try world.connect(world.secretariat)
        let ranking =
            #"[{"place":1,"entry":1,"medal":"gold","score":8.5,"jurors":2,"shared":false},{"place":2,"entry":2,"medal":"silver","score":7,"jurors":3,"shared":false},{"place":3,"entry":3,"medal":"bronze","score":6,"jurors":3,"shared":false}]"#
        let before = try world.fingerprint()
        let error = HostileWorld.refusal(secretary, "SELECT ecpa.freeze_edition(1, 'median', \(ranking.sqlLiteral))")
        let unchanged = try world.fingerprint() == before
        held("freeze-by-a-method-chosen-after-the-scores", error?.sqlState == "22023" && unchanged, "\(String(describing: error))")
    }

    @Test func oneJurorsFirstWriteDoesNotHoldUpTheOthers() throws {
        let first = try world.connect(world.jurors["AT"]!)
        let seatAT = try world.seat("AT")
        try first.executeScript(
            unsafeRaw: "BEGIN; INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value) VALUES (1, 2, \(seatAT), 'focus', 5)")
        let second = try world.connect(world.jurors["BG"]!)
        let seatBG = try world.seat("BG")
        try second.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let waited = HostileWorld.refusal(
            second, "INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value) VALUES (1, 2, \(seatBG), 'focus', 6)")
        HostileWorld.rollback(first)
        held("stall-first-write-of-an-edition", waited == nil, "\(String(describing: waited))")
    }

    @Test func noTextIsLongEnoughToFillTheDisk() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let juror = try world.connect(world.jurors["AT"]!)
        let seat = try world.seat("AT")
        let comment = HostileWorld.refusal(
            juror,
            """
            INSERT INTO ecpa.scores (edition_id, entry_id, juror_id, criterion_code, value, comment)
            VALUES (1, 2, \(seat), 'focus', 5, repeat('x', 2001))
            """)
        held("oversized-comment", comment?.sqlState == "23514", "\(String(describing: comment))")
        let rep = try world.connect(world.representatives["FI"]!)
        let answer = HostileWorld.refusal(rep, "UPDATE ecpa.entries SET partners = repeat('x', 10001) WHERE id = \(entry)")
        held("oversized-answer", answer?.sqlState == "23514", "\(String(describing: answer))")
        let word = HostileWorld.refusal(rep, "UPDATE ecpa.entries SET description = repeat('x', 10001) WHERE id = \(entry)")
        held("oversized-one-word-description", word?.sqlState == "23514", "\(String(describing: word))")
    }

    @Test func aRepresentativesEntryLockCannotOutlastTheCall() throws {
        let entry = try openCall(closesIn: 86_400).entry
        try cli.expectSuccess(["scheme", "set", "--edition", "2030"])
        try cli.expectSuccess(["edition", "close", "2030"])
        let rep = try world.connect(world.representatives["FI"]!)
        try rep.executeScript(unsafeRaw: "BEGIN")
        let locked = try rep.query("SELECT id FROM ecpa.entries WHERE id = \(entry) FOR UPDATE").count
        #expect(locked == 1)
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(unsafeRaw: "SET lock_timeout = '300ms'")
        let opened = HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET phase = 'scoring', scoring_open = true WHERE year = 2030")
        HostileWorld.rollback(rep)
        held("entry-lock-held-into-scoring", opened?.sqlState == "55P03", "\(String(describing: opened))")
        // A snapshot from before scoring opened cannot lock an entry during scoring.
        try rep.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM ecpa.editions")
        try cli.expectSuccess(["edition", "scoring", "open", "2030"])
        let stale = HostileWorld.refusal(rep, "SELECT id FROM ecpa.entries WHERE id = \(entry) FOR UPDATE")
        HostileWorld.rollback(rep)
        held("entry-lock-from-stale-snapshot-during-scoring", stale?.sqlState == "40001", "\(String(describing: stale))")
    }

    @Test func textThatMisleadsAScreenIsRefusedEverywhere() throws {
        let entry = try openCall(closesIn: 86_400).entry
        let rep = try world.connect(world.representatives["FI"]!)
        for (name, sql) in [
            ("bidi-override-in-title", "UPDATE ecpa.entries SET title = E'Safe streets \\u202Enoitceles\\u202C' WHERE id = \(entry)"),
            (
                "lone-carriage-return-in-answer",
                "UPDATE ecpa.entries SET description = E'Works well.\\rAPPROVED BY THE SECRETARIAT' WHERE id = \(entry)"
            ),
            ("zero-width-space-in-title", "UPDATE ecpa.entries SET title = E'Zero\\u200Bwidth' WHERE id = \(entry)"),
        ] {
            let error = HostileWorld.refusal(rep, sql)
            held("misleading-text-\(name)", error?.sqlState == "23514", "\(String(describing: error))")
        }
        let secretary = try world.connect(world.secretariat)
        for (name, sql) in [
            ("archive-note", "UPDATE ecpa.archive_awards SET note = E'\\u001b[2J\\u001b[31mFAKE' WHERE year = 2017 AND award = 'gold'"),
            ("scheme-note", "UPDATE ecpa.schemes SET note = E'note\\u001b[31m RED' WHERE edition_id = 1"),
            ("criterion-name", "UPDATE ecpa.criteria SET name = E'Focus\\u001b[2J' WHERE edition_id = 1 AND code = 'focus'"),
        ] {
            let error = HostileWorld.refusal(secretary, sql)
            held("misleading-text-\(name)", error?.sqlState == "23514" || error?.sqlState == "EC001", "\(String(describing: error))")
        }
    }

    @Test func thePublishedRecordSaysWhoDeclaredAConflict() throws {
        try world.scoreEverything()
        try cli.expectSuccess([
            "jury", "conflict", "declare", "--entry", "3", "--juror", world.advisory.role, "--reason", "Known to the secretariat.",
        ])
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let reader = try world.connect(world.reader)
        let reasons: [String] = try reader.query(
            """
            SELECT reason FROM ecpa.published_conflicts(1) WHERE source = 'declared'
            """
        ).map { try $0.decode("reason") }
        held("conflict-attributed-to-the-juror", reasons == ["declared by the secretariat"], reasons.joined(separator: ", "))
    }

    @Test func theSecretariatsOtherSlips() throws {
        let secretary = try world.connect(world.secretariat)
        let verifier = HostileWorld.refusal(secretary, "SELECT ecpa.create_login_role('mallory', 'SCRAM-SHA-256$1:AA==$AA==:AA==', 'juror')")
        held("short-scram-verifier-as-clear-password", verifier?.sqlState == "22023", "\(String(describing: verifier))")
        try cli.expectSuccess(["edition", "create", "--year", "2031", "--theme", "A jury of three", "--host", "DK"])
        for country in ["AT", "BG"] {
            try cli.expectSuccess([
                "jury", "add", "--edition", "2031", world.jurors[country]!.role, "--existing-role",
                "--country", country, "--name", "Juror from \(country)",
            ])
        }
        let lowered = HostileWorld.refusal(secretary, "UPDATE ecpa.editions SET max_voting_jurors = 1 WHERE year = 2031")
        held("jury-limit-below-seated", lowered?.sqlState == "23514", "\(String(describing: lowered))")
        let stale = HostileWorld.refusal(
            secretary,
            """
            BEGIN ISOLATION LEVEL REPEATABLE READ;
            UPDATE ecpa.editions SET phase = 'submissions_open', submissions_close_at = now() + interval '1 day' WHERE year = 2031;
            """)
        HostileWorld.rollback(secretary)
        held("phase-change-from-a-snapshot", stale?.sqlState == "25000", "\(String(describing: stale))")
        try secretary.executeScript(
            unsafeRaw: """
                SET ROLE ecpa_secretariat;
                INSERT INTO ecpa.editions (year, theme, host_country_code) VALUES (2032, 'Who made me', 'BE');
                INSERT INTO ecpa.people (role_name, kind, display_name) VALUES ('nobody_in_particular', 'secretariat', 'Nobody');
                RESET ROLE;
                """)
        let stamps: [String] = try world.admin.query(
            """
            SELECT created_by FROM ecpa.editions WHERE year = 2032
            UNION ALL SELECT created_by FROM ecpa.people WHERE role_name = 'nobody_in_particular'
            """
        ).map { try $0.decode("created_by") }
        held("group-named-creation-stamps", stamps == [world.secretariat.role, world.secretariat.role], stamps.joined(separator: ", "))
    }
}

// MARK: - Every writer, every phase change, both isolation levels that keep a snapshot

/// A write a person may make in one phase, tried from a snapshot taken before the next phase.
enum StaleWrite: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case representativeAcrossClose = "representative-entry-across-close"
    case secretariatAcrossClose = "secretariat-entry-across-close"
    case jurorAcrossScoringClose = "juror-score-across-scoring-close"
    case secretariatAcrossScoringClose = "secretariat-score-across-scoring-close"
    case jurorAcrossFreeze = "juror-score-across-freeze"
    case secretariatAcrossFreeze = "secretariat-score-across-freeze"
    case jurorConflictAcrossFreeze = "juror-conflict-across-freeze"
    case secretariatOverrideAcrossFreeze = "secretariat-override-across-freeze"
    case secretariatAcrossPublish = "secretariat-eligibility-across-publish"

    var testDescription: String { rawValue }

    /// Why it fails: the snapshot is older than the change (40001), except across the publication,
    /// where the snapshot already shows a frozen edition, which takes no change at all.
    var refusal: String { self == .secretariatAcrossPublish ? "EC002" : "40001" }
}

extension HostileLoginTests {
    @Test(arguments: StaleWrite.allCases, HostileLoginTests.isolationLevels)
    func aWriteFromASnapshotOlderThanAPhaseChangeFails(_ write: StaleWrite, _ level: String) throws {
        let entry: Int64
        switch write {
        case .representativeAcrossClose, .secretariatAcrossClose:
            entry = try openCall(closesIn: 86_400).entry
        case .jurorAcrossScoringClose, .secretariatAcrossScoringClose:
            try world.score("AT", entry: 2, 7)
            entry = 2
        case .jurorAcrossFreeze, .secretariatAcrossFreeze, .jurorConflictAcrossFreeze, .secretariatOverrideAcrossFreeze:
            try world.scoreEverything()
            entry = 2
        case .secretariatAcrossPublish:
            try world.scoreEverything()
            try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
            entry = 2
        }
        let writer: HostileWorld.Login
        switch write {
        case .representativeAcrossClose: writer = world.representatives["FI"]!
        case .jurorAcrossScoringClose, .jurorAcrossFreeze: writer = world.jurors["AT"]!
        case .jurorConflictAcrossFreeze: writer = world.jurors["BG"]!
        default: writer = world.secretariat
        }
        let connection = try world.connect(writer)
        try connection.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.editions")
        switch write {
        case .representativeAcrossClose, .secretariatAcrossClose: try cli.expectSuccess(["edition", "close", "2030"])
        case .jurorAcrossScoringClose, .secretariatAcrossScoringClose: try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        case .secretariatAcrossPublish: try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        default: try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        }
        let seatBG = try world.seat("BG")
        let statement: String
        switch write {
        case .representativeAcrossClose, .secretariatAcrossClose:
            statement = "UPDATE ecpa.entries SET title = 'Changed from an old snapshot' WHERE id = \(entry)"
        case .jurorAcrossScoringClose, .jurorAcrossFreeze, .secretariatAcrossScoringClose, .secretariatAcrossFreeze:
            statement = "UPDATE ecpa.scores SET value = 10 WHERE entry_id = \(entry)"
        case .jurorConflictAcrossFreeze:
            statement = "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES (\(seatBG), \(entry), 'From an old snapshot')"
        case .secretariatOverrideAcrossFreeze:
            statement = "SELECT ecpa.set_override(1, \(entry), 1, 'From an old snapshot')"
        case .secretariatAcrossPublish:
            statement = "UPDATE ecpa.entries SET state = 'ineligible', ineligible_reason = 'From an old snapshot' WHERE id = \(entry)"
        }
        let before = try world.fingerprint()
        let error = HostileWorld.refusal(connection, statement)
        HostileWorld.rollback(connection)
        let unchanged = try world.fingerprint() == before
        held(
            "stale-snapshot-\(write.rawValue)-\(level.lowercased().replacingOccurrences(of: " ", with: "-"))",
            error?.sqlState == write.refusal && unchanged, "\(String(describing: error))")
    }

    @Test func aWriterHoldingTheEditionIsNamedAndTheCLIGivesUp() throws {
        try world.score("AT", entry: 2, 7)
        let juror = try world.connect(world.jurors["AT"]!)
        try juror.executeScript(unsafeRaw: "BEGIN; UPDATE ecpa.scores SET value = 8 WHERE entry_id = 2")
        let pid: Int = try juror.query("SELECT pg_backend_pid() AS pid").first?.decode("pid") ?? 0
        let url = "\(cli.database.conninfo) user=\(world.secretariat.role) password=\(world.secretariat.password)"
        let closed = cli.run(["edition", "scoring", "close", "2018", "--db", url], environment: ["ECPA_LOCK_TIMEOUT": "1s"])
        held(
            "stall-phase-change-silently",
            closed.status == 75 && closed.error.contains(world.jurors["AT"]!.role)
                && closed.error.contains("ecpa db connections end \(pid)"),
            "exit \(closed.status): \(closed.error)")
        // The remedy: the secretariat ends that session; its change is rolled back and the phase moves.
        let ended = cli.run(["db", "connections", "end", String(pid), "--yes", "--db", url])
        #expect(ended.status == 0, "\(ended.error)")
        try cli.expectSuccess(["edition", "scoring", "close", "2018", "--db", url])
        let value: Decimal? = try world.admin.query("SELECT max(value) AS v FROM ecpa.scores WHERE entry_id = 2").first?.decode("v")
        #expect(value == 7)
    }
}

extension HostileLoginTests {
    /// PostgreSQL grants a new FOR SHARE lock beside held ones even while an UPDATE waits, so two
    /// sessions taking turns could hold back a phase change for as long as they liked. A writer that
    /// comes while the change waits must step aside; the change then waits only for the first.
    @Test func overlappingWritersCannotHoldBackAPhaseChange() throws {
        try world.score("AT", entry: 2, 7)
        try world.score("BG", entry: 2, 7)
        let url = "\(cli.database.conninfo) user=\(world.secretariat.role) password=\(world.secretariat.password)"
        // Two jurors writing scores in turn, against closing scoring.
        let austrian = try world.connect(world.jurors["AT"]!)
        try austrian.executeScript(unsafeRaw: "BEGIN; UPDATE ecpa.scores SET value = 8 WHERE entry_id = 2")
        let closing = BackgroundRun(cli, ["edition", "scoring", "close", "2018", "--db", url])
        _ = try cli.sessionBlocked(by: try CLIHarness.pid(of: austrian))
        let bulgarian = try world.connect(world.jurors["BG"]!)
        let second = HostileWorld.refusal(bulgarian, "BEGIN; UPDATE ecpa.scores SET value = 8 WHERE entry_id = 2")
        HostileWorld.rollback(bulgarian)
        try austrian.executeScript(unsafeRaw: "COMMIT")
        let closed = try closing.finish()
        held(
            "overlapping-score-writes-hold-back-scoring-close", second?.sqlState == "EC006" && closed.status == 0,
            "second writer: \(String(describing: second)); close: exit \(closed.status) \(closed.error)")

        // Two representatives' sessions in turn, against closing the call (no write needed).
        try openCall(closesIn: 86_400)
        let edition: Int64 = try world.admin.query("SELECT id FROM ecpa.editions WHERE year = 2030").first?.decode("id") ?? -1
        let finnish = try world.connect(world.representatives["FI"]!)
        try finnish.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.edition_takes_entries(\(edition))")
        let closingCall = BackgroundRun(cli, ["edition", "close", "2030", "--db", url])
        _ = try cli.sessionBlocked(by: try CLIHarness.pid(of: finnish))
        let lithuanian = try world.connect(world.representatives["LT"]!)
        let next = HostileWorld.refusal(lithuanian, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT ecpa.edition_takes_entries(\(edition))")
        HostileWorld.rollback(lithuanian)
        try finnish.executeScript(unsafeRaw: "COMMIT")
        let callClosed = try closingCall.finish()
        held(
            "overlapping-representatives-hold-back-closing-the-call", next?.sqlState == "EC006" && callClosed.status == 0,
            "second session: \(String(describing: next)); close: exit \(callClosed.status) \(callClosed.error)")

        // What a writer that stepped aside is told.
        let refused = StoreError(second ?? PQError(kind: .usage, message: "none"))
        #expect(refused.description.hasPrefix("The 2018 edition is being changed by another session at this moment"))
    }
}

extension String {
    /// A quoted SQL string literal, for the statements a hostile person would type.
    var sqlLiteral: String { "'" + replacingOccurrences(of: "'", with: "''") + "'" }
}
