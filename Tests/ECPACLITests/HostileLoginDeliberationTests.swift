import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite on an edition that deliberates: every person tries, with their own
/// login over a real connection, to change round 1, write or read revisions that are not theirs,
/// or slip a write past the deliberation's beginning or the freeze. Recorded for docs/security.md.
@Suite struct HostileLoginDeliberationTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld(schemeFile: DeliberationTests.scheme) }

    var cli: CLIHarness { world.cli }

    func openDeliberation() throws {
        try world.scoreEverything()
        // The advisory juror declared a conflict before the deliberation (it counts for no score).
        try world.admin.execute(
            "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) SELECT id, 1, 'Advised it' FROM ecpa.jurors WHERE role_name = \(world.advisory.role)"
        )
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        try cli.expectSuccess(["edition", "deliberation", "open", "2018", "--yes", "--entry", "2", "--entry", "3"])
        try cli.expectSuccess([
            "score", "revise", "--entry", "3", "--criterion", "focus=9", "--reason", "Heard again.", "--as", world.jurors["BG"]!.role,
        ])
    }

    @Test func roundOneAndTheRevisionsHoldAgainstEveryone() throws {
        try openDeliberation()
        let juror = world.jurors["AT"]!
        let seatBG = try world.seat("BG")
        let people: [(String, HostileWorld.Login)] = [
            ("juror", juror), ("secretariat", world.secretariat), ("representative", world.representatives["FI"]!),
        ]
        for (kind, login) in people {
            let writer = kind == "representative" ? "42501" : "EC001"
            try attack("round-1-update-\(kind)", as: login, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 2", refusedWith: writer)
            try attack(
                "revision-forged-\(kind)", as: login,
                "INSERT INTO ecpa.revisions (edition_id, entry_id, juror_id, criterion_code, old_value, new_value, reason, at, actor, batch_id) VALUES (1, 2, \(seatBG), 'focus', 7, 10, 'Forged', now(), current_user, 1)",
                refusedWith: "42501")
            try attack("revision-rewritten-\(kind)", as: login, "UPDATE ecpa.revisions SET new_value = 1", refusedWith: "42501")
            try attack("revision-deleted-\(kind)", as: login, "DELETE FROM ecpa.revisions", refusedWith: "42501")
            try attack("revision-locked-\(kind)", as: login, "SELECT id FROM ecpa.revisions FOR UPDATE", refusedWith: "42501")
            try attack(
                "deliberation-entry-added-\(kind)", as: login, "INSERT INTO ecpa.deliberation_entries (edition_id, entry_id) VALUES (1, 1)",
                refusedWith: "42501")
            try attack("ledger-note-forged-\(kind)", as: login, "SELECT ecpa.append_ledger_note('revise forged')", refusedWith: "42501")
        }
        try attack(
            "revise-for-another-juror", as: juror, "SELECT ecpa.revise_score(2, 'focus', 9, 'For BG', \(seatBG))", refusedWith: "42501")
        try attack(
            "revise-as-representative", as: world.representatives["FI"]!, "SELECT ecpa.revise_score(2, 'focus', 9, 'Mine')",
            refusedWith: "42501")
        try attack(
            "revise-not-under-discussion", as: juror, "SELECT ecpa.revise_score(1, 'focus', 9, 'Not discussed')", refusedWith: "EC004")
        try attack(
            "deliberation-reopened-by-juror", as: juror, "SELECT ecpa.open_deliberation(1, ARRAY[1]::bigint[])", refusedWith: "42501")
        try attack(
            "stage-moved-back", as: world.secretariat, "UPDATE ecpa.editions SET scoring_stage = 'scores' WHERE id = 1", refusedWith: "42501")
        try attack(
            "scoring-reopened-in-deliberation", as: world.secretariat, "UPDATE ecpa.editions SET scoring_open = true WHERE id = 1",
            refusedWith: "EC003")
        try attack(
            "deliberation-opened-twice", as: world.secretariat, "SELECT ecpa.open_deliberation(1, ARRAY[1]::bigint[])", refusedWith: "EC003")

        // What round 1 ranks is fixed too: no conflict declared or cleared, no eligibility changed.
        try attack(
            "conflict-declared-in-deliberation", as: world.jurors["BG"]!,
            "INSERT INTO ecpa.declared_conflicts (juror_id, entry_id, reason) VALUES (\(seatBG), 2, 'Remembered late')", refusedWith: "EC001")
        try attack(
            "conflict-cleared-in-deliberation", as: world.secretariat,
            "SELECT ecpa.clear_conflict(id, 1) FROM ecpa.jurors WHERE role_name = '\(world.advisory.role)'", refusedWith: "EC001")
        try attack(
            "entry-made-ineligible-in-deliberation", as: world.secretariat,
            "UPDATE ecpa.entries SET state = 'ineligible', ineligible_reason = 'Late doubts' WHERE id = 2", refusedWith: "EC001")
        // A reason that shows nothing.
        try attack(
            "revise-with-invisible-reason", as: juror, "SELECT ecpa.revise_score(2, 'focus', 9, U&'\\2060\\180E')", refusedWith: "23514")

        // A juror of another edition sees nothing of this one's deliberation.
        _ = try world.closedEdition(year: 2030)
        let outsider = try HostileWorld.juror(cli, country: "DK", advisory: false)
        let seen: Int64 = try world.connect(outsider).query("SELECT count(*) AS n FROM ecpa.deliberation_entries").first?.decode("n") ?? -1
        held("read-another-editions-deliberation", seen == 0, "\(seen) rows")

        // A juror reads their own revisions only, and nothing published before publication.
        let reader = try world.connect(juror)
        let theirs: Int64 = try reader.query("SELECT count(*) AS n FROM ecpa.revisions WHERE juror_id = \(seatBG)").first?.decode("n") ?? -1
        let published: Int64 = try reader.query("SELECT count(*) AS n FROM ecpa.published_revisions(1)").first?.decode("n") ?? -1
        held("read-another-jurors-revisions", theirs == 0 && published == 0, "\(theirs) and \(published) rows")
    }

    /// A transaction opened before a stage change cannot write after it.
    @Test(arguments: ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
    func aWriteFromBeforeTheDeliberationOrTheFreezeFails(_ level: String) throws {
        let slug = level.lowercased().replacingOccurrences(of: " ", with: "-")
        try world.scoreEverything()
        // A round-1 score written from a snapshot taken while scoring was open.
        let juror = try world.connect(world.jurors["AT"]!)
        try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.scores")
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        try cli.expectSuccess(["edition", "deliberation", "open", "2018", "--yes", "--entry", "2", "--entry", "3"])
        var before = try world.fingerprint()
        var error = HostileWorld.refusal(juror, "UPDATE ecpa.scores SET value = 10 WHERE entry_id = 2")
        HostileWorld.rollback(juror)
        var unchanged = try world.fingerprint() == before
        held(
            "stale-snapshot-round-1-across-deliberation-\(slug)", error?.sqlState == (level == "READ COMMITTED" ? "EC001" : "40001") && unchanged,
            "\(String(describing: error))")
        // A revision written from a snapshot taken before the freeze.
        try juror.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL \(level); SELECT count(*) FROM ecpa.revisions")
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        before = try world.fingerprint()
        error = HostileWorld.refusal(juror, "SELECT ecpa.revise_score(2, 'focus', 9, 'After the freeze')")
        HostileWorld.rollback(juror)
        unchanged = try world.fingerprint() == before
        held(
            "stale-snapshot-revision-across-freeze-\(slug)", error?.sqlState == (level == "READ COMMITTED" ? "EC002" : "40001") && unchanged,
            "\(String(describing: error))")
    }

    /// Two revisions of one cell at once: the second waits for the first and starts from its value.
    @Test func twoRevisionsOfOneCellAtOnceQueue() throws {
        try openDeliberation()
        let first = try world.connect(world.jurors["AT"]!)
        let second = try world.connect(world.jurors["AT"]!)
        try first.executeScript(unsafeRaw: "BEGIN; SELECT ecpa.revise_score(2, 'focus', 3, 'session one')")
        let waited = HostileWorld.refusal(second, "SET lock_timeout = '1s'; SELECT ecpa.revise_score(2, 'focus', 4, 'session two')")
        try first.executeScript(unsafeRaw: "COMMIT")
        try second.executeScript(unsafeRaw: "RESET lock_timeout; SELECT ecpa.revise_score(2, 'focus', 4, 'session two')")
        let chain: [(Decimal, Decimal)] = try world.admin.query(
            "SELECT old_value, new_value FROM ecpa.revisions WHERE entry_id = 2 AND criterion_code = 'focus' ORDER BY id"
        ).map { (try $0.decode("old_value"), try $0.decode("new_value")) }
        held(
            "concurrent-revisions-of-one-cell", waited?.sqlState == "55P03" && chain.map(\.0) == [7, 3] && chain.map(\.1) == [3, 4],
            "\(String(describing: waited)); \(chain)")
    }
}
