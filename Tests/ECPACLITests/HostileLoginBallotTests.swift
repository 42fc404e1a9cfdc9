import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite on an edition that holds a final ballot: every person tries, with their
/// own login over a real connection, to read a ballot that is not theirs before they may (the
/// secretariat included, until the ballot closes), to cast, change or remove a ballot against the
/// rules, or to slip a ballot past the close. Recorded for docs/security.md.
@Suite struct HostileLoginBallotTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld(schemeFile: BallotTests.scheme) }

    var cli: CLIHarness { world.cli }

    /// A number a login reads with one query; -1 when the query is refused.
    func count(_ login: HostileWorld.Login, _ sql: String) throws -> Int64 {
        let connection = try world.connect(login)
        return (try? connection.query(SQL(unsafeRaw: sql)).first?.decode("n")) ?? -1
    }

    /// Round 1 scored, the deliberation held, the ballot open on all three entries, and the
    /// Austrian juror's ballot cast.
    func openBallot() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        try cli.expectSuccess(["edition", "deliberation", "open", "2018", "--yes", "--entry", "2", "--entry", "3"])
        try cli.expectSuccess(["ballot", "open", "2018", "--entry", "1", "--entry", "2", "--entry", "3"])
        try world.connect(world.jurors["AT"]!).execute("SELECT ecpa.cast_ballot(1, ARRAY[3, 1, 2]::bigint[])")
    }

    @Test func nobodyReadsOrForgesABallotBeforeTheyMay() throws {
        try openBallot()
        try world.admin.execute("ANALYZE ecpa.ballots")
        let others: [(String, HostileWorld.Login)] = [
            ("juror", world.jurors["BG"]!), ("secretariat", world.secretariat), ("representative", world.representatives["FI"]!),
            ("reader", world.reader), ("advisory", world.advisory),
        ]
        for (kind, login) in others {
            try attack("ballot-table-read-\(kind)", as: login, "SELECT ranking FROM ecpa.ballots", refusedWith: "42501")
            try attack("ballot-table-explained-\(kind)", as: login, "EXPLAIN ANALYZE SELECT * FROM ecpa.ballots", refusedWith: "42501")
            try attack("ballot-table-locked-\(kind)", as: login, "SELECT id FROM ecpa.ballots FOR UPDATE", refusedWith: "42501")
            try attack("ballot-rewritten-\(kind)", as: login, "UPDATE ecpa.ballots SET ranking = '{1,2,3}'", refusedWith: "42501")
            try attack("ballot-deleted-\(kind)", as: login, "DELETE FROM ecpa.ballots", refusedWith: "42501")
            try attack("ballot-shortlist-changed-\(kind)", as: login, "DELETE FROM ecpa.ballot_entries", refusedWith: "42501")
            try attack(
                "ballot-seal-note-forged-\(kind)", as: login, "SELECT ecpa.append_ledger_note('seal ballot 9 of edition 1')", refusedWith: "42501")
            let early = try count(login, "SELECT count(*) AS n FROM ecpa.closed_ballots(1)")
            held("ballot-read-before-close-\(kind)", early == 0, "\(early) rows")
            let own = try count(login, "SELECT count(*) AS n FROM ecpa.my_ballot(1)")
            held("ballot-read-as-own-\(kind)", own <= 0, "\(own) rows")
            let statistics = try count(login, "SELECT count(*) AS n FROM pg_stats WHERE schemaname = 'ecpa' AND tablename = 'ballots'")
            held("ballot-statistics-read-\(kind)", statistics == 0, "\(statistics) rows")
        }
        // The secretariat sees who has voted, never what: nothing of a ballot's content in the
        // audit log or the ledger before the close, and no ballot cast in a juror's name.
        let audited = try count(
            world.secretariat, "SELECT count(*) AS n FROM ecpa.audit_log WHERE table_name = 'ballots' OR new_row::text LIKE '%ranking%'")
        held("ballot-read-through-audit-log", audited == 0, "\(audited) rows")
        let sealed = try count(
            world.secretariat,
            "SELECT count(*) AS n FROM ecpa.score_batches WHERE operation ~ '^(seal|close) ballot' OR operation ~ 'ballot.*juror.*sha256'")
        held("ballot-hash-in-ledger-before-close", sealed == 0, "\(sealed) notes")
        let turnout = try count(world.secretariat, "SELECT count(*) FILTER (WHERE voted) AS n FROM ecpa.ballot_turnout(1)")
        held("ballot-turnout-for-secretariat", turnout == 1, "\(turnout) voted")
        try attack("ballot-turnout-for-juror", as: world.jurors["BG"]!, "SELECT * FROM ecpa.ballot_turnout(1)", refusedWith: "42501")
        try attack("ballot-cast-by-secretariat", as: world.secretariat, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3]::bigint[])", refusedWith: "42501")
        try attack("ballot-cast-by-advisory", as: world.advisory, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3]::bigint[])", refusedWith: "42501")
        try attack(
            "ballot-cast-by-representative", as: world.representatives["FI"]!, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3]::bigint[])",
            refusedWith: "42501")
        try attack(
            "ballot-cast-ranking-conflict", as: world.jurors["FI"]!, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3]::bigint[])", refusedWith: "EC005")
        try attack(
            "ballot-cast-off-shortlist", as: world.jurors["BG"]!, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3, 4]::bigint[])", refusedWith: "22023")
        try attack("ballot-cast-incomplete", as: world.jurors["BG"]!, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2]::bigint[])", refusedWith: "22023")
        try attack("ballot-cast-repeating", as: world.jurors["BG"]!, "SELECT ecpa.cast_ballot(1, ARRAY[1, 1, 2, 3]::bigint[])", refusedWith: "22023")
        try attack("ballot-opened-by-juror", as: world.jurors["BG"]!, "SELECT ecpa.open_ballot(1, ARRAY[1, 2]::bigint[])", refusedWith: "42501")
        try attack("ballot-opened-twice", as: world.secretariat, "SELECT ecpa.open_ballot(1, ARRAY[1, 2]::bigint[])", refusedWith: "EC003")
        try attack("ballot-closed-by-juror", as: world.jurors["AT"]!, "SELECT ecpa.close_ballot(1, true)", refusedWith: "42501")
        try attack(
            "ballot-stage-moved-back", as: world.secretariat, "UPDATE ecpa.editions SET scoring_stage = 'deliberation' WHERE id = 1",
            refusedWith: "42501")
        try attack(
            "conflict-declared-during-ballot", as: world.jurors["BG"]!,
            "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES (\(try world.seat("BG")), 2, 'Remembered late')",
            refusedWith: "EC001")
        try attack(
            "freeze-before-ballot-closed", as: world.secretariat, "UPDATE ecpa.editions SET phase = 'frozen' WHERE id = 1", refusedWith: "EC003")

        // A juror of another edition casts nothing in this one.
        _ = try world.closedEdition(year: 2030)
        let outsider = try HostileWorld.juror(cli, country: "DK", advisory: false)
        try attack(
            "ballot-cast-by-another-editions-juror", as: outsider, "SELECT ecpa.cast_ballot(1, ARRAY[3, 2, 1]::bigint[])", refusedWith: "42501")

        // Closed: the secretariat reads the ballots; jurors and the public still do not, until publication.
        try cli.expectSuccess(["ballot", "close", "2018", "--without-missing", "--yes"])
        let bySecretariat = try count(world.secretariat, "SELECT count(*) AS n FROM ecpa.closed_ballots(1)")
        held("ballot-read-by-secretariat-after-close", bySecretariat == 1, "\(bySecretariat) rows")
        for (kind, login) in [("juror", world.jurors["BG"]!), ("representative", world.representatives["FI"]!), ("reader", world.reader)] {
            let closed = try count(login, "SELECT count(*) AS n FROM ecpa.closed_ballots(1)")
            held("ballot-read-after-close-before-publication-\(kind)", closed == 0, "\(closed) rows")
        }
        try attack("ballot-cast-after-close", as: world.jurors["BG"]!, "SELECT ecpa.cast_ballot(1, ARRAY[3, 1, 2]::bigint[])", refusedWith: "EC001")
        try attack("ballot-reopened", as: world.secretariat, "SELECT ecpa.open_ballot(1, ARRAY[1, 2]::bigint[])", refusedWith: "EC003")
        try attack("ballot-closed-twice", as: world.secretariat, "SELECT ecpa.close_ballot(1, true)", refusedWith: "EC003")
    }

    /// The secretariat closes the ballot inside a transaction, reads and rolls back: nothing of a
    /// ballot shows, neither the ballots nor a hash that six guesses would match (found by a
    /// hostile review: the close's own writes were visible to it).
    @Test func aCloseRolledBackShowsNoBallot() throws {
        try openBallot()
        let secretary = try world.connect(world.secretariat)
        try secretary.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.close_ballot(1, true)")
        let read = HostileWorld.refusal(secretary, "SELECT * FROM ecpa.closed_ballots(1)")
        HostileWorld.rollback(secretary)
        held("ballot-read-after-close-in-same-transaction", read?.sqlState == "42501", "\(String(describing: read))")
        // Savepoints and a publication in the same transaction change nothing.
        try secretary.executeScript(unsafeRaw: "BEGIN; SAVEPOINT peek; SELECT ecpa.close_ballot(1, true)")
        let inSavepoint = HostileWorld.refusal(secretary, "SELECT * FROM ecpa.closed_ballots(1)")
        HostileWorld.rollback(secretary)
        held("ballot-read-after-close-in-savepoint", inSavepoint?.sqlState == "42501", "\(String(describing: inSavepoint))")
        // The hashes sealed by that close, tried against every ranking without the salt: none matches.
        try secretary.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.close_ballot(1, true)")
        let guessed: Int64 =
            try secretary.query(
                """
                SELECT count(*) AS n FROM ecpa.score_batches b,
                    (VALUES ('{1,2,3}'::bigint[]), ('{1,3,2}'), ('{2,1,3}'), ('{2,3,1}'), ('{3,1,2}'), ('{3,2,1}')) AS r(ranking),
                    generate_series(1, 5) AS i(ballot), generate_series(1, 5) AS j(juror)
                WHERE b.operation LIKE 'seal ballot %'
                  AND b.operation LIKE '%' || encode(sha256(convert_to(jsonb_build_array(i.ballot, j.juror, to_jsonb(r.ranking))::text, 'UTF8')), 'hex')
                """
            ).first?.decode("n") ?? -1
        HostileWorld.rollback(secretary)
        held("ballot-guessed-from-hash-in-same-transaction", guessed == 0, "\(guessed) matches")
        let stage: String = try world.admin.query("SELECT scoring_stage FROM ecpa.editions WHERE id = 1").first?.decode("scoring_stage") ?? ""
        #expect(stage == "ballot")
    }

    /// Nobody holds back the ballot's close or a juror's cast by locking a shared row.
    @Test func nobodyLocksWhatTheBallotRelies() throws {
        try openBallot()
        for (kind, login) in [("juror", world.jurors["BG"]!), ("representative", world.representatives["FI"]!), ("reader", world.reader)] {
            for (what, sql) in [
                ("edition", "SELECT id FROM ecpa.editions WHERE id = 1 FOR UPDATE"),
                ("serialization-point", "SELECT point FROM ecpa.serialization_points FOR SHARE"),
                ("salt", "SELECT edition_id FROM ecpa.ballot_salts FOR SHARE"),
                ("shortlist", "SELECT entry_id FROM ecpa.ballot_entries FOR SHARE"),
                ("ballots-table", "LOCK TABLE ecpa.ballots IN SHARE MODE"),
            ] {
                try attack("ballot-lock-\(what)-\(kind)", as: login, sql, refusedWith: "42501")
            }
        }
    }

    /// The ballot rule has a Swift home (to list every problem with its line) and a SQL one (to hold
    /// against every client): one table of cases, both sides alike. The Finnish juror is in conflict
    /// with entry 1; the shortlist is 1, 2 and 3.
    @Test func aBallotIsAcceptedOrRefusedAlikeInSwiftAndInPostgreSQL() throws {
        try openBallot()
        let cases: [[Int64]] = [[3, 2], [2, 3], [1, 2, 3], [3], [3, 2, 2], [3, 2, 4], [], [2, 1]]
        let juror = try world.connect(world.jurors["FI"]!)
        let seat = JurorID(try world.seat("FI"))
        for ranking in cases {
            let swift = Ballot(juror: seat, ranking: ranking.map(EntryID.init)).problems(
                shortlist: [1, 2, 3].map(EntryID.init), conflicts: [EntryID(1)])
            let sql = HostileWorld.refusal(juror, "SELECT ecpa.cast_ballot(1, ARRAY[\(ranking.map(String.init).joined(separator: ", "))]::bigint[])")
            HostileWorld.rollback(juror)
            #expect(swift.isEmpty == (sql == nil), "\(ranking): Swift \(swift.map(\.code)), PostgreSQL \(String(describing: sql))")
        }
    }

    /// A cast from a transaction opened before the ballot closed fails after it.
    @Test(arguments: ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
    func aBallotFromBeforeTheCloseFails(_ level: String) throws {
        let slug = level.lowercased().replacingOccurrences(of: " ", with: "-")
        try openBallot()
        let juror = try world.connect(world.jurors["BG"]!)
        try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.editions")
        try cli.expectSuccess(["ballot", "close", "2018", "--without-missing", "--yes"])
        let before = try world.fingerprint()
        let error = HostileWorld.refusal(juror, "SELECT ecpa.cast_ballot(1, ARRAY[1, 2, 3]::bigint[])")
        HostileWorld.rollback(juror)
        let unchanged = try world.fingerprint() == before
        held(
            "stale-snapshot-ballot-across-close-\(slug)", error?.sqlState == (level == "READ COMMITTED" ? "EC001" : "40001") && unchanged,
            "\(String(describing: error))")
    }

    /// A cast in flight when the secretariat closes: the close waits for it and seals it.
    @Test func aBallotInFlightIsSealedByTheClose() throws {
        try openBallot()
        let juror = try world.connect(world.jurors["BG"]!)
        try juror.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.cast_ballot(1, ARRAY[1, 3, 2]::bigint[])")
        let closer = try world.connect(world.secretariat)
        let waited = HostileWorld.refusal(closer, "SET lock_timeout = '1s'; SELECT ecpa.close_ballot(1, true)")
        try juror.executeScript(unsafeRaw: "COMMIT")
        try closer.executeScript(unsafeRaw: "RESET lock_timeout; SELECT ecpa.close_ballot(1, true)")
        let sealed = try count(world.secretariat, "SELECT count(*) AS n FROM ecpa.score_batches WHERE operation ~ '^seal ballot'")
        held("ballot-in-flight-sealed-by-close", waited?.sqlState == "55P03" && sealed == 2, "\(String(describing: waited)); \(sealed) sealed")
    }
}
