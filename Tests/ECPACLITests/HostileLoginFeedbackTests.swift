import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite on the feedback letters: every person tries, with their own login over a
/// real connection, to read the jurors' comments on an entry that is not theirs to read: another
/// country's, before publication, as a juror, a reader or a login in no group, around the function
/// through the tables and the published functions, or with helpers of their own put before the
/// function's. Recorded for docs/security.md.
@Suite struct HostileLoginFeedbackTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld(chair: "AT") }

    var cli: CLIHarness { world.cli }
    var finn: HostileWorld.Login { world.representatives["FI"]! }

    /// Every cell scored, one comment per entry, the record signed and the edition frozen.
    func freeze() throws {
        try world.scoreEverything()
        for (juror, entry, value) in [("AT", 1, 9), ("AT", 2, 7), ("BG", 3, 6)] {
            try cli.expectSuccess([
                "score", "enter", "--entry", String(entry), "--criterion", "focus=\(value)", "--comment", "Secret comment \(entry).",
                "--as", world.jurors[juror]!.role,
            ])
        }
        try cli.signDecisionRecord(chair: world.jurors["AT"]!.role)
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
    }

    /// The comments a login reads from the published function, or nil when refused.
    func comments(_ login: HostileWorld.Login, entry: Int) -> [String]? {
        guard let connection = try? world.connect(login) else { return nil }
        return try? connection.query("SELECT comment FROM ecpa.feedback_comments(\(Int64(entry)))").map { try $0.decode("comment") }
    }

    @Test func beforePublicationNobodyReadsTheComments() throws {
        try freeze()
        try attack("feedback-own-entry-before-publication", as: finn, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack(
            "feedback-by-secretariat-before-publication", as: world.secretariat, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack(
            "feedback-by-juror-before-publication", as: world.jurors["AT"]!, "SELECT * FROM ecpa.feedback_comments(2)", refusedWith: "42501")
    }

    @Test func afterPublicationOnlyTheSecretariatAndTheOwnRepresentativeReadThem() throws {
        try freeze()
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        held(
            "feedback-own-entry-after-publication", comments(finn, entry: 1) == ["Secret comment 1."],
            "\(String(describing: comments(finn, entry: 1)))")
        held("feedback-by-secretariat", comments(world.secretariat, entry: 2) == ["Secret comment 2."])

        try attack("feedback-another-countrys-entry", as: finn, "SELECT * FROM ecpa.feedback_comments(2)", refusedWith: "42501")
        try attack("feedback-entry-that-does-not-exist", as: finn, "SELECT * FROM ecpa.feedback_comments(999)", refusedWith: "42501")
        try attack(
            "feedback-every-entry-at-once", as: finn, "SELECT f.* FROM ecpa.published_entries(1) e, ecpa.feedback_comments(e.id) f",
            refusedWith: "42501")
        try attack("feedback-by-juror", as: world.jurors["BG"]!, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack("feedback-by-conflicted-juror", as: world.jurors["FI"]!, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack("feedback-by-advisory-juror", as: world.advisory, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack("feedback-by-reader", as: world.reader, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack("feedback-by-login-in-no-group", as: world.stranger, "SELECT * FROM ecpa.feedback_comments(1)", refusedWith: "42501")
        try attack(
            "feedback-as-the-secretariat-group", as: finn, "SET ROLE ecpa_secretariat; SELECT * FROM ecpa.feedback_comments(2)", refusedWith: "42501")
        // Helpers of the caller's own, first on the search path: the function pins its own path.
        try attack(
            "feedback-with-own-helpers", as: finn,
            """
            CREATE FUNCTION pg_temp.is_secretariat() RETURNS boolean LANGUAGE sql AS 'SELECT true';
            CREATE FUNCTION pg_temp.my_country() RETURNS text LANGUAGE sql AS 'SELECT ''LT''';
            SET LOCAL search_path = pg_temp, ecpa, pg_catalog;
            SELECT * FROM ecpa.feedback_comments(2)
            """, refusedWith: "42501")
        // Around the function: the scores table, and the published scores, which carry no comment.
        try attack("feedback-comments-from-the-scores-table", as: finn, "SELECT comment FROM ecpa.scores", refusedWith: "42501")
        for login in [finn, world.reader] {
            let published = try world.connect(login).query("SELECT count(comment) AS n FROM ecpa.published_scores(1)").first?.decode(
                "n", as: Int64.self)
            held(
                "feedback-comments-from-published-scores-\(login.role == finn.role ? "representative" : "reader")", published == 0,
                "\(String(describing: published))")
        }
        // Through the CLI, as the representative: another country's letter is refused and nothing is written.
        let folder = cli.folder.appendingPathComponent("stolen")
        let url = "\(cli.database.conninfo) user=\(finn.role) password=\(finn.password)"
        let stolen = cli.run(["report", "feedback", "--edition", "2018", "--entry", "2", "-o", folder.path, "--db", url])
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        held("feedback-letter-of-another-country-through-the-cli", stolen.status != 0 && written.isEmpty, "\(stolen.error)")
    }
}
