import ECPACLI
import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ

/// An edition in scoring with every kind of person, for the hostile-login suite: entries from FI,
/// LT and HU (eligible), the shipped scheme, voting jurors from AT, BG and FI (the Finnish one in
/// conflict with the Finnish entry by the own-country rule), an advisory juror, two secretariat
/// members, a public reader and a login in no ecpa group. Everyone connects with their own login
/// and password over a real connection, as a person in psql would.
final class HostileWorld: @unchecked Sendable {
    let cli: CLIHarness
    let admin: Connection

    struct Login: Sendable {
        var role: String
        var password: String
    }

    var representatives: [String: Login] = [:]
    var jurors: [String: Login] = [:]
    let advisory: Login
    let secretariat: Login
    let reader: Login
    let stranger: Login

    static let criteria = ["focus", "evaluation", "innovation", "cooperation", "transferability"]

    /// The world with the shipped scheme, or with `schemeFile` (a scheme file's text); `chair`
    /// names the country whose juror chairs the jury.
    init(schemeFile: String? = nil, chair: String? = nil) throws {
        cli = try CLIHarness()
        admin = try cli.database.connect()
        try cli.openEdition()
        for country in ["FI", "LT", "HU"] {
            let (role, password) = try cli.representative(country)
            representatives[country] = Login(role: role, password: password)
            try cli.expectSuccess([
                "entry", "submit", try cli.file("\(country).toml", EntryCommandTests.entryFile(country: country, title: "Project of \(country)")),
                "--as", role,
            ])
        }
        for id in 1...3 { try cli.expectSuccess(["entry", "eligibility", String(id), "--eligible"]) }
        if let schemeFile {
            try cli.expectSuccess(["scheme", "set", "--edition", "2018", "--file", try cli.file("scheme.toml", schemeFile)])
        } else {
            try cli.expectSuccess(["scheme", "set", "--edition", "2018"])
        }
        for country in ["AT", "BG", "FI"] {
            jurors[country] = try Self.juror(cli, country: country, advisory: false, chair: country == chair)
        }
        advisory = try Self.juror(cli, country: "RO", advisory: true)
        try cli.expectSuccess(["edition", "close", "2018"])
        try cli.expectSuccess(["edition", "scoring", "open", "2018"])

        let secretary = TestDatabase.uniqueName("sec")
        try cli.expectSuccess(
            ["user", "add", secretary, "--kind", "secretariat", "--name", "Second secretary", "--password-file", "-"],
            input: "password-\(secretary)\n")
        secretariat = Login(role: secretary, password: "password-\(secretary)")
        let readerRole = TestDatabase.uniqueName("reader")
        try admin.execute("CREATE ROLE \(identifier: readerRole) LOGIN PASSWORD \(unsafeRaw: "'password-\(readerRole)'") IN ROLE ecpa_reader")
        reader = Login(role: readerRole, password: "password-\(readerRole)")
        let strangerRole = TestDatabase.uniqueName("stranger")
        try admin.execute("CREATE ROLE \(identifier: strangerRole) LOGIN PASSWORD \(unsafeRaw: "'password-\(strangerRole)'")")
        stranger = Login(role: strangerRole, password: "password-\(strangerRole)")
    }

    static func juror(_ cli: CLIHarness, country: String, advisory: Bool, chair: Bool = false) throws -> Login {
        let role = TestDatabase.uniqueName(country.lowercased() + "_juror")
        try cli.expectSuccess(
            ["jury", "add", role, "--country", country, "--name", "Juror from \(country)", "--password-file", "-"]
                + (advisory ? ["--advisory"] : []) + (chair ? ["--chair"] : []), input: "password-\(role)\n")
        return Login(role: role, password: "password-\(role)")
    }

    /// A real connection as a login, with its password.
    func connect(_ login: Login) throws -> Connection {
        try cli.database.connect(role: login.role, password: login.password)
    }

    /// A juror gives every criterion of an entry the same value, through the CLI.
    func score(_ country: String, entry: Int, _ value: Int) throws {
        let values = Self.criteria.flatMap { ["--criterion", "\($0)=\(value)"] }
        try cli.expectSuccess(["score", "enter", "--entry", String(entry), "--as", jurors[country]!.role] + values)
    }

