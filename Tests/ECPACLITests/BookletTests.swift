import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The booklet of entries, as its readers meet it with their own logins over a real connection:
/// the jury's reading packet once submissions have closed, the public overview once published.
@Suite struct BookletTests {
    let cli: CLIHarness
    let admin: Connection
    var representatives: [String: HostileWorld.Login] = [:]
    var jurors: [String: HostileWorld.Login] = [:]
    let reader: HostileWorld.Login

    static let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"]
    static let finnish = "Forssa <b>approach</b> & *mediation*"
    /// Two paragraphs, a line that would start a Markdown heading and one that would be a script.
    static let description = "First line.\n# Not a heading\n\n<script>alert(1)</script> second paragraph."

    /// The 2018 edition open for entries: Finland and Lithuania compete (both found eligible),
    /// Hungary competes but is found ineligible, Finland sends an additional project (eligible) and
    /// Denmark one that nobody checked; two voting jurors (AT, BG), the shipped scheme, a reader.
    init() throws {
        cli = try CLIHarness()
        admin = try cli.database.connect()
        let readerRole = TestDatabase.uniqueName("reader")
        try admin.execute("CREATE ROLE \(identifier: readerRole) LOGIN PASSWORD \(unsafeRaw: "'password-\(readerRole)'") IN ROLE ecpa_reader")
        reader = HostileWorld.Login(role: readerRole, password: "password-\(readerRole)")
        try cli.openEdition()
        for country in ["FI", "LT", "HU", "DK"] {
            let (role, password) = try cli.representative(country)
            representatives[country] = HostileWorld.Login(role: role, password: password)
        }
        try submit("FI", title: Self.finnish, description: Self.description)
        try submit("LT", title: "Siauliai security formula")
        try submit("HU", title: "Hungarian ineligible project")
        try submit("FI", title: "Finnish additional practice", kind: "additional")
        try submit("DK", title: "Danish unchecked practice", kind: "additional")
        try cli.expectSuccess(["entry", "eligibility", "1", "--eligible"])
        try cli.expectSuccess(["entry", "eligibility", "2", "--eligible"])
        try cli.expectSuccess(["entry", "eligibility", "3", "--ineligible", "--reason", "Outside the theme."])
        try cli.expectSuccess(["entry", "eligibility", "4", "--eligible"])
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        for country in ["AT", "BG"] { jurors[country] = try HostileWorld.juror(cli, country: country, advisory: false) }
    }

    func submit(_ country: String, title: String, kind: String = "competing", edition: Int = 2018, description: String? = nil) throws {
        var text = EntryCommandTests.entryFile(country: country, title: title, kind: kind)
            .replacingOccurrences(of: "edition = 2018", with: "edition = \(edition)")
        if let description {
            text = text.replacingOccurrences(
                of: "A mediation approach to polarisation and conflicts between groups in a small town.", with: description)
        }
        try cli.expectSuccess([
            "entry", "submit", try cli.file("\(country)-\(UUID().uuidString).toml", text), "--as", representatives[country]!.role,
        ])
    }

    /// A command line run with a person's own login and password over TCP.
    func run(_ login: HostileWorld.Login, _ arguments: [String]) -> CLIHarness.Result {
        cli.run(arguments + ["--db", "\(cli.database.conninfo) user=\(login.role) password=\(login.password)"])
    }

    /// Every required cell scored, frozen and published.
    func publish() throws {
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        for (country, values) in [("AT", [9, 7]), ("BG", [8, 6])] {
            for (entry, value) in zip([1, 2], values) {
                try cli.expectSuccess(
                    ["score", "enter", "--edition", "2018", "--entry", String(entry), "--as", jurors[country]!.role]
                        + Self.criteria.flatMap { ["--criterion", "\($0)=\(value)"] })
            }
        }
        try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
    }

