import ECPATestSupport
import Foundation
import Testing

/// The public site (issue 12, item 1): what is published and nothing else, the same bytes for
/// everyone who builds it and on every rebuild.
@Suite struct PublicSiteTests {
    let fixture: FeedbackLetterTests

    init() throws { fixture = try FeedbackLetterTests() }

    var world: HostileWorld { fixture.world }
    var cli: CLIHarness { fixture.cli }

    /// Every file of a built site, by its path inside the site.
    static func contents(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    func build(_ name: String, as login: HostileWorld.Login? = nil) throws -> [String: Data] {
        let root = cli.folder.appendingPathComponent(name)
        let result = cli.run(["site", "build", root.path] + (login.map { ["--db", fixture.url($0)] } ?? []))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("Open \(root.path)/index.html in a browser."))
        return try Self.contents(root)
    }

    @Test func theSiteShowsWhatIsPublishedTheSameForEveryoneAndNothingElse() throws {
        try fixture.finish()
        // Planted: an edition that is not published, with an entry of its own; its jurors, scores
        // and comments are those of a running edition.
        _ = try world.closedEdition(year: 2030)
        let first = try build("first", as: world.secretariat)
        let again = try build("again", as: world.secretariat)
        let byAdministrator = try build("administrator")
        let byReader = try build("reader", as: world.reader)
        let byRepresentative = try build("representative", as: world.representatives["LT"]!)
        #expect(first == again, "a rebuild with nothing new changed some bytes")
        #expect(first == byAdministrator, "the database's administrator built another site")
        #expect(first == byReader, "a reader's login built another site")
        #expect(first == byRepresentative, "a representative's login built another site")

        #expect(
            Set(first.keys) == [
                ".ecpa-site", "style.css", "index.html", "archive.html", "2018/index.html", "2018/entry-1.html", "2018/entry-2.html",
                "2018/entry-3.html",
            ])
        let text = first.mapValues { String(decoding: $0, as: UTF8.self) }
        let edition = text["2018/index.html"] ?? ""
        for shown in ["Finland", "Lithuania", "Hungary", "class=\"medal gold\"", "The jury's reasons", "Checking the results"] {
            #expect(edition.contains(shown), "the edition page lacks \(shown)")
        }
        let digest =
            try cli.database.connect().query(
                "SELECT digest FROM ecpa.frozen_results WHERE edition_id = (SELECT id FROM ecpa.editions WHERE year = 2018)"
            )
            .first?.decode("digest", as: String.self) ?? "?"
        #expect(edition.contains(digest))
        let home = text["index.html"] ?? ""
        #expect(home.contains("href=\"2018/index.html\""))
        // Every year, newest first: the archive's years link to their place in the archive.
        let years = home.matches(of: /<li><a href="(?:archive\.html#year-)?(\d{4})/).map { Int($0.1)! }
        #expect(years.count > 20 && years == years.sorted(by: >) && years.contains(2018), "\(years)")
        #expect(text["archive.html"]?.contains("(inferred, not confirmed by a source)") == true)
        // The booklet promises additional projects only where there are some (here, none).
        let booklet = cli.run(["report", "booklet", "--edition", "2018", "--public"]).output
        #expect(booklet.contains("the entries that competed for the award.") && !booklet.contains("additional good-practice"), "\(booklet)")
        #expect(text["2018/entry-1.html"]?.contains("Forssa") == true || text["2018/entry-1.html"]?.contains("<h1>Finland: ") == true)

        // Nothing unpublished, personal or for the jury only.
        let all = text.values.joined(separator: "\n")
        var secrets = ["Finnish project 2030", "2030/", ">2030<", "ecpa edition", "ecpa results", "flagged for a jury decision"]
        secrets += FeedbackLetterTests.comments.map(\.4)
        secrets += fixture.jurorNames.filter { $0 != "seat" && $0 != "Seat" }
        secrets += world.representatives.values.map(\.role) + [world.secretariat.role]
        for secret in secrets {
            #expect(!all.contains(secret), "the site shows \(secret.debugDescription)")
        }
        #expect(!all.contains("<script"))
        for request in ["src=", "href=\"http", "url(", "@import"] {
            #expect(!all.contains(request), "the site asks something of another server (\(request))")
        }
    }

    /// Frozen, with its decision record signed, but not yet published: the edition's results are
    /// final yet not public, and nothing of them reaches the site, whoever builds it.
    @Test func beforeThePublicationTheSiteSaysSoAndShowsNothingOfIt() throws {
        try fixture.finish(publish: false)
        let digest =
            try cli.database.connect().query("SELECT digest FROM ecpa.frozen_results").first?.decode("digest", as: String.self) ?? "?"
        for (name, login) in [("by-reader", world.reader), ("by-secretariat", world.secretariat)] {
            let site = try build(name, as: login)
            #expect(Set(site.keys) == [".ecpa-site", "style.css", "index.html", "archive.html"])
            let text = site.values.map { String(decoding: $0, as: UTF8.self) }.joined()
            #expect(text.contains("No edition has been published here yet"))
            #expect(!text.contains(digest) && !text.contains("2018/index.html"))
            #expect(!text.contains(FeedbackLetterTests.comments[0].4))
        }
    }

