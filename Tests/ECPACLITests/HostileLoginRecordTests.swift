import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite on the decision record: every person tries, with their own login over a
/// real connection, to write reasons that are not theirs, name a rapporteur or sign without being
/// the chair, change the record after the sign-off (directly, through a trigger on a temporary
/// table, from a transaction opened before it, as the owner), read it before publication without
/// being on the jury, or reach another edition's record with its ids. Recorded for docs/security.md.
@Suite struct HostileLoginRecordTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld(chair: "AT") }

    var cli: CLIHarness { world.cli }
    var chair: HostileWorld.Login { world.jurors["AT"]! }

    /// The same statement run by a trigger on a temporary table of the login's own.
    func attackThroughTrigger(_ name: String, as login: HostileWorld.Login, _ sql: String, refusedWith state: String) throws {
        try attack(
            name, as: login,
            """
            CREATE TEMP TABLE bait (x int) ON COMMIT DROP;
            CREATE FUNCTION pg_temp.forge() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN \(sql); RETURN NULL; END $f$;
            CREATE TRIGGER forge AFTER INSERT ON bait FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.forge();
            INSERT INTO bait VALUES (1)
            """, refusedWith: state)
    }

    /// Scoring closed; rapporteurs gold BG, silver AT (the chair), bronze FI, each reasons written;
    /// a minority view by FI on gold.
    func writeRecord() throws {
        try world.scoreEverything()
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        for (medal, country) in [("gold", "BG"), ("silver", "AT"), ("bronze", "FI")] {
            try world.connect(chair).execute("SELECT ecpa.name_rapporteur(1, \(medal), \(try world.seat(country)))")
            try world.connect(world.jurors[country]!).execute("SELECT ecpa.write_reasons(1, \(medal), \("Reasons for \(medal)."))")
        }
        try world.connect(world.jurors["FI"]!).execute("SELECT ecpa.add_minority_view(1, 'gold', 'I disagree.')")
    }

    static let directWrites = [
        ("insert-reasons", "INSERT INTO ecpa.medal_reasons (edition_id, medal, rapporteur_id, named_at, named_by) VALUES (1, 'gold', 1, now(), 'x')"),
        ("update-reasons", "UPDATE ecpa.medal_reasons SET reasons = 'Forged'"),
        ("delete-reasons", "DELETE FROM ecpa.medal_reasons"),
        (
            "insert-minority",
            "INSERT INTO ecpa.minority_views (edition_id, medal, juror_id, view_text, written_at, written_by) VALUES (1, 'gold', 1, 'Forged', now(), 'x')"
        ),
        ("update-minority", "UPDATE ecpa.minority_views SET view_text = 'Forged'"),
        ("delete-minority", "DELETE FROM ecpa.minority_views"),
        (
            "insert-signoff",
            "INSERT INTO ecpa.decision_signoffs (edition_id, chair_id, signed_at, signed_by, record_hash, batch_id) VALUES (1, 1, now(), 'x', repeat('0', 64), 1)"
        ),
        ("update-signoff", "UPDATE ecpa.decision_signoffs SET record_hash = repeat('0', 64)"),
        ("truncate-reasons", "TRUNCATE ecpa.medal_reasons"),
    ]

    @Test func onlyTheChairAndTheRapporteursWriteAndOnlyThroughTheFunctions() throws {
        try writeRecord()
        let seatBG = try world.seat("BG")
        let bg = world.jurors["BG"]!
        try attack("reasons-by-non-rapporteur", as: chair, "SELECT ecpa.write_reasons(1, 'gold', 'The chair rewrites gold')", refusedWith: "42501")
        try attack("reasons-by-advisory-juror", as: world.advisory, "SELECT ecpa.write_reasons(1, 'gold', 'Advice')", refusedWith: "42501")
        try attack("rapporteur-named-by-non-chair", as: bg, "SELECT ecpa.name_rapporteur(1, 'silver', \(seatBG))", refusedWith: "42501")
        try attack(
            "rapporteur-named-by-secretariat", as: world.secretariat, "SELECT ecpa.name_rapporteur(1, 'silver', \(seatBG))", refusedWith: "42501")
        try attack("sign-by-non-chair", as: bg, "SELECT ecpa.sign_record(1)", refusedWith: "42501")
        try attack("sign-by-secretariat", as: world.secretariat, "SELECT ecpa.sign_record(1)", refusedWith: "42501")
        try attack(
            "minority-by-representative", as: world.representatives["FI"]!, "SELECT ecpa.add_minority_view(1, 'gold', 'Ours is best')",
            refusedWith: "42501")
        try attack("minority-by-reader", as: world.reader, "SELECT ecpa.add_minority_view(1, 'gold', 'Readers too')", refusedWith: "42501")
        try attack("reasons-invisible-text", as: bg, "SELECT ecpa.write_reasons(1, 'gold', U&'\\2060\\180E')", refusedWith: "23514")
        try attack(
            "sign-in-repeatable-read", as: chair, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT ecpa.sign_record(1)", refusedWith: "25000")
        let people: [(String, HostileWorld.Login)] = [("juror", bg), ("chair", chair), ("secretariat", world.secretariat)]
        for (kind, login) in people {
            for (name, sql) in Self.directWrites {
                try attack("record-\(name)-\(kind)", as: login, sql, refusedWith: "42501")
                if !name.hasPrefix("truncate") {
                    try attackThroughTrigger("record-\(name)-temp-trigger-\(kind)", as: login, sql, refusedWith: "42501")
                }
            }
        }
    }

    @Test func nobodyReadsTheRecordEarlyOrReachesAnotherEditionsRecord() throws {
        try writeRecord()
        // Representatives and readers have no right on the tables, and the published functions answer nothing yet.
        for (kind, login) in [("representative", world.representatives["FI"]!), ("reader", world.reader), ("stranger", world.stranger)] {
            let connection = try world.connect(login)
            for table in ["medal_reasons", "minority_views", "decision_signoffs"] {
                let error = HostileWorld.refusal(connection, "SELECT count(*) FROM ecpa.\(table)")
                held("read-\(table)-before-publication-\(kind)", error?.sqlState == "42501", "\(String(describing: error))")
            }
            let published: Int64? = try? connection.query("SELECT count(*) AS n FROM ecpa.published_medal_reasons(1)").first?.decode("n")
            held("read-published-reasons-before-publication-\(kind)", published == nil || published == 0, "\(String(describing: published)) rows")
        }

        // A juror and a chair of another edition: they read nothing of this one, and its ids get them nowhere.
        _ = try world.closedEdition(year: 2030)
        let outsider = try HostileWorld.juror(cli, country: "DK", advisory: false, chair: true)
        let outsiderSeat: Int64 = try world.admin.query("SELECT id FROM ecpa.jurors WHERE role_name = \(outsider.role)").first?.decode("id") ?? -1
        let seen: Int64 = try world.connect(outsider).query("SELECT count(*) AS n FROM ecpa.medal_reasons").first?.decode("n") ?? -1
        held("read-another-editions-record", seen == 0, "\(seen) rows")
        let shown = cli.run(["results", "record", "--edition", "2018", "--as", outsider.role])
        held("show-another-editions-record", shown.status == 5 && !shown.output.contains("Reasons for gold"), "\(shown.output)\(shown.error)")
        try attack(
            "name-rapporteur-of-another-edition", as: outsider, "SELECT ecpa.name_rapporteur(1, 'gold', \(outsiderSeat))", refusedWith: "42501")
        try attack("sign-another-editions-record", as: outsider, "SELECT ecpa.sign_record(1)", refusedWith: "42501")
        try attack("minority-on-another-edition", as: outsider, "SELECT ecpa.add_minority_view(1, 'gold', 'From outside')", refusedWith: "42501")
        try attack(
            "rapporteur-from-another-edition", as: chair, "SELECT ecpa.name_rapporteur(1, 'gold', \(outsiderSeat))", refusedWith: "23503")
        try attack(
            "rapporteur-named-into-another-edition", as: chair, "SELECT ecpa.name_rapporteur(2, 'gold', \(try world.seat("BG")))",
            refusedWith: "42501")
        try attack(
            "reasons-written-into-another-edition", as: world.jurors["BG"]!, "SELECT ecpa.write_reasons(2, 'gold', 'Elsewhere')", refusedWith: "42501"
        )
    }

    @Test func afterTheSignOffNothingChangesForAnyone() throws {
        try writeRecord()
        try world.connect(world.secretariat).execute("SELECT ecpa.set_override(1, 2, 2, 'The jury placed it second.')")
        try world.connect(chair).execute("SELECT ecpa.sign_record(1)")
        let bg = world.jurors["BG"]!
        try attack("reasons-after-signoff", as: bg, "SELECT ecpa.write_reasons(1, 'gold', 'Rewritten')", refusedWith: "EC002")
        try attack("reasons-after-signoff-by-chair", as: chair, "SELECT ecpa.write_reasons(1, 'silver', 'Rewritten')", refusedWith: "EC002")
        try attack("rapporteur-after-signoff", as: chair, "SELECT ecpa.name_rapporteur(1, 'gold', \(try world.seat("FI")))", refusedWith: "EC002")
        try attack("minority-after-signoff", as: world.jurors["FI"]!, "SELECT ecpa.add_minority_view(1, 'silver', 'Late')", refusedWith: "EC002")
        try attack("signed-twice", as: chair, "SELECT ecpa.sign_record(1)", refusedWith: "EC002")
        // What the record answers for stays as signed: no override is set, changed or cleared after it.
        try attack(
            "override-set-after-signoff", as: world.secretariat, "SELECT ecpa.set_override(1, 3, 1, 'Decided after the sign-off')",
            refusedWith: "EC001")
        try attack("override-cleared-after-signoff", as: world.secretariat, "SELECT ecpa.clear_override(1, 2)", refusedWith: "EC001")
        // The sign-off settles the podium it answers for (found by a hostile review: scoring reopened
        // after it moved the medals under the signed reasons).
        try attack(
            "scoring-reopened-after-signoff", as: world.secretariat, "UPDATE ecpa.editions SET scoring_open = true WHERE id = 1",
            refusedWith: "EC001")
        try attack(
            "eligibility-changed-after-signoff", as: world.secretariat,
            "UPDATE ecpa.entries SET state = 'ineligible', ineligible_reason = 'Second thoughts' WHERE id = 1", refusedWith: "EC001")
        try attack(
            "conflict-declared-after-signoff", as: bg,
            "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES (\(try world.seat("BG")), 3, 'Remembered late')",
            refusedWith: "EC001")
        try attackThroughTrigger(
            "reasons-after-signoff-temp-trigger", as: bg, "PERFORM ecpa.write_reasons(1, 'gold', 'Through a trigger')", refusedWith: "EC002")
        for (kind, login) in [("juror", bg), ("chair", chair), ("secretariat", world.secretariat)] {
            try attack("record-update-after-signoff-\(kind)", as: login, "UPDATE ecpa.medal_reasons SET reasons = 'Forged'", refusedWith: "42501")
            try attack("signoff-deleted-\(kind)", as: login, "DELETE FROM ecpa.decision_signoffs", refusedWith: "42501")
        }
        // The owner itself is held by the guard triggers.
        for (name, sql, state) in [
            ("update-reasons", "UPDATE ecpa.medal_reasons SET reasons = 'Owner rewrites'", "EC002"),
            (
                "insert-minority",
                "INSERT INTO ecpa.minority_views (edition_id, medal, juror_id, view_text, written_at, written_by) SELECT 1, 'silver', id, 'Owner', now(), 'x' FROM ecpa.jurors WHERE edition_id = 1 LIMIT 1",
                "EC002"
            ),
            ("delete-reasons", "DELETE FROM ecpa.medal_reasons", "42501"),
            ("update-signoff", "UPDATE ecpa.decision_signoffs SET record_hash = repeat('0', 64)", "42501"),
            ("truncate-minority", "TRUNCATE ecpa.minority_views", "42501"),
        ] {
            let before = try world.fingerprint()
            let error = HostileWorld.refusal(world.admin, "BEGIN; SET LOCAL ROLE ecpa_owner; \(sql); COMMIT")
            HostileWorld.rollback(world.admin)
            let unchanged = try world.fingerprint() == before
            held("owner-\(name)-after-signoff", error?.sqlState == state && unchanged, "\(String(describing: error))")
        }
    }

    /// A transaction opened before the sign-off cannot write after it.
    @Test(arguments: ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
    func aWriteFromBeforeTheSignOffFails(_ level: String) throws {
        let slug = level.lowercased().replacingOccurrences(of: " ", with: "-")
        try writeRecord()
        let juror = try world.connect(world.jurors["BG"]!)
        try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.medal_reasons")
        try world.connect(chair).execute("SELECT ecpa.sign_record(1)")
        let before = try world.fingerprint()
        let error = HostileWorld.refusal(juror, "SELECT ecpa.write_reasons(1, 'gold', 'From an old snapshot')")
        HostileWorld.rollback(juror)
        let unchanged = try world.fingerprint() == before
        held(
            "stale-snapshot-reasons-across-signoff-\(slug)", error?.sqlState == (level == "READ COMMITTED" ? "EC002" : "40001") && unchanged,
            "\(String(describing: error))")
    }

    /// A write in flight holds the sign-off back until it commits; the sign-off then covers it.
    @Test func aSignOffWaitsForTheWriteInFlightAndCoversIt() throws {
        try writeRecord()
        let writer = try world.connect(world.jurors["BG"]!)
        try writer.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.write_reasons(1, 'gold', 'The final word on gold.')")
        let signer = try world.connect(chair)
        let waited = HostileWorld.refusal(signer, "SET lock_timeout = '1s'; SELECT ecpa.sign_record(1)")
        try writer.executeScript(unsafeRaw: "COMMIT")
        try signer.executeScript(unsafeRaw: "RESET lock_timeout; SELECT ecpa.sign_record(1)")
        let record = try DecisionRecordRepository(world.admin).fetchRecord(edition: EditionID(1))
        held(
            "signoff-during-a-write",
            waited?.sqlState == "55P03" && record.reasons(for: .gold)?.reasons == "The final word on gold."
                && record.signoff?.recordHash == record.hash, "\(String(describing: waited))")
    }
}
