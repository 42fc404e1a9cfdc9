import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The secretariat is asked before what cannot be undone, at a real terminal (the built `ecpa` on a
/// pseudo-terminal) and without one; a shared medal waits for the jury; files are not replaced
/// unasked; people are added from a file all or none; and the secretariat resets a password.
@Suite(.serialized) struct SecretariatAskedTests {
    /// Entries from FI, LT and HU, three jurors, scoring open (ResultsTests' edition).
    let edition: ResultsTests
    var cli: CLIHarness { edition.cli }

    init() throws { edition = try ResultsTests() }

    func phase() throws -> Phase {
        try EditionRepository(try cli.database.connect()).requireEdition(year: 2018).phase
    }

    @Test func freezeShowsTheRankingAndAsksOnATerminal() throws {
        try edition.scoreEverything()
        let declined = try TerminalSession(["edition", "freeze", "2018", "--db", cli.database.conninfo])
        try declined.expect("PLACE")
        try declined.expect("Project of FI")
        try declined.expect("Freezing the 2018 edition stores this ranking and its digest")
        try declined.expect("Freeze the 2018 edition? [y/N] ")
        declined.type("n")
        try declined.expect("Nothing was frozen; the 2018 edition is as it was.")
        #expect(try declined.wait() == 1)
        #expect(try phase() == .scoring)

        let confirmed = try TerminalSession(["edition", "freeze", "2018", "--db", cli.database.conninfo])
        try confirmed.expect("Freeze the 2018 edition? [y/N] ")
        confirmed.type("y")
        try confirmed.expect("The 2018 edition is frozen. Digest ")
        #expect(try confirmed.wait() == 0)
        #expect(try phase() == .frozen)
    }

    @Test func withoutATerminalTheFreezeNeedsYes() throws {
        try edition.scoreEverything()
        let unasked = cli.run(["edition", "freeze", "2018"])
        #expect(unasked.status == 64)
        #expect(
            unasked.error
                == "ecpa: Freezing the 2018 edition stores this ranking and its digest; from then on no score, override or ballot of the edition can change, for anyone. It cannot be undone, so ecpa asks first; without a terminal to ask on, add --yes to go ahead.\n"
        )
        #expect(try phase() == .scoring)
        // What the freeze would refuse is said first, with or without --yes.
        let early = cli.run(["edition", "freeze", "2019"])
        #expect(early.status == 2)
        let frozen = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(frozen.status == 0, "\(frozen.error)")
        #expect(frozen.output.contains("The 2018 edition is frozen. Digest "))
        let again = cli.run(["edition", "freeze", "2018"])
        #expect(again.status == 3)
        #expect(again.error.contains("The 2018 edition is frozen already"))
    }

    /// LT and HU tie on every criterion with every juror: a shared silver, for the jury to decide.
    @Test func aSharedMedalWaitsForTheJuryOrKeepShared() throws {
        try edition.score("AT", entry: 1, 9); try edition.score("BG", entry: 1, 8)
        for entry in [2, 3] {
            try edition.score("AT", entry: entry, 7); try edition.score("BG", entry: entry, 8); try edition.score("FI", entry: entry, 7)
        }
        #expect(cli.run(["results", "rank"]).output.contains("shared place: jury to decide"))
        let refused = cli.run(["edition", "freeze", "2018", "--yes"])
        #expect(refused.status == 3)
        #expect(
            refused.error.hasPrefix("ecpa: Lithuania (entry 2) and Hungary (entry 3) share silver at place 2, so nothing was frozen."),
            "\(refused.error)")
        #expect(refused.error.contains("`ecpa results override --edition 2018 --entry ID --place N --reason \"...\"`"))
        #expect(refused.error.contains("or freeze with --keep-shared to award silver to each of them."))
        #expect(try phase() == .scoring)

        // On a terminal the refusal comes before any question.
        let terminal = try TerminalSession(["edition", "freeze", "2018", "--db", cli.database.conninfo])
        try terminal.expect("share silver at place 2")
        #expect(try terminal.wait() == 3)
        #expect(!terminal.transcript.contains("[y/N]"))

        let kept = cli.run(["edition", "freeze", "2018", "--keep-shared", "--yes"])
        #expect(kept.status == 0, "\(kept.error)")
        #expect(try phase() == .frozen)
        let csv = cli.run(["results", "rank", "--format", "csv"]).output.split(separator: "\r\n").map(String.init)
        #expect(csv.filter { $0.hasPrefix("2,silver,") }.count == 2, "\(csv)")
        // Frozen, the shared silver is what was decided, no longer a decision to take.
        let table = cli.run(["results", "rank"]).output
        #expect(table.contains("shared place") && !table.contains("jury to decide"), "\(table)")
    }

    @Test func publishBeforeTheFreezeSaysToFreezeFirstAndAfterItAsks() throws {
        try edition.scoreEverything()
        let early = try TerminalSession(["edition", "publish", "2018", "--db", cli.database.conninfo])
        try early.expect("ecpa: The 2018 edition is in the scoring phase; freeze it first (`ecpa edition freeze 2018`), then publish.")
        #expect(try early.wait() == 3)
        #expect(!early.transcript.contains("[y/N]"))

        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        #expect(cli.run(["edition", "publish", "2018"]).status == 64)
        let publish = try TerminalSession(["edition", "publish", "2018", "--db", cli.database.conninfo])
        try publish.expect("Publish the 2018 results? [y/N] ")
        publish.type("y")
        try publish.expect("The results of the 2018 edition are published.")
        #expect(try publish.wait() == 0)
        #expect(try phase() == .published)
    }

    @Test func dashOReplacesNoFileWithoutForce() throws {
        try edition.scoreEverything()
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        let file = try cli.file("winners.md", "The secretariat's own notes.\n")
        let refused = cli.run(["report", "winners", "--edition", "2018", "-o", file])
        #expect(refused.status == 4)
        #expect(refused.error == "ecpa: \(file) exists already; nothing was written. Choose another name, or add --force to replace it.\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "The secretariat's own notes.\n")
        let sheet = cli.run(["score", "sheet", "--edition", "2018", "--juror", edition.jurors["AT"]!.role, "-o", file])
        #expect(sheet.status == 4)
        let replaced = cli.run(["report", "winners", "--edition", "2018", "-o", file, "--force"])
        #expect(replaced.status == 0, "\(replaced.error)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Project of FI"))
        let fresh = cli.folder.appendingPathComponent("fresh.md").path
        #expect(cli.run(["report", "winners", "--edition", "2018", "-o", fresh]).status == 0)
        // Nothing half-written is left beside them.
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.contains(".ecpa-") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func peopleFromAFileAreAddedAllOrNone() throws {
        let fi = TestDatabase.uniqueName("fi_rep")
        let se = TestDatabase.uniqueName("se_rep")
        let sec = TestDatabase.uniqueName("sec")
        let passwords = cli.folder.appendingPathComponent("first-passwords.csv").path
        let bad = try cli.file(
            "bad.csv",
            """
            role,kind,country,name,email
            \(fi),national-representative,FI,Anna Virtanen,anna@example.fi
            Sven.Lind,national-representative,SE,Sven Lind,
            \(se),national-representative,,Sven Lind,
            \(sec),secretariat,BE,Someone,
            \(fi),national-representative,FI,Anna again,
            xx_rep,representative,XX,,

            """)
        let before = try cli.count("people")
        let refused = cli.run(["user", "add", "--from", bad, "--passwords", passwords])
        #expect(refused.status == 65)
        let lines = refused.error.split(separator: "\n").map(String.init)
        #expect(lines.first == "ecpa: \(bad) has 7 problems, so nobody was added:", "\(refused.error)")
        for number in 3...7 { #expect(lines.contains { $0.hasPrefix("  line \(number): ") }, "line \(number) in \(refused.error)") }
        #expect(refused.error.contains("line 4: \(se) is a national representative, so they need a country"))
        #expect(refused.error.contains("line 5: \(sec) is in the secretariat, which has no country"))
        #expect(refused.error.contains("line 6: \(fi) is on line 2 already"))
        #expect(refused.error.contains("line 7: the kind \"representative\" is not one we know"))
        #expect(try cli.count("people") == before)
        #expect(try !PersonRepository(try cli.database.connect()).roleExists(fi))
        #expect(!FileManager.default.fileExists(atPath: passwords))

        let withPasswords = try cli.file("with-passwords.csv", "role,kind,country,name,password\n\(fi),national-representative,FI,Anna,secret\n")
        let noPasswords = cli.run(["user", "add", "--from", withPasswords, "--passwords", passwords])
        #expect(noPasswords.status == 65)
        #expect(noPasswords.error.contains("line 1: the file has a password column; ecpa never reads passwords from a list of people"))

        let good = try cli.file(
            "people.csv",
            """
            role;kind;country;name;email
            \(fi);national-representative;FI;Anna Virtanen;anna@example.fi
            \(se);national-representative;SE;"Lind; Sven";
            \(sec);secretariat;;Second secretary;

            """)
        let added = cli.run(["user", "add", "--from", good, "--passwords", passwords])
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("Added \(se) (Lind; Sven) as national representative of Sweden."))
        #expect(added.output.contains("Their first passwords are in \(passwords), which only you can read."))
        #expect(try cli.count("people") == before + 3)
        let attributes = try FileManager.default.attributesOfItem(atPath: passwords)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let rows = CSVReader.rows(try String(contentsOfFile: passwords, encoding: .utf8))
        #expect(rows.first == ["role", "name", "password"])
        for row in rows.dropFirst() where row.count == 3 {
            _ = try cli.database.connect(role: row[0], password: row[2])
        }
        #expect(rows.dropFirst().filter { $0.count == 3 }.count == 3)
        // The passwords file is never replaced.
        let again = cli.run(["user", "add", "--from", good, "--passwords", passwords])
        #expect(again.status == 4)
    }

    @Test func theSecretariatResetsARepresentativesPassword() throws {
        let (role, _) = try cli.representative("FI")
        let terminal = try TerminalSession(["user", "password", role, "--db", cli.database.conninfo])
        try terminal.expect("Password for \(role): ")
        terminal.type("a new first password")
        try terminal.expect("Repeat the password: ")
        terminal.type("a new first password")
        try terminal.expect("The password of \(role) is reset.")
        #expect(try terminal.wait() == 0)
        #expect(!terminal.transcript.contains("a new first password"))
        _ = try cli.database.connect(role: role, password: "a new first password")

        // A representative resets nobody's, and the secretariat no peer's.
        let (other, otherPassword) = try cli.representative("SE")
        let own = "\(cli.database.conninfo) user=\(role) password='a new first password'"
        let representative = cli.run(["user", "password", other, "--password-file", "-", "--db", own], input: "taken over\n")
        #expect(representative.status == 5, "\(representative.error)")
        _ = try cli.database.connect(role: other, password: otherPassword)
        let peer = TestDatabase.uniqueName("sec")
        try cli.expectSuccess(["user", "add", peer, "--kind", "secretariat", "--name", "Peer", "--password-file", "-"], input: "peer-password\n")
        let onPeer = cli.run(["user", "password", peer, "--password-file", "-"], input: "taken over\n")
        #expect(onPeer.status == 5, "\(onPeer.error)")
        #expect(onPeer.error.contains("is not a national representative's or a juror's of this database"))
        _ = try cli.database.connect(role: peer, password: "peer-password")
    }
}