    /// Every required cell, so that the edition can be frozen.
    func scoreEverything() throws {
        try score("AT", entry: 1, 9); try score("BG", entry: 1, 8)
        try score("AT", entry: 2, 7); try score("BG", entry: 2, 8); try score("FI", entry: 2, 7)
        try score("AT", entry: 3, 6); try score("BG", entry: 3, 6); try score("FI", entry: 3, 9)
    }

    /// For the declaration's tests: a second edition with one eligible entry, closed, with a scheme of its own analysis settings; returns the scheme file.
    func closedEdition(year: Int = 2030, seed: Int = 42) throws -> String {
        let iso = ISO8601DateFormatter()
        let now = Date()
        try cli.expectSuccess([
            "edition", "create", "--year", String(year), "--theme", "Declarations", "--host", "DK",
            "--opens", iso.string(from: now.addingTimeInterval(-86_400)), "--closes", iso.string(from: now.addingTimeInterval(86_400)),
        ])
        try cli.expectSuccess(["edition", "open", String(year)])
        let text = EntryCommandTests.entryFile(country: "FI", title: "Finnish project \(year)")
            .replacingOccurrences(of: "edition = 2018", with: "edition = \(year)")
        try cli.expectSuccess(["entry", "submit", try cli.file("fi-\(year).toml", text), "--as", representatives["FI"]!.role])
        let entry: Int64 = try admin.query("SELECT max(id) AS id FROM ecpa.entries").first?.decode("id") ?? -1
        try cli.expectSuccess(["entry", "eligibility", String(entry), "--eligible"])
        let scheme = Self.scheme(seed: seed)
        try cli.expectSuccess(["scheme", "set", "--edition", String(year), "--file", try cli.file("scheme-\(seed).toml", scheme)])
        try cli.expectSuccess(["edition", "close", String(year)])
        return scheme
    }

    static func scheme(seed: Int) -> String {
        """
        name = "declared"
        note = "Two criteria; a note with \\"quotes\\", a back\\\\slash and\\na second line."
        method = "median"
        tie_breaks = ["head-to-head", "shared-place"]

        [criteria.focus]
        name = "Focus"
        description = "What the project aims at."
        weight = 1.5
        min = 0
        max = 10
        step = 0.5

        [criteria.evaluation]
        name = "Evaluated"
        weight = 2
        min = 1
        max = 5
        step = 1

        [analysis]
        resamples = 250
        seed = \(seed)
        interval_level = 0.95
        keep_chance = 0.75
        weight_radius = 0.05

        """
    }

    /// The seat id of a juror.
    func seat(_ country: String) throws -> Int64 {
        try admin.query("SELECT id FROM ecpa.jurors WHERE role_name = \(jurors[country]!.role)").first?.decode("id") ?? -1
    }

    /// A fingerprint of everything a person could want to change: if it is the same before and
    /// after an attack, nothing was written.
    func fingerprint() throws -> String {
        let tables = [
            "editions", "entries", "late_acceptances", "people", "jurors", "declared_conflicts", "schemes", "declarations",
            "criteria", "scores", "abstentions", "deliberation_entries", "revisions", "ballot_entries", "ballots", "ballot_salts",
            "medal_reasons", "minority_views", "decision_signoffs", "score_events", "score_batches", "ledger_head", "audit_log",
            "overrides", "frozen_results", "frozen_places", "archive_editions", "archive_awards",
        ]
        return try tables.map { table in
            try admin.query(
                """
                SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM \(identifier: "ecpa").\(identifier: table) t
                """
            ).first?.decode("h") ?? ""
        }.joined(separator: ":")
    }

    /// Runs a statement expected to fail; returns its error (nil when it succeeded).
    @discardableResult
    static func refusal(_ connection: Connection, _ sql: String) -> PQError? {
        do {
            try connection.executeScript(unsafeRaw: sql)
            return nil
        } catch let error as PQError {
            return error
        } catch {
            return PQError(kind: .usage, message: "\(error)")
        }
    }

    /// Ends whatever transaction a connection has open.
    static func rollback(_ connection: Connection) {
        try? connection.executeScript(unsafeRaw: "ROLLBACK")
    }
}
