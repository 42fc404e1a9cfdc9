import ECPATestSupport
import Foundation
import LibPQ

/// The databases the bad-input corpus runs in, each prepared once per test run through the CLI
/// and copied for every case, so that a case sees exactly the state its message names and its
/// own copy shows whether anything was written.
///
/// Logins are server-wide, so the worlds' logins have fixed, readable names (the messages name
/// them) that no other test uses: `rep_fi`, `rep_se`, `juror_at`, `juror_bg`, `juror_fi`.
enum BadInputWorld: String, CaseIterable, Sendable {
    /// A migrated database with nothing in it.
    case empty
    /// The 2018 edition open for submissions (deadline tomorrow), with Finland's entry 1
    /// submitted by `rep_fi` and `rep_se` for Sweden; the 2017 edition open but past its
    /// deadline (30 September 2017 23:59, Brussels); the 2024 edition a draft whose deadline
    /// (30 September 2024 23:59) has passed; the 2030 edition a draft without a deadline.
    case submissions
    /// The 2018 edition in scoring with the shipped scheme: entries 1 FI, 2 LT, 3 HU eligible,
    /// 4 SE withdrawn, 5 EE ineligible, 6 FI additional; voting jurors `juror_at` (declared
    /// conflict with entry 3) and `juror_fi` (in conflict with Finland's entries).
    case scoring
    /// The 2018 edition scored by `juror_at`, `juror_bg` and `juror_fi`, frozen and published:
    /// FI gold, LT silver, HU bronze.
    case published

    static let roles = ["rep_fi", "rep_se", "juror_at", "juror_bg", "juror_fi"]

    /// The prepared database of this world, made on first use.
    func template() throws -> TestDatabase {
        try Self.cache.template(of: self)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var built: [BadInputWorld: CLIHarness] = [:]
        private var rolesReset = false

        func template(of world: BadInputWorld) throws -> TestDatabase {
            try lock.withLock {
                if let harness = built[world] { return harness.database }
                let harness = try CLIHarness()
                if !rolesReset {
                    // Logins a run before this one left on the same server (people link to them by name).
                    let admin = try harness.database.connect()
                    for role in BadInputWorld.roles { _ = try? admin.execute("DROP ROLE IF EXISTS \(identifier: role)") }
                    admin.close()
                    rolesReset = true
                }
                try world.prepare(harness)
                built[world] = harness
                return harness.database
            }
        }
    }

    private func prepare(_ cli: CLIHarness) throws {
        switch self {
        case .empty:
            return
        case .submissions:
            try cli.openEdition()
            try login(cli, "rep_fi", ["user", "add", "rep_fi", "--kind", "national-representative", "--country", "FI", "--name", "Mikko Virtanen"])
            try login(cli, "rep_se", ["user", "add", "rep_se", "--kind", "national-representative", "--country", "SE", "--name", "Sara Lind"])
            try cli.expectSuccess(["entry", "submit", try cli.file("fi.toml", BadInputCorpus.entry()), "--as", "rep_fi"])
            try cli.expectSuccess([
                "edition", "create", "--year", "2017", "--theme", "Cyber safety", "--host", "EE",
                "--opens", "2017-01-01 00:00", "--closes", "2099-09-30 23:59",
            ])
            try cli.expectSuccess(["edition", "open", "2017"])
            try cli.moveDeadline(year: 2017, to: "'2017-09-30 23:59 Europe/Brussels'")
            try cli.expectSuccess([
                "edition", "create", "--year", "2024", "--theme", "Preventing reoffending", "--host", "HU",
                "--city", "Budapest", "--closes", "2024-09-30 23:59",
            ])
            try cli.expectSuccess(["edition", "create", "--year", "2030", "--theme", "Safer public spaces", "--host", "GR"])
        case .scoring:
            try scoring(cli)
        case .published:
            try cli.openEdition()
            for (index, country) in ["FI", "LT", "HU"].enumerated() {
                let role = TestDatabase.uniqueName("rep_" + country.lowercased())
                try cli.expectSuccess(
                    [
                        "user", "add", role, "--kind", "national-representative", "--country", country,
                        "--name", "Representative of \(country)", "--password-file", "-",
                    ], input: "password-\(role)\n")
                try cli.expectSuccess([
                    "entry", "submit", try cli.file("\(country).toml", BadInputCorpus.entry(country: country, title: Self.titles[index])),
                    "--as", role,
                ])
            }
            for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
            try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
            for country in ["AT", "BG", "FI"] { try juror(cli, country) }
            try cli.expectSuccess(["edition", "close", "2018"])
            try cli.expectSuccess(["edition", "scoring", "open", "2018"])
            let values: [(String, Int, Int)] = [
                ("at", 1, 9), ("bg", 1, 8), ("at", 2, 7), ("bg", 2, 8), ("fi", 2, 7),
                ("at", 3, 6), ("bg", 3, 6), ("fi", 3, 7),
            ]
            for (juror, entry, value) in values {
                let criteria = BadInputCorpus.criteria.flatMap { ["--criterion", "\($0)=\(value)"] }
                try cli.expectSuccess(["score", "enter", "--entry", String(entry), "--as", "juror_\(juror)"] + criteria)
            }
            try cli.expectSuccess(["edition", "freeze", "2018", "--yes"])
            try cli.expectSuccess(["edition", "publish", "2018", "--yes"])
        }
    }

