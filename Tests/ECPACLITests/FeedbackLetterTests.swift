import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import ECPAUseCases
import Foundation
import LibPQ
import Testing

/// Feedback letters (issue 12, item 2) through the CLI: the secretariat writes every competing
/// entry's letter once the edition is published; a national representative, with their own login
/// over TCP, writes their own country's and is refused another country's, by PostgreSQL.
@Suite struct FeedbackLetterTests {
    let world: HostileWorld

    init() throws { world = try HostileWorld(chair: "AT") }

    var cli: CLIHarness { world.cli }

    /// The jurors' comments: juror, entry, criterion, the value it had, the comment.
    static let comments: [(String, Int, String, Int, String)] = [
        ("AT", 1, "focus", 9, "A clear focus on polarisation between groups."),
        ("AT", 1, "evaluation", 9, "The evaluation measured what changed in the town."),
        ("BG", 1, "evaluation", 8, "More evidence of impact would have helped."),
        ("FI", 2, "innovation", 7, "Known methods, well combined."),
        ("BG", 3, "cooperation", 6, "Many partners, each with a clear role."),
    ]

    /// Scored with comments, the decision record signed, frozen, and published unless not.
    func finish(publish: Bool = true) throws {
        try world.scoreEverything()
        for (juror, entry, criterion, value, comment) in Self.comments {
            try cli.expectSuccess([
                "score", "enter", "--entry", String(entry), "--criterion", "\(criterion)=\(value)", "--comment", comment,
                "--as", world.jurors[juror]!.role,
            ])
        }
        try cli.signDecisionRecord(chair: world.jurors["AT"]!.role)
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        if publish { try cli.expectSuccess(["edition", "publish", "2018", "--yes"]) }
    }

    func url(_ login: HostileWorld.Login) -> String { "\(cli.database.conninfo) user=\(login.role) password=\(login.password)" }

    func folder(_ name: String) -> URL { cli.folder.appendingPathComponent(name) }

