import ECPACLI
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The archive of past editions: the research notes (ecpa-archive.md) with their certainty, and
/// editions published in ecpa joining them.
@Suite struct ArchiveTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    // MARK: Helpers

    /// The lines of a CSV answer, split into cells (no cell here holds a comma or a quote).
    func csvRows(_ arguments: [String]) throws -> [[String]] {
        let result = cli.run(arguments + ["--format", "csv"])
        guard result.status == 0 else { throw CLIHarness.HarnessError(message: result.error) }
        return result.output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The medal table as `code: [gold, silver, bronze, total, unordered, uncertain]`.
    func medals(as role: String? = nil) throws -> [String: [Int]] {
        let rows = try csvRows(["archive", "medals"] + (role.map { ["--as", $0] } ?? []))
        #expect(rows.first == ["country", "name", "gold", "silver", "bronze", "total", "unordered", "uncertain"])
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[2...].compactMap { Int($0) }) })
    }

    /// One year of `archive list --format json`.
    func listed(_ year: Int) throws -> [String: Any] {
        let result = cli.run(["archive", "list", "--format", "json"])
        let years = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        return years.first { $0["year"] as? Int == year } ?? [:]
    }

    /// `archive show YEAR --format json`.
    func shown(_ year: Int, as role: String? = nil) throws -> [String: Any] {
        let result = cli.run(["archive", "show", String(year), "--format", "json"] + (role.map { ["--as", $0] } ?? []))
        #expect(result.status == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    }

    func fact(_ object: [String: Any], _ key: String) -> (value: String?, certainty: String?) {
        let fact = object[key] as? [String: Any]
        return (fact?["value"] as? String, fact?["certainty"] as? String)
    }

    /// Runs a whole edition through ecpa: entries from FI, LT and HU (ids 1, 2, 3), jurors from AT, BG
    /// and FI (FI in conflict with its own country), every criterion scored with the given value per
    /// entry, then freeze and publish.
    func publishEdition(year: Int, scores: [Int]) throws {
        try cli.openEdition(year: year)
        for country in ["FI", "LT", "HU"] {
            let (role, _) = try cli.representative(country)
            let file = EntryCommandTests.entryFile(country: country, title: "Project of \(country)")
                .replacingOccurrences(of: "edition = 2018", with: "edition = \(year)")
            try cli.expectSuccess(["entry", "submit", try cli.file("\(country).toml", file), "--as", role])
        }
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        try cli.expectSuccess(["scheme", "set", "--edition", String(year)])
        var jurors: [String] = []
        for country in ["AT", "BG", "FI"] {
            let role = TestDatabase.uniqueName(country.lowercased() + "_juror")
            try cli.expectSuccess(
                [
                    "jury", "add", role, "--edition", String(year), "--country", country, "--name", "Juror \(country)",
                    "--password-file", "-",
                ], input: "password-\(role)\n")
            jurors.append(role)
        }
        try cli.expectSuccess(["edition", "close", String(year)])
        try cli.expectSuccess(["edition", "scoring", "open", String(year)])
        for (index, value) in scores.enumerated() {
            let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] }
            // The Finnish juror never scores the Finnish entry (entry 1).
            for juror in index == 0 ? jurors.prefix(2) : jurors.prefix(3) {
                try cli.expectSuccess(["score", "enter", "--edition", String(year), "--entry", String(index + 1), "--as", juror] + criteria)
            }
        }
        try cli.expectSuccess(["edition", "freeze", String(year), "--yes"])
        try cli.expectSuccess(["edition", "publish", String(year), "--yes"])
    }

    // MARK: The research notes

    /// Derived by hand from the Editions table of ecpa-archive.md (confirmed placed medals only):
    /// - Denmark: gold 2002, 2006, 2014; silver 2017; bronze 2022, 2024; total 6. Unordered: 2019
    ///   ("also awarded" with Germany, order not found).
    /// - Finland: gold 2009 (KiVa), 2018; silver 2021, 2024; total 4.
    /// - Czechia: gold 2016, 2024; bronze 2021; total 3.
    /// - Sweden: gold 2019, 2022; unordered 2013 (winners SE, BE, HR, order not found).
    /// - Croatia: bronze 2016; unordered 2013. Germany: silver 2016; unordered 2019.
    /// - France and Romania: runners-up 2014 per Efus, no place: unordered only.
    /// - Poland: the 2014 special distinction is inferred (a conflicting Polish source): uncertain only.
    /// - The 2021 gold ("Ask for help") has no country and counts for nobody.
    @Test func medalsAgreeWithTheResearchNotes() throws {
        let table = try medals()
        #expect(table["DK"] == [3, 1, 2, 6, 1, 0])
        #expect(table["FI"] == [2, 2, 0, 4, 0, 0])
        #expect(table["CZ"] == [2, 0, 1, 3, 0, 0])
        #expect(table["SE"] == [2, 0, 0, 2, 1, 0])
        #expect(table["HR"] == [0, 0, 1, 1, 1, 0])
        #expect(table["DE"] == [0, 1, 0, 1, 1, 0])
        #expect(table["FR"] == [0, 0, 0, 0, 1, 0])
        #expect(table["RO"] == [0, 0, 0, 0, 1, 0])
        #expect(table["PL"] == [0, 0, 0, 0, 0, 1])
        #expect(table["AT"] == nil)
        // Gold, silver, bronze, then name: Estonia before Portugal (one gold each).
        let order = try csvRows(["archive", "medals"]).dropFirst().map { $0[0] }
        #expect(order == ["DK", "FI", "CZ", "SE", "NL", "EE", "PT", "DE", "GR", "LT", "BE", "HR", "HU", "FR", "PL", "RO"])

        let text = cli.run(["archive", "medals"]).output
        #expect(text.contains("GOLD, SILVER, BRONZE and TOTAL count only placed medals whose award and country are both confirmed"))
        #expect(text.contains("Uncertain: 2014 special distinction, Poland: the award is inferred."))
        #expect(text.contains("Not counted, country unknown: 2021 gold (Ask for help); 2023 bronze."))
    }

    @Test func uncertainFactsAreMarked() throws {
        let lines = cli.run(["archive", "list"]).output.split(separator: "\n").map(String.init)
        let row2004 = lines.first { $0.hasPrefix("2004 ") } ?? ""
        #expect(row2004.contains("Netherlands?"))
        let row2014 = lines.first { $0.hasPrefix("2014 ") } ?? ""
        #expect(row2014.contains("runner-up: France, Romania; special distinction: Poland?"))
        let row2006 = lines.first { $0.hasPrefix("2006 ") } ?? ""
        #expect(row2006.contains("Youth risk behaviour / substance use?"))
        #expect(lines.contains("A trailing ? marks an inferred fact (not confirmed by a source); unknown: not found; none: known not to exist."))

        // 2025: the host is inferred from the Presidency calendar, the theme was not found.
        let year2025 = try listed(2025)
        #expect(fact(year2025, "host") == ("Denmark", "inferred"))
        #expect((year2025["host"] as? [String: Any])?["code"] as? String == "DK")
        #expect(fact(year2025, "theme") == (nil, "unknown"))
        #expect(fact(year2025, "city") == (nil, "unknown"))
        let row2025 = lines.first { $0.hasPrefix("2025 ") } ?? ""
        #expect(row2025.contains("Denmark?"))

        // 2004: the host is inferred while the theme is unknown, each fact with its own certainty.
        let year2004 = try listed(2004)
        #expect(fact(year2004, "host") == ("Netherlands", "inferred"))
        #expect(fact(year2004, "theme") == (nil, "unknown"))

        let year2014 = try shown(2014)
        let awards = year2014["awards"] as? [[String: Any]] ?? []
        let distinction = awards.first { $0["award"] as? String == "special distinction" } ?? [:]
        #expect(distinction["award_certainty"] as? String == "inferred")
        #expect(fact(distinction, "country") == ("Poland", "confirmed"))
        #expect((distinction["note"] as? String ?? "").hasSuffix("conflict."))
    }

    @Test func unknownCellsStayUnknown() throws {
        let year2020 = try listed(2020)
        for medal in ["gold", "silver", "bronze"] {
            #expect(fact(year2020, medal) == (nil, "unknown"))
        }
        #expect(fact(year2020, "theme") == ("Family-based (organised) crime / clans", "confirmed"))
        #expect((try shown(2020)["awards"] as? [Any])?.isEmpty == true)
        #expect(cli.run(["archive", "show", "2020"]).output.contains("No award of 2020 was found: its medals are unknown."))

        // 2021: the gold's project is known, its country is not.
        let gold2021 = (try shown(2021)["awards"] as? [[String: Any]])?.first ?? [:]
        #expect(fact(gold2021, "country") == (nil, "unknown"))
        #expect(fact(gold2021, "title") == ("Ask for help", "confirmed"))

        // Known none is not unknown: one winner in 2006, and no theme before 2004.
        let year2006 = try listed(2006)
        #expect(fact(year2006, "silver") == (nil, "confirmed"))
        #expect(fact(year2006, "gold") == ("Denmark", "confirmed"))
        #expect(fact(try listed(2002), "theme") == (nil, "confirmed"))

        // 1998-2001 is one row in the notes and one archive year each here.
        for year in 1998...2001 {
            #expect(try listed(year)["origin"] as? String == "notes")
        }
        let missing = cli.run(["archive", "show", "1990"])
        #expect(missing.status == 2)
        #expect(missing.error == "ecpa: The archive has no 1990 edition. `ecpa archive list` shows the years it knows.\n")
        let scripted = cli.run(["archive", "show", "1990", "--format", "json"])
        let error = try JSONSerialization.jsonObject(with: Data(scripted.error.utf8)) as? [String: [String: Any]]
        #expect(scripted.status == 2)
        #expect(error?["error"]?["code"] as? String == "archive.no_such_year")
    }

    @Test func show2018GivesThePodiumWithTheProjects() throws {
        let shown = cli.run(["archive", "show", "2018"])
        #expect(shown.status == 0, "\(shown.error)")
        let lines = shown.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "The 2018 edition, from the secretariat's research notes.")
        #expect(lines.contains("host:   Austria"))
        #expect(lines.contains("city:   Vienna"))
        #expect(lines.contains("theme:  Community policing"))
        #expect(lines.contains("gold    Finland    The Forssa approach: mediation of polarisation and inter-group conflicts"))
        #expect(lines.contains("silver  Lithuania  Šiauliai District Discovers a Security Formula"))
        #expect(lines.contains("bronze  Hungary    My neighbour is the policeman!"))

        let csv = try csvRows(["archive", "show", "2018"])
        #expect(csv.contains(["gold", "Finland", "confirmed", "", "rikoksentorjunta.fi"]))
        #expect(csv.contains(["bronze project", "My neighbour is the policeman!", "confirmed", "", "rikoksentorjunta.fi"]))
    }

    @Test func everyRoleReadsTheArchiveAndOnlyTheSecretariatWritesIt() throws {
        for role in ["ecpa_reader", "ecpa_national_representative", "ecpa_juror", "ecpa_secretariat"] {
            let listed = cli.run(["archive", "list", "--as", role])
            #expect(listed.status == 0, "\(role): \(listed.error)")
            #expect(listed.output.contains("Community policing"))
        }
        let admin = try cli.database.connect()
        try admin.execute("SET ROLE ecpa_reader")
        #expect(throws: PQError.self) { try admin.execute("UPDATE ecpa.archive_editions SET theme = 'Changed' WHERE year = 2018") }
        try admin.execute("RESET ROLE")
        try admin.execute("SET ROLE ecpa_secretariat")
        #expect(try admin.execute("UPDATE ecpa.archive_editions SET host_city = 'Wien' WHERE year = 2018") == 1)
        // The rule "unknown is NULL" holds for the secretariat too: nothing is invented.
        #expect(throws: PQError.self) {
            try admin.execute("UPDATE ecpa.archive_editions SET theme = 'A guess' WHERE year = 2025")
        }
    }

    // MARK: Editions published in ecpa

    @Test func aPublishedEditionJoinsTheArchive() throws {
        // Jurors give FI 9 (two jurors), LT 8 and HU 6: gold Finland, silver Lithuania, bronze Hungary.
        try publishEdition(year: 2026, scores: [9, 8, 6])

        let year2026 = try shown(2026)
        #expect(year2026["origin"] as? String == "ecpa")
        #expect(year2026["replaces_notes"] as? Bool == false)
        #expect(fact(year2026, "host") == ("Austria", "confirmed"))
        #expect(fact(year2026, "theme") == ("Community Policing", "confirmed"))
        let awards = year2026["awards"] as? [[String: Any]] ?? []
        #expect(awards.map { $0["award"] as? String } == ["gold", "silver", "bronze"])
        #expect(awards.map { fact($0, "country").value } == ["Finland", "Lithuania", "Hungary"])
        #expect(awards.map { fact($0, "title").value } == ["Project of FI", "Project of LT", "Project of HU"])
        #expect(awards.allSatisfy { fact($0, "country").certainty == "confirmed" })

        // A reader may not read entries, yet sees the published podium's titles.
        let asReader = try shown(2026, as: "ecpa_reader")
        #expect(
            ((asReader["awards"] as? [[String: Any]]) ?? []).map { fact($0, "title").value } == ["Project of FI", "Project of LT", "Project of HU"])

        // The notes' counts plus 2026: Finland 3 golds, Lithuania 2 silvers, Hungary 2 bronzes.
        let table = try medals(as: "ecpa_reader")
        #expect(table["FI"] == [3, 2, 0, 5, 0, 0])
        #expect(table["LT"] == [0, 2, 0, 2, 0, 0])
        #expect(table["HU"] == [0, 0, 2, 2, 0, 0])

        let listing = cli.run(["archive", "list"]).output
        #expect(listing.contains("2026: published in ecpa and computed from its frozen results."))
        #expect(
            cli.run(["archive", "show", "2026"]).output
                .hasPrefix("The 2026 edition, published in ecpa: computed from its frozen results, so every fact is confirmed.\n"))
    }

    @Test func aPublishedEditionReplacesTheNotesForItsYear() throws {
        // A different podium from the real 2018 one: Hungary 9, Lithuania 7, Finland 5 (two jurors).
        try publishEdition(year: 2018, scores: [5, 7, 9])

        let year2018 = try shown(2018)
        #expect(year2018["origin"] as? String == "ecpa")
        #expect(year2018["replaces_notes"] as? Bool == true)
        let awards = year2018["awards"] as? [[String: Any]] ?? []
        #expect(awards.map { fact($0, "country").value } == ["Hungary", "Lithuania", "Finland"])
        #expect(!cli.run(["archive", "show", "2018"]).output.contains("Forssa"))
        #expect(cli.run(["archive", "show", "2018"]).output.contains("It replaces the research notes' row for 2018."))

        // Finland loses the notes' 2018 gold and gains a bronze; Hungary the reverse.
        let table = try medals()
        #expect(table["FI"] == [1, 2, 1, 4, 0, 0])
        #expect(table["HU"] == [1, 0, 0, 1, 0, 0])
        #expect(table["LT"] == [0, 1, 0, 1, 0, 0])
        #expect(
            cli.run(["archive", "medals"]).output
                .contains("2018: published in ecpa and computed from its frozen results; this replaces the research notes' row for 2018."))
        let rows2018 = cli.run(["archive", "list"]).output.split(separator: "\n").filter { $0.hasPrefix("2018 ") }
        #expect(rows2018.count == 1)
    }

    @Test func helpExplainsTheCertaintyMarks() throws {
        let help = cli.run(["archive", "--help"])
        #expect(help.status == 0)
        #expect(
            help.output == """
                OVERVIEW: Look up past editions: hosts, themes and medal winners, each fact
                with its certainty.

                The archive holds the secretariat's research notes on past editions and every
                edition published in ecpa; a published edition replaces the notes' row for its
                year. Each fact is confirmed, inferred or unknown: in tables a trailing ? marks
                an inferred fact, unknown one not found and none one known not to exist. See
                docs/archive.md.

                USAGE: ecpa archive <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  list                    List every year of the archive: host, city, theme and
                                          medal winners.
                  show                    Show everything the archive knows about one year,
                                          with certainty, notes and sources.
                  medals                  Count the archive's medals by country.

                  See 'ecpa help archive <subcommand>' for detailed help.

                """)
        let medalsHelp = cli.run(["archive", "medals", "--help"])
        #expect(medalsHelp.output.contains("USAGE: ecpa archive medals [--db <url>] [--as <role>] [--format <format>] [--wide]"))
        #expect(medalsHelp.output.contains("Sorted by gold, silver, bronze, then name."))
    }
}