    static let titles = ["The Forssa approach", "Šiauliai District Discovers a Security Formula", "My neighbour is the policeman!"]

    private func scoring(_ cli: CLIHarness) throws {
        try cli.openEdition()
        var representatives: [String: String] = [:]
        let projects = [
            ("FI", Self.titles[0]), ("LT", Self.titles[1]), ("HU", Self.titles[2]),
            ("SE", "Safe in the metro"), ("EE", "An Estonian project"),
        ]
        for (country, title) in projects {
            let role = TestDatabase.uniqueName("rep_" + country.lowercased())
            representatives[country] = role
            try cli.expectSuccess(
                [
                    "user", "add", role, "--kind", "national-representative", "--country", country,
                    "--name", "Representative of \(country)", "--password-file", "-",
                ], input: "password-\(role)\n")
            try cli.expectSuccess([
                "entry", "submit", try cli.file("\(country).toml", BadInputCorpus.entry(country: country, title: title)),
                "--as", role,
            ])
        }
        try cli.expectSuccess(["entry", "withdraw", "4", "--as", representatives["SE"] ?? ""])
        try cli.expectSuccess([
            "entry", "submit",
            try cli.file(
                "FI-extra.toml",
                BadInputCorpus.entry(
                    country: "FI", title: "Good practice from Finland", kind: "additional")), "--as", representatives["FI"] ?? "",
        ])
        try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        try cli.expectSuccess(["edition", "close", "2018"])
        for id in ["1", "2", "3", "6"] { try cli.expectSuccess(["entry", "eligibility", id, "--eligible"]) }
        try cli.expectSuccess(["entry", "eligibility", "5", "--ineligible", "--reason", "Outside the theme."])
        try juror(cli, "AT")
        try juror(cli, "FI")
        try cli.expectSuccess(["jury", "conflict", "declare", "--juror", "juror_at", "--entry", "3", "--reason", "Worked with the project team."])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])
    }

    private func juror(_ cli: CLIHarness, _ country: String) throws {
        let role = "juror_\(country.lowercased())"
        try login(cli, role, ["jury", "add", role, "--edition", "2018", "--country", country, "--name", "Juror from \(country)"])
    }

    /// Adds a login, or links it when an earlier world of this run made it already.
    private func login(_ cli: CLIHarness, _ role: String, _ arguments: [String]) throws {
        let admin = try cli.database.connect()
        let exists = try !admin.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)").isEmpty
        if exists {
            try cli.expectSuccess(arguments + ["--existing-role"])
        } else {
            try cli.expectSuccess(arguments + ["--password-file", "-"], input: "password-\(role)\n")
        }
    }
}