    func files(_ folder: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    func read(_ folder: URL, _ file: String) -> String { (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? "" }

    /// Every name or seat a juror could be known by.
    var jurorNames: [String] {
        world.jurors.values.map(\.role) + [world.advisory.role] + ["AT", "BG", "FI", "RO"].map { "Juror from \($0)" } + ["seat", "Seat"]
    }

    @Test func theSecretariatWritesEveryLetterWithPlaceMeansCommentsAndReasons() throws {
        try finish()
        let markdown = folder("md")
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "-o", markdown.path, "--format", "md"])
        #expect(files(markdown) == ["2018-entry-1-FI.md", "2018-entry-2-LT.md", "2018-entry-3-HU.md"])
        let finland = read(markdown, "2018-entry-1-FI.md")
        #expect(finland.contains("It won the gold medal: place 1 of the 3 competing entries."), "\(finland)")
        #expect(finland.contains("The jury's reasons for gold."))
        // Finland: focus 9 and 8, mean 8.50; the edition: (8.5 + 7.333 + 7) / 3 = 7.61.
        #expect(finland.contains("| Focus on everyday crime and fear of crime | 1 | 8.50 | 7.61 |"), "\(finland)")
        #expect(finland.contains("| Evaluated and effective | 2 | 8.50 | 7.61 |"), "\(finland)")
        #expect(finland.contains("the entry \"Project of FI\" fared"))
        for (_, entry, _, _, comment) in Self.comments {
            #expect(finland.contains(comment) == (entry == 1), "\(comment) in Finland's letter: \(entry == 1 ? "missing" : "not its entry's")")
        }
        // Two comments on one criterion: in the order of their SHA-256, not of the jurors.
        let evaluation = Self.comments.filter { $0.1 == 1 && $0.2 == "evaluation" }.map(\.4).sorted { SHA256.hex($0) < SHA256.hex($1) }
        let positions = evaluation.compactMap { finland.range(of: $0)?.lowerBound }
        #expect(positions.count == 2 && positions[0] < positions[1], "the evaluation comments are not in SHA-256 order")
        let lithuania = read(markdown, "2018-entry-2-LT.md")
        #expect(lithuania.contains("It won the silver medal: place 2 of the 3 competing entries."), "\(lithuania)")
        #expect(lithuania.contains("The jury's reasons for silver.") && !lithuania.contains("The jury's reasons for gold."))
        #expect(read(markdown, "2018-entry-3-HU.md").contains("The jury's reasons for bronze."))

        let html = folder("html")
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "-o", html.path])
        #expect(files(html) == ["2018-entry-1-FI.html", "2018-entry-2-LT.html", "2018-entry-3-HU.html"])
        for file in files(html) {
            let page = read(html, file)
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.components(separatedBy: "<h1").count == 2, "\(file): one h1")
            let headings = page.matches(of: /<h([1-6])/).map { Int($0.1)! }
            #expect(zip(headings, headings.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(file): headings skip a level: \(headings)")
            #expect(page.contains("<th scope=\"col\">") && page.contains("<th scope=\"row\""))
            #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://") && !page.contains("src="))
            #expect(!page.contains("ecpa "), "\(file): a command on the page")
        }
        // No juror is named, by login, name or seat, in any letter.
        for (folder, file) in files(markdown).map({ (markdown, $0) }) + files(html).map({ (html, $0) }) {
            let text = read(folder, file)
            for name in jurorNames { #expect(!text.contains(name), "\(file) names a juror: \(name)") }
        }
        // The same data, the same bytes.
        let again = folder("again")
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "-o", again.path])
        #expect(files(html).allSatisfy { read(html, $0) == read(again, $0) })
        // One entry's letter only.
        let one = folder("one")
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "--entry", "3", "-o", one.path, "--format", "md"])
        #expect(files(one) == ["2018-entry-3-HU.md"])
    }

    @Test func aRepresentativeWritesTheirOwnCountrysLetterAndPostgreSQLRefusesTheOthers() throws {
        try finish(publish: false)
        let finn = world.representatives["FI"]!
        let early = cli.run(["report", "feedback", "--edition", "2018", "-o", folder("early").path, "--db", url(finn)])
        #expect(early.status != 0 && early.error.contains("not published yet"), "\(early.error)")
        #expect(files(folder("early")).isEmpty)
        let before = HostileWorld.refusal(try world.connect(finn), "SELECT * FROM ecpa.feedback_comments(1)")
        #expect(before?.sqlState == "42501", "before publication: \(String(describing: before))")

        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        let own = folder("own")
        let mine = cli.run(["report", "feedback", "--edition", "2018", "-o", own.path, "--db", url(finn)])
        #expect(mine.status == 0, "\(mine.error)")
        #expect(files(own) == ["2018-entry-1-FI.html"])
        #expect(read(own, "2018-entry-1-FI.html").contains("A clear focus on polarisation between groups."))
        #expect(
            read(own, "2018-entry-1-FI.html").contains("The jury&#39;s reasons for gold.")
                || read(own, "2018-entry-1-FI.html").contains("The jury's reasons for gold."))

        let other = folder("other")
        let refused = cli.run(["report", "feedback", "--edition", "2018", "--entry", "2", "-o", other.path, "--db", url(finn)])
        #expect(refused.status != 0 && refused.error.contains("PostgreSQL refused it"), "\(refused.error)")
        #expect(files(other).isEmpty)
        let direct = HostileWorld.refusal(try world.connect(finn), "SELECT * FROM ecpa.feedback_comments(2)")
        #expect(direct?.sqlState == "42501", "another country's entry: \(String(describing: direct))")

        // Lithuania's representative gets Lithuania's, with its comment.
        let lithuania = folder("lt")
        try cli.expectSuccess([
            "report", "feedback", "--edition", "2018", "-o", lithuania.path, "--format", "md", "--db", url(world.representatives["LT"]!),
        ])
        #expect(files(lithuania) == ["2018-entry-2-LT.md"])
        #expect(read(lithuania, "2018-entry-2-LT.md").contains("Known methods, well combined."))

        // A reader, who represents no country, gets no letter; a juror is refused by PostgreSQL.
        let reader = cli.run(["report", "feedback", "--edition", "2018", "-o", folder("reader").path, "--db", url(world.reader)])
        #expect(reader.status != 0 && files(folder("reader")).isEmpty, "\(reader.error)")
        #expect(reader.error.contains("Feedback letters are for the secretariat and for each country's national representative."), "\(reader.error)")
        let juror = cli.run(["report", "feedback", "--edition", "2018", "--entry", "1", "-o", folder("juror").path, "--db", url(world.jurors["BG"]!)])
        #expect(juror.status != 0 && files(folder("juror")).isEmpty, "\(juror.error)")
        #expect(juror.error.contains("PostgreSQL refused it"), "\(juror.error)")
    }

    /// Below the podium, bands of three places; the band left at the end may be shorter.
    @Test(
        arguments: [
            (1, 27, nil), (3, 27, nil), (4, 27, 4...6), (6, 27, 4...6), (7, 27, 7...9), (26, 27, 25...27), (27, 27, 25...27),
            (4, 5, 4...5), (4, 4, nil), (7, 7, nil),
        ] as [(Int, Int, ClosedRange<Int>?)])
    func placeBands(place: Int, ranked: Int, band: ClosedRange<Int>?) {
        #expect(FeedbackLetter.band(place: place, ranked: ranked) == band)
    }
}
