import ECPATestSupport
import Foundation
import LibPQ

/// The database the permission matrix runs against, set up through the CLI as the award would be.
///
/// Four editions, one per phase that matters: 2030 open for submissions, 2029 in scoring, 2028
/// frozen, 2027 published. Entries from FI and SE in 2030 (each with a late acceptance); from FI,
/// SE, LT, DK and HU in the others, all eligible. Jurors on every edition: AT and FI voting (the
/// Finnish juror in conflict with the Finnish entry by the own-country rule; the Austrian one
/// chairs the jury), BG voting, BE advisory. Where scoring has opened: the AT juror scores FI and
/// SE, the FI juror SE and DK, the BG juror all five; the AT and FI jurors declare a conflict with
/// LT and abstain on HU; the jury places LT second by override. Before 2028 and 2027 freeze, the
/// AT juror also abstains on DK, so every required cell is filled, and scoring closes so that the
/// chair writes and signs the decision record the override needs; in 2029 their DK cell stays
/// empty (see `PermissionMatrix.newCellCountry`). Besides: a secretariat login, a login in no ecpa
/// group and a public reader (a login granted ecpa_reader), both made by the administrator.
final class PermissionMatrixFixture {
    typealias Login = PermissionMatrix.Login
    typealias Phase = PermissionMatrix.Phase

    let cli: CLIHarness
    private(set) var logins: [Login: (role: String, password: String)] = [:]
    private(set) var editions: [Phase: (id: Int64, year: Int)] = [:]
    private(set) var entries: [Phase: [String: Int64]] = [:]
    private(set) var seats: [Phase: [Login: Int64]] = [:]
    let freshLogin = TestDatabase.uniqueName("matrix_new")
    /// A session of the login in no group, there only to be ended by the secretariat's cell.
    private(set) var victim: Connection?
    private(set) var victimProcess: Int = 0

    static let years: [Phase: Int] = [.submissionsOpen: 2030, .scoring: 2029, .frozen: 2028, .published: 2027]
    private static let jurorCountries: [Login: String] = [.jurorAT: "AT", .jurorFI: "FI", .jurorBG: "BG", .advisoryBE: "BE"]

    init() throws {
        cli = try CLIHarness()
        try makePeople()
        for phase in Phase.editions { try makeEdition(phase) }
        try readIDs()
        for phase in [Phase.scoring, .frozen, .published] { try score(phase) }
        // The override needs the signed decision record before the freeze.
        for year in ["2028", "2027"] { try cli.signDecisionRecord(year: year, chair: logins[.jurorAT]!.role) }
        try cli.expectSuccess(["edition", "freeze", "2028", "--yes"])
        try cli.expectSuccess(["edition", "freeze", "2027", "--yes"])
        try cli.expectSuccess(["edition", "publish", "2027", "--yes"])
        let iso = ISO8601DateFormatter()
        for country in ["FI", "SE"] {
            try cli.expectSuccess([
                "entry", "accept-late", "--edition", "2030", "--country", country,
                "--until", iso.string(from: Date().addingTimeInterval(86_400 * 20)),
                "--reason", "The matrix needs a late acceptance for \(country).",
            ])
        }
        let victim = try cli.database.connect(role: logins[.noGroup]!.role, password: logins[.noGroup]!.password)
        victimProcess = try victim.queryOne("SELECT pg_backend_pid() AS pid")!.decode("pid")
        self.victim = victim
    }

    private func makePeople() throws {
        let secretariat = TestDatabase.uniqueName("matrix_secretariat")
        try cli.expectSuccess(
            [
                "user", "add", secretariat, "--kind", "secretariat", "--name", "Matrix Secretariat",
                "--password-file", "-",
            ], input: "password-\(secretariat)\n")
        logins[.secretariat] = (secretariat, "password-\(secretariat)")
        logins[.representativeFI] = try cli.representative("FI")
        logins[.representativeSE] = try cli.representative("SE")
        let admin = try cli.database.connect()
        for (login, prefix) in [(Login.noGroup, "matrix_nogroup"), (.reader, "matrix_reader")] {
            let role = TestDatabase.uniqueName(prefix)
            let password = "password-\(role)"
            try admin.execute("CREATE ROLE \(identifier: role) LOGIN PASSWORD \(unsafeRaw: Self.literal(password))")
            logins[login] = (role, password)
        }
        try admin.execute("GRANT ecpa_reader TO \(identifier: logins[.reader]!.role)")
    }

