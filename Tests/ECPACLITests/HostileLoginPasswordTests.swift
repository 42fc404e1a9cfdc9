import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The hostile-login suite on resetting passwords: every person tries, with their own login over a
/// real connection, to give someone else's login a password they know through
/// `ecpa.reset_password`: representatives and jurors on their peers, readers and logins in no
/// group, and the secretariat on the logins it must not touch (a peer of the secretariat, a
/// reader, a login of another programme or another database, the administrator), or with a clear password in place of
/// a verifier. Each victim's own password still works afterwards. Recorded for docs/security.md.
@Suite struct HostileLoginPasswordTests: HostileSuite {
    let world: HostileWorld

    init() throws { world = try HostileWorld() }

    /// A verifier of a password the attacker knows, computed as `ecpa` computes them.
    func verifier(_ password: String, for role: String) throws -> String {
        try world.admin.encryptPassword(password, role: role)
    }

    /// Tries the reset as `attacker` on `victim`; held when refused with 42501 and the victim's
    /// password is the one it was.
    func tryReset(_ name: String, as attacker: HostileWorld.Login, victim: HostileWorld.Login) throws {
        let connection = try world.connect(attacker)
        let sql = "SELECT ecpa.reset_password('\(victim.role)', '\(try verifier("known-to-the-attacker", for: victim.role))')"
        let error = HostileWorld.refusal(connection, sql)
        let stillTheirs = (try? world.connect(victim)) != nil
        held(name, error?.sqlState == "42501" && stillTheirs, "\(String(describing: error)); victim's password kept: \(stillTheirs)")
    }

    @Test func representativesJurorsAndReadersResetNobodysPassword() throws {
        let finn = world.representatives["FI"]!
        let lithuanian = world.representatives["LT"]!
        try tryReset("reset-password-representative-on-representative", as: finn, victim: lithuanian)
        try tryReset("reset-password-representative-on-juror", as: finn, victim: world.jurors["BG"]!)
        try tryReset("reset-password-representative-on-secretariat", as: finn, victim: world.secretariat)
        try tryReset("reset-password-juror-on-juror", as: world.jurors["AT"]!, victim: world.jurors["BG"]!)
        try tryReset("reset-password-juror-on-representative", as: world.jurors["AT"]!, victim: finn)
        try tryReset("reset-password-advisory-juror-on-juror", as: world.advisory, victim: world.jurors["AT"]!)
        try tryReset("reset-password-reader-on-representative", as: world.reader, victim: finn)
        try tryReset("reset-password-stranger-on-representative", as: world.stranger, victim: finn)
    }

