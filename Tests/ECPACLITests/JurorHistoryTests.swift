import ECPACLI
import ECPATestSupport
import Foundation
import Testing

/// `results history`: a juror who sat on the 2024 and 2025 juries with the same login, as the
/// secretariat sees them and as the juror may not.
@Suite struct JurorHistoryTests {
    let cli: CLIHarness
    /// Login roles: anna on both juries, ben and carl in 2024, dora and eve in 2025.
    var roles: [String: String] = [:]
    var representatives: [String: String] = [:]

    /// The two editions of docs/scoring.md, "Juror severity across years" (and of docs/cli.md):
    /// entries from FI, LT and HU, three jurors each, none from those countries, so every cell is
    /// scored and each juror's effect is their mean total minus the overall mean. A juror gives all
    /// five criteria of an entry the same value, except anna's LT row in 2024.
    /// 2024 (published): carl 6 7 8 (mean 7), anna 8 9 10 (9), ben 9 8 7 (8); overall 8.
    /// 2025 (scoring): anna 5 6 4 (5), dora 8 7 6 (7), eve 9 10 8 (9); overall 7.
    init() throws {
        cli = try CLIHarness()
        for name in ["anna", "ben", "carl", "dora", "eve"] { roles[name] = TestDatabase.uniqueName(name) }
        for country in ["FI", "LT", "HU"] { representatives[country] = try cli.representative(country).role }
        let same = { (value: Int) in Array(repeating: value, count: 5) }
        try edition(
            2024, firstEntry: 1, jury: [("carl", "RO"), ("anna", "AT"), ("ben", "BG")],
            scores: ["carl": [same(6), same(7), same(8)], "anna": [same(8), [7, 9, 10, 9, 10], same(10)], "ben": [same(9), same(8), same(7)]])
        try cli.expectSuccess(["edition", "scoring", "close", "2024"])
        try cli.expectSuccess(["edition", "freeze", "2024", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2024", "--yes"])
        try edition(
            2025, firstEntry: 4, jury: [("anna", "AT"), ("dora", "BG"), ("eve", "RO")],
            scores: ["anna": [same(5), same(6), same(4)], "dora": [same(8), same(7), same(6)], "eve": [same(9), same(10), same(8)]])
    }

    /// Opens an edition, submits and admits the three entries, seats the jury (a login that
    /// exists already is linked) and enters every score (five per entry, in the scheme's order);
    /// scoring stays open.
    mutating func edition(_ year: Int, firstEntry: Int, jury: [(name: String, country: String)], scores: [String: [[Int]]]) throws {
        try cli.openEdition(year: year)
        for country in ["FI", "LT", "HU"] {
            let file = try cli.file("\(country)-\(year).toml", BadInputCorpus.entry(edition: year, country: country, title: "Project of \(country)"))
            try cli.expectSuccess(["entry", "submit", file, "--as", representatives[country] ?? ""])
        }
        let entries = Array(firstEntry..<firstEntry + 3)
        for id in entries { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", String(year)])
        for (name, country) in jury {
            let role = roles[name] ?? name
            let seat = ["jury", "add", role, "--edition", String(year), "--country", country, "--name", name.capitalized]
            if try exists(role) {
                try cli.expectSuccess(seat + ["--existing-role"])
            } else {
                try cli.expectSuccess(seat + ["--password-file", "-"], input: "password-\(role)\n")
            }
        }
        try cli.expectSuccess(["edition", "close", String(year)])
        try cli.expectSuccess(["edition", "scoring", "open", String(year)])
        for (name, rows) in scores {
            for (entry, values) in zip(entries, rows) {
                let criteria = zip(["focus", "evaluation", "innovation", "cooperation", "transferability"], values).flatMap {
                    ["--criterion", "\($0)=\($1)"]
                }
                try cli.expectSuccess(["score", "enter", "--edition", String(year), "--entry", String(entry), "--as", roles[name] ?? ""] + criteria)
            }
        }
    }

    /// Whether a login role exists already.
    func exists(_ role: String) throws -> Bool {
        let admin = try cli.database.connect()
        return try admin.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = \(role)").first?.decode("n") == 1
    }

    /// The sentence on the archive's research notes, from what `archive list` says they hold.
    func archiveSentence() throws -> String {
        let listed = try JSONSerialization.jsonObject(with: Data(cli.run(["archive", "list", "--format", "json"]).output.utf8)) as? [[String: Any]]
        let notes = (listed ?? []).filter { $0["origin"] as? String == "notes" }.compactMap { $0["year"] as? Int }.filter {
            ![2024, 2025].contains($0)
        }.sorted()
        try #require(notes.count > 1, "the archive is seeded with the research notes")
        return
            "The archive's research notes on \(notes.count) other editions (\(notes[0]) to \(notes[notes.count - 1])) hold no scores, so they are left out."
    }

    @Test func theSecretariatSeesTheSharedJurorsEffectInEachEditionAndItsAverage() throws {
        let anna = roles["anna"] ?? ""
        let shown = cli.run(["results", "history"])
        #expect(shown.status == 0, "\(shown.error)")
        let text = shown.output
        #expect(text.hasPrefix("Juror severity across the 2 editions with scores: 2024, 2025.\n" + (try archiveSentence()) + "\n"), "\(text)")
        // Only anna sat on both juries; +1 in 2024 (9 against 8), -2 in 2025 (5 against 7).
        #expect(text.contains("\n\(anna) (Anna): 2 editions; average effect -0.500 (harsh).\n"), "\(text)")
        for other in ["ben", "carl", "dora", "eve"] { #expect(!text.contains(roles[other] ?? "?"), "\(other) sat on one jury only") }
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("YEAR PHASE COUNTRY EFFECT ENTRIES SCORED"))
        #expect(lines.contains("2024 published AT +1.000 3"))
        #expect(lines.contains("2025 scoring AT -2.000 3"))
        #expect(lines.contains("2024 focus 8.333 7.778 +0.556"))
        #expect(lines.contains("2024 evaluation 9.000 8.000 +1.000"))
        #expect(lines.contains("2025 transferability 5.000 7.000 -2.000"))
        #expect(lines.filter { $0.hasPrefix("2024 ") || $0.hasPrefix("2025 ") }.count == 2 + 10, "two effects and five criteria a year")
    }

    @Test func theJSONNamesTheEditionsWhatIsLeftOutAndEveryNumber() throws {
        let anna = roles["anna"] ?? ""
        let json = cli.run(["results", "history", "--format", "json"])
        #expect(json.status == 0, "\(json.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["editions"] as? [Int] == [2024, 2025])
        #expect(object["left_out"] as? String == (try archiveSentence()))
        let jurors = try #require(object["jurors"] as? [[String: Any]])
        #expect(jurors.map { $0["juror"] as? String } == [anna])
        #expect(jurors.first?["editions"] as? [Int] == [2024, 2025])
        #expect(jurors.first?["editions_averaged"] as? Int == 2)
        #expect(json.output.contains("\"average_effect\": -0.500"), "three decimals, as the table")
        let effects = try #require(object["effects"] as? [[String: Any]])
        #expect(effects.map { $0["edition"] as? Int } == [2024, 2025])
        #expect(effects.map { $0["phase"] as? String } == ["published", "scoring"])
        #expect(effects.map { ($0["effect"] as? NSNumber)?.doubleValue } == [1, -2])
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        #expect(criteria.count == 10)
        #expect(criteria.first?["criterion"] as? String == "focus")
        #expect(criteria.allSatisfy { $0["juror_scores"] as? Int == 3 && $0["jury_scores"] as? Int == 9 })
        // 2024 focus: anna 8, 7, 10 (25/3) against carl 6, 7, 8, ben 9, 8, 7 and hers (70/9).
        #expect(
            json.output.contains(
                "\"edition\": 2024, \"criterion\": \"focus\", \"juror_mean\": 8.333, \"juror_scores\": 3, \"jury_mean\": 7.778, \"jury_scores\": 9, \"difference\": 0.556}"
            ))
        #expect(
            criteria.suffix(5).allSatisfy { ($0["juror_mean"] as? NSNumber)?.doubleValue == 5 && ($0["jury_mean"] as? NSNumber)?.doubleValue == 7 })
        // The same bytes on every run.
        #expect(cli.run(["results", "history", "--format", "json"]).output == json.output)
    }

    @Test func oneJurorByLoginAndCSVRows() throws {
        let dora = cli.run(["results", "history", "--juror", roles["dora"] ?? "", "--format", "csv"])
        #expect(dora.status == 0, "\(dora.error)")
        let rows = CSVReader.rows(dora.output)
        #expect(
            rows.first == [
                "juror", "name", "edition", "phase", "country", "effect", "entries_scored", "average_effect", "criterion", "juror_mean",
                "jury_mean", "difference",
            ])
        #expect(rows.count == 1 + 5, "one row per criterion of her one edition")
        #expect(rows.dropFirst().allSatisfy { $0[0] == roles["dora"] && $0[2] == "2025" && $0[5] == "0.000" && $0[7] == "0.000" })
        let nobody = cli.run(["results", "history", "--juror", "nobody_here", "--format", "json"])
        #expect(nobody.status == 2)
        #expect(nobody.error.contains("\"code\": \"results.history_no_such_juror\""), "\(nobody.error)")
    }

    @Test func aJurorOrARepresentativeIsRefused() throws {
        for role in [roles["anna"] ?? "", representatives["FI"] ?? ""] {
            let refused = cli.run(["results", "history", "--as", role])
            #expect(refused.status == 5, "\(role): \(refused.output)")
            #expect(refused.output.isEmpty)
            #expect(refused.error.contains("Only the secretariat may compare jurors across editions"), "\(refused.error)")
            let json = cli.run(["results", "history", "--as", role, "--format", "json"])
            #expect(json.error.contains("\"code\": \"results.history_secretariat_only\""), "\(json.error)")
        }
    }
}