    /// Which scores are in: refused to a representative in plain words while the edition is judged,
    /// every seat (never a name) once it is published.
    @Test func aRepresentativeSeesWhichScoresAreInOncePublished() throws {
        let representative = world.representatives["LT"]!
        try world.scoreEverything()
        let judged = cli.run(["score", "status", "--edition", "2018", "--db", fixture.url(representative)])
        #expect(judged.status == 5)
        #expect(judged.error.contains("Which scores are in is for the secretariat and the 2018 jurors until the results are published"))
        try fixture.finish()
        let published = cli.run(["score", "status", "--edition", "2018", "--format", "json", "--db", fixture.url(representative)])
        #expect(published.status == 0, "\(published.error)")
        #expect(published.output.contains("seat 1"))
        for name in world.jurors.values.map(\.role) { #expect(!published.output.contains(name)) }
    }

    /// The jury's reasons read as the rapporteur wrote them: a blank line starts a paragraph, a line
    /// break stays one, on the site and in the letter.
    @Test func theReasonsKeepTheirParagraphs() throws {
        try world.scoreEverything()
        let chair = world.jurors["AT"]!.role
        try cli.expectSuccess(["edition", "scoring", "close", "2018"])
        for medal in ["gold", "silver", "bronze"] {
            try cli.expectSuccess(["results", "rapporteur", "--edition", "2018", "--medal", medal, "--juror", chair, "--as", chair])
            let text = medal == "gold" ? "Forssa brought groups to mediation.\n\nIts evaluation is sound.\nIt was repeated twice." : "Reasons."
            try cli.expectSuccess(["results", "reasons", "--edition", "2018", "--medal", medal, "--text", text, "--as", chair])
        }
        try cli.expectSuccess(["results", "sign", "--edition", "2018", "--yes", "--as", chair])
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let site = try build("site")
        let edition = String(decoding: site["2018/index.html"] ?? Data(), as: UTF8.self)
        #expect(edition.contains("Forssa brought groups to mediation.</p><p>Its evaluation is sound.<br>It was repeated twice.</p>"), "\(edition)")
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "--entry", "1", "-o", cli.folder.path])
        let letter = try String(contentsOf: cli.folder.appendingPathComponent("2018-entry-1-FI.html"), encoding: .utf8)
        #expect(letter.contains("Forssa brought groups to mediation.</p><p>Its evaluation is sound.<br>It was repeated twice.</p>"))
    }

    /// A rebuild replaces the site whole: a page an earlier build wrote and this one does not is
    /// gone. A folder holding anything else is refused, untouched.
    @Test func aRebuildReplacesTheSiteWholeAndNeverAnotherFolder() throws {
        let root = cli.folder.appendingPathComponent("site")
        _ = try build("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("2099"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: root.appendingPathComponent("2099/index.html"))
        let rebuilt = try build("site")
        #expect(rebuilt["2099/index.html"] == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("2099").path))

        let mine = cli.folder.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let refused = cli.run(["site", "build", mine.path])
        #expect(refused.status == 3)
        #expect(refused.error.contains("holds files that are not a site ecpa wrote; give a new or empty folder"))
        #expect(try Self.contents(mine) == ["notes.txt": Data("my notes".utf8)])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// The secretariat makes a public reader's login itself, with its own login; the reader builds
    /// the same site and reads nothing unpublished; nobody else makes readers.
    @Test func theSecretariatAddsAReaderWhoBuildsTheSite() throws {
        try fixture.finish()
        let role = TestDatabase.uniqueName("press")
        let added = cli.run(
            ["user", "add-reader", role, "--password-file", "-", "--db", fixture.url(world.secretariat)], input: "press-office-password\n")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output == "Added \(role) as a public reader: published results and the archive only.\n")
        let press = HostileWorld.Login(role: role, password: "press-office-password")
        #expect(try build("by-press", as: press) == build("by-secretariat", as: world.secretariat))
        let entries = try cli.psql(role: role, password: press.password, "SELECT count(*) FROM ecpa.entries")
        #expect(entries.error.contains("42501"), "\(entries)")

        let other = TestDatabase.uniqueName("press")
        let refused = cli.run(
            ["user", "add-reader", other, "--password-file", "-", "--db", fixture.url(world.representatives["FI"]!)], input: "a long password\n")
        #expect(refused.status == 5, "\(refused.error)")
        #expect(try cli.database.connect().query("SELECT 1 AS one FROM pg_roles WHERE rolname = \(other)").isEmpty)
    }
}