    @Test func theJuryReadsThePacketOnceSubmissionsCloseAndNobodyElseDoes() throws {
        let early = run(jurors["AT"]!, ["report", "booklet", "--edition", "2018"])
        #expect(early.status == 3)
        #expect(early.error.contains("The reading packet of the 2018 edition is ready once submissions close"), "\(early.error)")
        #expect(early.error.contains("ecpa edition close 2018"), "\(early.error)")
        #expect(early.output.isEmpty)

        try cli.expectSuccess(["edition", "close", "2018"])
        try publishScoresBeforeReading()
        let packet = run(jurors["AT"]!, ["report", "booklet", "--edition", "2018", "--format", "md"])
        #expect(packet.status == 0, "\(packet.error)")
        let text = packet.output
        #expect(text.hasPrefix("# The 2018 jury's reading packet\n"), "\(text)")
        #expect(text.contains("Forssa &lt;b&gt;approach&lt;/b&gt; &amp; \\*mediation\\*"), "\(text)")
        #expect(text.contains("Siauliai security formula"))
        #expect(text.contains("- [1\\. Finland: Forssa"), "the table of contents links each entry")
        #expect(text.contains("(#entry-1)") && text.contains("<a id=\"entry-1\"></a>"))
        #expect(text.contains("### Evaluation results\n\nFewer incidents."))
        #expect(
            text.contains("### Description\n\nFirst line.\\\n\\# Not a heading\n\n&lt;script&gt;alert(1)&lt;/script&gt; second paragraph.\n"),
            "\(text)")
        for absent in ["Hungarian ineligible project", "Finnish additional practice", "Danish unchecked practice"] {
            #expect(!text.contains(absent), "\(absent) is not in the packet")
        }
        // No score, place or medal: the juror's own 9s and 7s were entered before reading.
        for absent in ["Score", "score:", "Place", "gold", "Gold", "ranking:"] { #expect(!text.contains(absent), "\(absent)") }
        #expect(text.contains("no score and no ranking"))

        let html = run(jurors["BG"]!, ["report", "booklet", "--edition", "2018", "--packet", "--format", "html"])
        #expect(html.status == 0, "\(html.error)")
        #expect(html.output.contains("<html lang=\"en\">"))
        #expect(html.output.components(separatedBy: "<h1>").count == 2, "exactly one h1")
        #expect(html.output.contains("<a href=\"#entry-1\">1. Finland: Forssa &lt;b&gt;approach&lt;/b&gt; &amp; *mediation*</a>"))
        #expect(!html.output.contains("<b>approach"), "user text is escaped")
        #expect(
            html.output.contains(
                "<h3>Description</h3><p>First line.<br># Not a heading</p><p>&lt;script&gt;alert(1)&lt;/script&gt; second paragraph.</p>"))
        #expect(!html.output.contains("<script") && !html.output.contains("http-equiv") && !html.output.contains("src="))
        #expect(!html.output.contains("<link"), "no external request")
        #expect(!html.output.contains("Hungarian ineligible project"))
        #expect(html.output.contains("<dd>https://example.org/project</dd>"))
        #expect(Self.headingsInOrder(html.output), "h1 > h2 > h3, never skipping a level")

        // Same data, same bytes.
        let again = run(jurors["BG"]!, ["report", "booklet", "--edition", "2018", "--packet", "--format", "html"])
        #expect(again.output == html.output)
        let file = cli.folder.appendingPathComponent("packet.html").path
        let written = run(jurors["BG"]!, ["report", "booklet", "--edition", "2018", "--packet", "--format", "html", "-o", file])
        #expect(written.status == 0)
        #expect(written.error.contains("Wrote the 2018 reading packet to \(file)."), "\(written.error)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html.output)