    @Test func theSecretariatResetsOnlyRepresentativesAndJurors() throws {
        let peer = TestDatabase.uniqueName("sec_peer")
        try world.cli.expectSuccess(
            ["user", "add", peer, "--kind", "secretariat", "--name", "A peer", "--password-file", "-"], input: "password-\(peer)\n")
        try tryReset(
            "reset-password-secretariat-on-secretariat-peer", as: world.secretariat,
            victim: HostileWorld.Login(role: peer, password: "password-\(peer)"))
        try tryReset("reset-password-secretariat-on-reader", as: world.secretariat, victim: world.reader)
        try tryReset("reset-password-secretariat-on-login-in-no-group", as: world.secretariat, victim: world.stranger)

        // A login of another programme that was also made a representative by the administrator:
        // its other group makes it the administrator's.
        let shared = world.representatives["HU"]!
        let otherProgramme = TestDatabase.uniqueName("other_app")
        try world.admin.execute("CREATE ROLE \(identifier: otherProgramme) NOLOGIN")
        try world.admin.execute("GRANT \(identifier: otherProgramme) TO \(identifier: shared.role)")
        try tryReset("reset-password-secretariat-on-login-with-another-group", as: world.secretariat, victim: shared)

        // A representative another ecpa database on the same server created (roles and groups
        // are the server's): the secretariat may not link it here (a group given here would hold
        // there too), and once the administrator has, it is still not this secretariat's to reset.
        let linked = TestDatabase.uniqueName("other_db_rep")
        try world.admin.execute(
            "CREATE ROLE \(identifier: linked) LOGIN PASSWORD \(unsafeRaw: "'password-\(linked)'") IN ROLE ecpa_national_representative")
        let secretariat = try world.connect(world.secretariat)
        for kind in ["secretariat", "national_representative"] {
            let link = HostileWorld.refusal(secretariat, "SELECT ecpa.grant_group('\(linked)', '\(kind)')")
            held("grant-group-secretariat-on-login-another-database-created-as-\(kind)", link?.sqlState == "42501", "\(String(describing: link))")
        }
        try world.cli.expectSuccess([
            "user", "add", linked, "--kind", "national-representative", "--country", "SE", "--name", "Linked", "--existing-role",
        ])
        try tryReset(
            "reset-password-secretariat-on-login-another-database-created", as: world.secretariat,
            victim: HostileWorld.Login(role: linked, password: "password-\(linked)"))

        // A representative's login dropped by the administrator and its name taken by another
        // database's new login: the name is the same, the login is not this database's.
        let reused = TestDatabase.uniqueName("reused_rep")
        try world.cli.expectSuccess(
            ["user", "add", reused, "--kind", "national-representative", "--country", "DK", "--name", "Reused", "--password-file", "-"],
            input: "password-first-\(reused)\n")
        try world.admin.execute("DROP ROLE \(identifier: reused)")
        try world.admin.execute(
            "CREATE ROLE \(identifier: reused) LOGIN PASSWORD \(unsafeRaw: "'password-\(reused)'") IN ROLE ecpa_national_representative")
        try tryReset(
            "reset-password-secretariat-on-reused-login-name", as: world.secretariat,
            victim: HostileWorld.Login(role: reused, password: "password-\(reused)"))

        // A public reader this secretariat made, then linked as a representative: still a reader's
        // login, the administrator's to reset.
        let press = TestDatabase.uniqueName("press")
        try world.cli.expectSuccess(["user", "add-reader", press, "--password-file", "-"], input: "password-\(press)\n")
        try world.cli.expectSuccess([
            "user", "add", press, "--kind", "national-representative", "--country", "PL", "--name", "Press", "--existing-role",
            "--as", world.secretariat.role,
        ])
        try tryReset(
            "reset-password-secretariat-on-reader-linked-as-representative", as: world.secretariat,
            victim: HostileWorld.Login(role: press, password: "password-\(press)"))

        // Texts that look like verifiers but that PostgreSQL would keep as clear passwords: a salt
        // that is not base64, an iteration count it cannot read, one iteration.
        let victim = world.representatives["FI"]!
        let keys = "$' || repeat('A', 43) || '=:' || repeat('B', 43) || '='"
        for (name, head) in [
            ("salt-not-base64", "SCRAM-SHA-256$4096:A"), ("iterations-overflow", "SCRAM-SHA-256$99999999999999999999:c2FsdHNhbHRzYWx0c2FsdA=="),
            ("one-iteration", "SCRAM-SHA-256$1:c2FsdHNhbHRzYWx0c2FsdA=="),
        ] {
            let forged = HostileWorld.refusal(secretariat, "SELECT ecpa.reset_password('\(victim.role)', '\(head)\(keys))")
            held(
                "reset-password-verifier-\(name)", forged?.sqlState == "22023" && (try? world.connect(victim)) != nil,
                "\(String(describing: forged))")
            let created = HostileWorld.refusal(
                secretariat, "SELECT ecpa.create_login_role('\(TestDatabase.uniqueName("forged"))', '\(head)\(keys), 'juror')")
            held("create-login-verifier-\(name)", created?.sqlState == "22023", "\(String(describing: created))")
        }

        // The administrator who runs the database (a superuser, not a person in ecpa).
        let connection = try world.connect(world.secretariat)
        let administrator: String = try world.admin.query("SELECT current_user::text AS me").first?.decode("me") ?? "postgres"
        let superuser = HostileWorld.refusal(
            connection, "SELECT ecpa.reset_password('\(administrator)', '\(try verifier("known", for: administrator))')")
        held("reset-password-secretariat-on-administrator", superuser?.sqlState == "42501", "\(String(describing: superuser))")

        // A clear password where the verifier goes would become the password itself.
        let clear = HostileWorld.refusal(connection, "SELECT ecpa.reset_password('\(victim.role)', 'SCRAM-SHA-256$a-clear-password')")
        held(
            "reset-password-clear-password-as-verifier", clear?.sqlState == "22023" && (try? world.connect(victim)) != nil,
            "\(String(describing: clear))")
    }

