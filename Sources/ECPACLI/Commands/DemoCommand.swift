import ArgumentParser
import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `ecpa demo`: plays an illustrative edition through the same commands people use.
struct DemoCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play an illustrative edition from the call for entries onwards.",
        discussion: """
            Without --db the demo uses a fresh database `ecpa_demo` in the embedded local cluster \
            (made anew on every run), so it never touches real data. Each step prints the command \
            it runs and that command's real output. Entry texts are illustrative.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("Run in this (empty, migrated or new) database instead.", valueName: "url"))
    var database: String?

    @Option(help: "Folder for the entry files the demo writes (default: a temporary folder).")
    var workDirectory: String?

    func run(in env: CLIEnvironment) throws {
        let conninfo = try prepareDatabase(env)
        let folder = try workFolder()
        var demoEnv = env
        demoEnv.variables["ECPA_DATABASE_URL"] = conninfo
        let probe = try Connection(conninfo: conninfo)
        let existing = try Set(DemoScript.roles.filter { try PersonRepository(probe).roleExists($0) })
        probe.close()
        let script = DemoScript(env: demoEnv, folder: folder, now: env.now(), existingRoles: existing)
        try script.play()
    }

    private func workFolder() throws -> URL {
        let url = URL(fileURLWithPath: workDirectory ?? NSTemporaryDirectory())
            .appendingPathComponent(workDirectory == nil ? "ecpa-demo-\(getpid())" : "", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh `ecpa_demo` database in the local cluster, or the database given with --db.
    private func prepareDatabase(_ env: CLIEnvironment) throws -> String {
        if let database { return database }
        let cluster = LocalCluster(home: LocalCluster.defaultHome(environment: env.variables))
        env.info("Starting the local database in \(cluster.home.path)")
        try cluster.start(progress: { env.info($0) })
        let admin = try Connection(conninfo: cluster.conninfo)
        try admin.execute("DROP DATABASE IF EXISTS ecpa_demo WITH (FORCE)")
        for role in DemoScript.roles {
            try admin.execute("DROP ROLE IF EXISTS \(identifier: role)")
        }
        try admin.execute("CREATE DATABASE ecpa_demo")
        admin.close()
        return cluster.conninfo + " dbname=ecpa_demo"
    }
}

/// The steps of the demo, each an `ecpa` command line run through the real command code.
struct DemoScript {
    static let roles = ["demo_fi", "demo_lt", "demo_secretariat"]

    let env: CLIEnvironment
    let folder: URL
    let now: Date
    /// Demo logins left from an earlier run on the same server are linked, not created again.
    let existingRoles: Set<String>

    func play() throws {
        let brussels = TimeZone(identifier: "Europe/Brussels") ?? .current
        let opens = LocalTime.formatISO(now.addingTimeInterval(-3600), in: brussels)
        let closes = LocalTime.formatISO(now.addingTimeInterval(14 * 86_400), in: brussels)

        section("The schema")
        try run(["db", "migrate"])

        section("The secretariat creates the 2018 edition and opens the call (the window is set around today so the demo can submit)")
        try run(["edition", "create", "--year", "2018", "--theme", "Community Policing", "--host", "AT",
                 "--city", "Vienna", "--conference-start", "2018-12-04", "--conference-end", "2018-12-06",
                 "--prize-gold", "10000", "--prize-silver", "5000", "--prize-bronze", "5000"])
        try run(["edition", "open", "2018", "--opens", opens, "--closes", closes])

        section("The secretariat registers two national representatives")
        try run(["user", "add", "demo_fi", "--kind", "national-representative", "--country", "FI",
                 "--name", "Finnish representative (demo)"] + login("demo_fi"), input: "demo-password-fi\n")
        try run(["user", "add", "demo_lt", "--kind", "national-representative", "--country", "LT",
                 "--name", "Lithuanian representative (demo)"] + login("demo_lt"), input: "demo-password-lt\n")

        section("Each representative fills in the template, checks it and submits it")
        let finland = try write(DemoEntries.finland, name: "entry-fi.toml")
        let lithuania = try write(DemoEntries.lithuania, name: "entry-lt.toml")
        try run(["entry", "validate", finland])
        try run(["entry", "submit", finland, "--as", "demo_fi"])
        try run(["entry", "validate", lithuania])
        try run(["entry", "submit", lithuania, "--as", "demo_lt"])

        section("The database refuses what the rules forbid, whoever asks")
        let second = try write(DemoEntries.finland.replacingOccurrences(of: "The Forssa approach", with: "A second Finnish project"), name: "entry-fi-second.toml")
        try run(["entry", "submit", second, "--as", "demo_fi"], expectFailure: true)
        try run(["entry", "submit", lithuania, "--as", "demo_fi"], expectFailure: true)

        section("The secretariat lists the entries")
        try run(["entry", "list", "--edition", "2018"])
        env.print("")
        env.print("Demo finished. The entry files are in \(folder.path). Entry texts are illustrative.")
        if let url = env.variables["ECPA_DATABASE_URL"] {
            env.print("Look around: ECPA_DATABASE_URL='\(url)' ecpa entry list")
        }
    }

    /// How `user add` gets the login: a new one with a password on standard input, or the existing one.
    private func login(_ role: String) -> [String] {
        existingRoles.contains(role) ? ["--existing-role"] : ["--password-file", "-"]
    }

    private func section(_ title: String) {
        env.print("")
        env.print("== \(title)")
    }

    private func write(_ text: String, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func run(_ arguments: [String], input: String = "", expectFailure: Bool = false) throws {
        env.print("$ ecpa " + arguments.map(Self.shellQuoted).joined(separator: " "))
        var stepEnv = env
        stepEnv.readStandardInput = { Data(input.utf8) }
        stepEnv.writeError = env.write
        let status = ECPACommand.run(arguments: arguments, in: stepEnv)
        if expectFailure {
            guard status != 0 else { throw CLIError("The demo expected `ecpa \(arguments.joined(separator: " "))` to be refused, and it was not.") }
            env.print("(refused as expected, exit status \(status))")
        } else if status != 0 {
            throw CLIError("The demo stopped: `ecpa \(arguments.joined(separator: " "))` failed with exit status \(status).")
        }
    }

    static func shellQuoted(_ argument: String) -> String {
        let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=+@".contains($0) }
        return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