    private func makeEdition(_ phase: Phase) throws {
        let year = String(Self.years[phase]!)
        let now = Date()
        let iso = ISO8601DateFormatter()
        try cli.expectSuccess([
            "edition", "create", "--year", year, "--theme", "Matrix \(year)", "--host", "AT",
            "--opens", iso.string(from: now.addingTimeInterval(-86_400 * 10)),
            "--closes", iso.string(from: now.addingTimeInterval(86_400 * 10)),
        ])
        try cli.expectSuccess(["edition", "open", year])
        try cli.expectSuccess(["scheme", "set", "--edition", year])
        let countries = phase == .submissionsOpen ? ["FI", "SE"] : ["FI", "SE", "LT", "DK", "HU"]
        for country in countries {
            // Countries without a representative login of their own are sent by the secretariat.
            let owner = country == "FI" ? Login.representativeFI : country == "SE" ? .representativeSE : .secretariat
            let text = EntryCommandTests.entryFile(country: country, title: "Project of \(country) \(year)")
                .replacingOccurrences(of: "edition = 2018", with: "edition = \(year)")
            let file = try cli.file("\(country)-\(year).toml", text)
            try cli.expectSuccess(["entry", "submit", file, "--as", logins[owner]!.role])
        }
        for (login, country) in Self.jurorCountries.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            var arguments = ["jury", "add", "--edition", year, "--country", country, "--name", "Juror from \(country)"]
            if login == .advisoryBE { arguments.append("--advisory") }
            if login == .jurorAT { arguments.append("--chair") }
            if let existing = logins[login] {
                try cli.expectSuccess(arguments + [existing.role, "--existing-role"])
            } else {
                let role = TestDatabase.uniqueName("matrix_juror_" + country.lowercased())
                try cli.expectSuccess(arguments + [role, "--password-file", "-"], input: "password-\(role)\n")
                logins[login] = (role, "password-\(role)")
            }
        }
    }

    private func readIDs() throws {
        let admin = try cli.database.connect()
        for phase in Phase.editions {
            let year = Self.years[phase]!
            let edition: Int64 = try admin.queryOne("SELECT id FROM ecpa.editions WHERE year = \(year)")!.decode("id")
            editions[phase] = (edition, year)
            for row in try admin.query("SELECT id, country_code FROM ecpa.entries WHERE edition_id = \(edition)") {
                entries[phase, default: [:]][try row.decode("country_code")] = try row.decode("id")
            }
            for (login, credentials) in logins {
                if let seat = try admin.queryOne("SELECT id FROM ecpa.jurors WHERE edition_id = \(edition) AND role_name = \(credentials.role)") {
                    seats[phase, default: [:]][login] = try seat.decode("id")
                }
            }
        }
    }

    /// Eligibility, conflicts, scores, abstentions and the override of an edition whose scoring opens.
    private func score(_ phase: Phase) throws {
        let year = String(Self.years[phase]!)
        let entry = { (country: String) in String(self.entries[phase]![country]!) }
        for country in ["FI", "SE", "LT", "DK", "HU"] {
            try cli.expectSuccess(["entry", "eligibility", entry(country), "--eligible"])
        }
        for juror in [Login.jurorAT, .jurorFI] {
            try cli.expectSuccess([
                "jury", "conflict", "declare", "--edition", year, "--entry", entry("LT"),
                "--reason", "Advised the Lithuanian project.", "--as", logins[juror]!.role,
            ])
        }
        try cli.expectSuccess(["edition", "close", year])
        try cli.expectSuccess(["edition", "scoring", "open", year])
        let scored: [(Login, [String])] = [(.jurorAT, ["FI", "SE"]), (.jurorFI, ["SE", "DK"]), (.jurorBG, ["FI", "SE", "LT", "DK", "HU"])]
        for (juror, countries) in scored {
            for country in countries {
                let value = ["FI": 9, "SE": 8, "LT": 7, "DK": 6, "HU": 5][country]!
                let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"].flatMap { ["--criterion", "\($0)=\(value)"] }
                try cli.expectSuccess(["score", "enter", "--edition", year, "--entry", entry(country), "--as", logins[juror]!.role] + criteria)
            }
        }
        var abstentions: [(Login, String)] = [(.jurorAT, "HU"), (.jurorFI, "HU")]
        if phase != .scoring { abstentions.append((.jurorAT, "DK")) }
        for (juror, country) in abstentions {
            try cli.expectSuccess([
                "score", "enter", "--edition", year, "--entry", entry(country), "--abstain",
                "--comment", "Worked with this project.", "--as", logins[juror]!.role,
            ])
        }
        try cli.expectSuccess([
            "results", "override", "--edition", year, "--entry", entry("LT"), "--place", "2",
            "--reason", "The jury judged its evaluation stronger.",
        ])
    }

    /// A connection as one of the fixture's logins, with its password, over the network like psql.
    func connect(_ login: Login) throws -> Connection {
        try cli.database.connect(role: logins[login]!.role, password: logins[login]!.password)
    }

    /// The SQL text a target stands for in this database.
    func sql(for target: PermissionMatrix.Target) throws -> String {
        struct Missing: Error, CustomStringConvertible { var description: String }
        switch target {
        case .edition(let phase):
            guard let edition = editions[phase] else { throw Missing(description: "no edition for \(phase)") }
            return String(edition.id)
        case .year(let phase):
            guard let edition = editions[phase] else { throw Missing(description: "no edition for \(phase)") }
            return String(edition.year)
        case .entry(let country, let phase):
            guard let id = entries[phase]?[country] else { throw Missing(description: "no \(country) entry in \(phase)") }
            return String(id)
        case .seat(let login, let phase):
            guard let id = seats[phase]?[login] else { throw Missing(description: "no seat of \(login) in \(phase)") }
            return String(id)
        case .loginName(let login):
            guard let role = logins[login]?.role else { throw Missing(description: "no login \(login)") }
            return Self.literal(role)
        case .text(let text):
            return Self.literal(text)
        case .ranking(let phase):
            guard let edition = editions[phase] else { throw Missing(description: "no edition for \(phase)") }
            let admin = try cli.database.connect()
            // Overridden entries at their places, the others in id order on the places left, each
            // place with its medal: a ranking as ecpa would compute it, whatever its scores.
            let ranking: String = try admin.queryOne(
                """
                WITH e AS (
                    SELECT e.id, o.place AS fixed, o.reason
                    FROM ecpa.entries e LEFT JOIN ecpa.overrides o ON o.edition_id = e.edition_id AND o.entry_id = e.id
                    WHERE e.edition_id = \(edition.id) AND e.kind = 'competing' AND e.state = 'eligible'
                ), free AS (
                    SELECT g AS place, row_number() OVER (ORDER BY g) AS n
                    FROM generate_series(1, (SELECT count(*)::integer FROM e)) g
                    WHERE g NOT IN (SELECT fixed FROM e WHERE fixed IS NOT NULL)
                ), rest AS (
                    SELECT id, reason, row_number() OVER (ORDER BY id) AS n FROM e WHERE fixed IS NULL
                ), x AS (
                    SELECT id, fixed AS place, reason FROM e WHERE fixed IS NOT NULL
                    UNION ALL SELECT r.id, f.place, r.reason FROM rest r JOIN free f USING (n)
                )
                SELECT coalesce(jsonb_agg(jsonb_build_object('place', x.place, 'entry', x.id, 'score', 0, 'jurors', 0,
                                                             'medal', ecpa.medal_of_place(x.place::integer),
                                                             'shared', false, 'override_reason', x.reason)), '[]')::text AS ranking
                FROM x
                """)!.decode("ranking")
            return Self.literal(ranking) + "::jsonb"
        case .freshLogin:
            return Self.literal(freshLogin)
        case .victimProcess:
            return String(victimProcess)
        }
    }

    /// A cell's statement with its targets filled in.
    func statement(of cell: PermissionMatrix.Cell) throws -> String {
        try cell.template.map { part in
            switch part {
            case .text(let text): text
            case .target(let target): try sql(for: target)
            }
        }.joined()
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