    /// The usual tricks, with each person's own login: a transaction opened while still in the
    /// secretariat and used after being removed from it; locks on the rows the reset reads; a
    /// temporary table and function named like the reset's own, to be found first.
    @Test func openTransactionsLocksAndTemporaryTablesChangeNothing() throws {
        let victim = world.representatives["LT"]!
        let scram = try verifier("known-to-the-attacker", for: victim.role)
        let stillTheirs = { (try? world.connect(victim)) != nil }

        // Opened as the secretariat, used after the administrator removed them from it.
        let leaving = TestDatabase.uniqueName("sec_leaving")
        try world.cli.expectSuccess(
            ["user", "add", leaving, "--kind", "secretariat", "--name", "Leaving", "--password-file", "-"], input: "password-\(leaving)\n")
        let open = try world.connect(HostileWorld.Login(role: leaving, password: "password-\(leaving)"))
        try open.executeScript(unsafeRaw: "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT ecpa.is_secretariat()")
        try world.admin.execute("REVOKE ecpa_secretariat FROM \(identifier: leaving)")
        let late = HostileWorld.refusal(open, "SELECT ecpa.reset_password('\(victim.role)', '\(scram)'); COMMIT")
        HostileWorld.rollback(open)
        held(
            "reset-password-in-a-transaction-opened-before-leaving-the-secretariat", late?.sqlState == "42501" && stillTheirs(),
            "\(String(describing: late))")

        // Locks on what the reset reads, to hold it up or to learn who is registered.
        for login in [victim, world.jurors["AT"]!, world.reader] {
            for sql in [
                "SELECT * FROM ecpa.created_logins FOR UPDATE", "LOCK TABLE ecpa.created_logins IN ACCESS EXCLUSIVE MODE",
                "SELECT role_name FROM ecpa.people FOR UPDATE", "LOCK TABLE ecpa.people IN ACCESS EXCLUSIVE MODE",
            ] {
                try attack(
                    "lock-\(sql.split(separator: " ").prefix(4).joined(separator: "-"))-as-\(login.role.prefix(6))", as: login, sql,
                    refusedWith: "42501")
            }
        }

        // A temporary table and function of the secretariat's own, named like the reset's; the
        // reset's search path puts pg_temp last and names ecpa's objects in full.
        let connection = try world.connect(world.secretariat)
        let stranger = world.stranger
        let shadow = HostileWorld.refusal(
            connection,
            """
            CREATE TEMP TABLE created_logins (role_oid oid, role_name text, kind text);
            INSERT INTO pg_temp.created_logins SELECT oid, rolname, 'juror' FROM pg_roles WHERE rolname = '\(stranger.role)';
            CREATE FUNCTION pg_temp.is_password_verifier(text, boolean) RETURNS boolean LANGUAGE sql AS 'SELECT true';
            SET search_path = pg_temp, ecpa, public;
            SELECT ecpa.reset_password('\(stranger.role)', '\(try verifier("known", for: stranger.role))')
            """)
        held(
            "reset-password-through-a-temporary-table-and-function", shadow?.sqlState == "42501" && (try? world.connect(stranger)) != nil,
            "\(String(describing: shadow))")
        HostileWorld.rollback(connection)
        let forged = HostileWorld.refusal(
            connection,
            """
            CREATE FUNCTION pg_temp.is_password_verifier(text, boolean) RETURNS boolean LANGUAGE sql AS 'SELECT true';
            SET search_path = pg_temp, ecpa, public;
            SELECT ecpa.reset_password('\(victim.role)', 'SCRAM-SHA-256$4096:A$' || repeat('A', 43) || '=:' || repeat('B', 43) || '=')
            """)
        held(
            "reset-password-forged-verifier-through-a-temporary-function", forged?.sqlState == "22023" && stillTheirs(),
            "\(String(describing: forged))")
    }
}