        // A representative: not theirs, and the public overview is not there yet.
        let representative = run(representatives["FI"]!, ["report", "booklet", "--edition", "2018", "--packet"])
        #expect(representative.status == 5)
        #expect(representative.error.contains("The reading packet is for the 2018 jurors and the secretariat."), "\(representative.error)")
        #expect(representative.output.isEmpty)
        let early2 = run(representatives["FI"]!, ["report", "booklet", "--edition", "2018"])
        #expect(early2.status != 0 && early2.output.isEmpty)
        let overview = run(representatives["FI"]!, ["report", "booklet", "--edition", "2018", "--public"])
        #expect(overview.status == 3 && overview.output.isEmpty)
        #expect(overview.error.contains("appears once the results are published"), "\(overview.error)")
        // A reader does not even see an unpublished edition.
        let byReader = run(reader, ["report", "booklet", "--edition", "2018", "--public"])
        #expect(byReader.status != 0 && byReader.output.isEmpty)
        let conflicting = cli.run(["report", "booklet", "--edition", "2018", "--packet", "--public"])
        #expect(conflicting.status != 0 && conflicting.error.contains("cannot be used together"), "\(conflicting.error)")
    }

    /// The AT juror's scores are in before they read, so that a packet showing scores would show them.
    func publishScoresBeforeReading() throws {
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
        try cli.expectSuccess(
            ["score", "enter", "--edition", "2018", "--entry", "1", "--as", jurors["AT"]!.role]
                + Self.criteria.flatMap { ["--criterion", "\($0)=9"] })
    }

    @Test func everyoneReadsThePublicOverviewOnceResultsArePublished() throws {
        // A second edition, never published, whose titles must not appear anywhere.
        let iso = ISO8601DateFormatter()
        try cli.expectSuccess([
            "edition", "create", "--year", "2030", "--theme", "Unpublished theme", "--host", "DK",
            "--opens", iso.string(from: Date().addingTimeInterval(-86_400)), "--closes", iso.string(from: Date().addingTimeInterval(86_400)),
        ])
        try cli.expectSuccess(["edition", "open", "2030"])
        try submit("FI", title: "Unpublished secret project", edition: 2030)
        try submit("LT", title: "Unpublished additional secret", kind: "additional", edition: 2030)
        try cli.expectSuccess(["entry", "eligibility", "6", "--eligible"])
        try cli.expectSuccess(["entry", "eligibility", "7", "--eligible"])

        try cli.expectSuccess(["edition", "close", "2018"])
        try publish()

        var outputs: [String] = []
        for login in [representatives["LT"]!, reader, jurors["AT"]!] {
            for format in ["md", "html"] {
                let result = run(login, ["report", "booklet", "--edition", "2018", "--format", format])
                #expect(result.status == 0, "\(login.role): \(result.error)")
                outputs.append(result.output)
            }
        }
        let markdown = outputs[0]
        #expect(markdown.hasPrefix("# The entries of the 2018 edition\n"), "\(markdown)")
        #expect(markdown.contains("first the entries that competed for the award, then the additional good-practice projects."))
        for present in ["Forssa &lt;b&gt;approach", "Siauliai security formula", "Finnish additional practice", "Additional good practice"] {
            #expect(markdown.contains(present), "\(present)")
        }
        for absent in [
            "Hungarian ineligible project", "Danish unchecked practice", "Unpublished secret project", "Unpublished additional secret",
            "Unpublished theme", "Anna Virtanen", "anna@example.org", "Score", "gold",
        ] {
            // What the reader sees: the pages' shared stylesheet names medal colours of its own.
            for output in outputs {
                let shown = output.replacingOccurrences(of: #"<style>[\s\S]*</style>"#, with: "", options: .regularExpression)
                #expect(!shown.contains(absent), "\(absent)")
            }
        }
        // Competing entries first, then the additional ones.
        let competing = try #require(markdown.range(of: "## 2\\. Lithuania: Siauliai security formula"))
        let additional = try #require(markdown.range(of: "## 3\\. Finland: Finnish additional practice"))
        #expect(competing.lowerBound < additional.lowerBound)
        // The same bytes for everyone, and on every run.
        #expect(outputs[0] == outputs[2] && outputs[2] == outputs[4])
        #expect(outputs[1] == outputs[3] && outputs[3] == outputs[5])
        #expect(run(reader, ["report", "booklet", "--edition", "2018", "--format", "html"]).output == outputs[1])
        #expect(Self.headingsInOrder(outputs[1]))

        // The unpublished edition: nothing for a reader or a representative.
        for login in [reader, representatives["FI"]!] {
            let refused = run(login, ["report", "booklet", "--edition", "2030", "--public"])
            #expect(refused.status != 0 && refused.output.isEmpty, "\(refused.output)")
        }
        // A juror may still ask for the packet after publication.
        let packet = run(jurors["AT"]!, ["report", "booklet", "--edition", "2018", "--packet"])
        #expect(packet.status == 0 && packet.output.contains("reading packet") && !packet.output.contains("Finnish additional practice"))
    }

    /// Whether the page's headings start at h1 and never skip a level going down.
    static func headingsInOrder(_ html: String) -> Bool {
        var level = 0
        var rest = Substring(html)
        while let range = rest.range(of: "<h") {
            let next = rest[range.upperBound...].first
            rest = rest[range.upperBound...]
            guard let digit = next?.wholeNumberValue, (1...6).contains(digit) else { continue }
            if digit > level + 1 { return false }
            level = digit
        }
        return level > 0
    }
}
