import ArgumentParser
import ECPACore
import ECPAStore
import ECPALocal
import Foundation
import LibPQ

/// `ecpa demo`: plays an illustrative edition through the same commands people use.
struct DemoCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play the 2018 edition from the call for entries to the winners' report.",
        discussion: """
            Without --db the demo uses a fresh database `ecpa_demo` in the embedded local cluster \
            (made anew on every run), so it never touches real data. Each step prints the command \
            it runs and that command's real output. The edition, host, theme, medal winners and \
            their titles are the real 2018 ones; entry texts, the other entries and every score \
            are illustrative, chosen so the computed podium matches the real result.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("Run in this (empty, migrated or new) database instead.", valueName: "url"))
    var database: String?

    @Option(help: "Folder for the entry files and reports the demo writes (default: demo/ in the ecpa home).")
    var workDirectory: String?

    func run(in env: CLIEnvironment) throws {
        let conninfo = try prepareDatabase(env)
        let folder = try workFolder(env)
        var demoEnv = env
        demoEnv.variables["ECPA_DATABASE_URL"] = conninfo
        let probe = try DatabaseTarget.open(conninfo, hint: "Check --db.", env: env, purpose: .command)
        let existing = try Set(DemoScript.roles.filter { try PersonRepository(probe).roleExists($0) })
        probe.close()
        let script = DemoScript(
            env: demoEnv, folder: folder, now: env.now(), existingRoles: existing,
            program: Self.program(invokedAs: CommandLine.arguments.first ?? "ecpa", in: FileManager.default.currentDirectoryPath))
        try script.play()
    }

    /// How a shell runs this same program again: the name it was called by when the shell found it
    /// on the PATH (no slash), else its absolute path.
    static func program(invokedAs argument: String, in directory: String) -> String {
        guard argument.contains("/") else { return argument }
        let url = argument.hasPrefix("/") ? URL(fileURLWithPath: argument) : URL(fileURLWithPath: directory).appendingPathComponent(argument)
        return url.standardizedFileURL.path
    }

    /// Where the demo writes its entry files and report: the given folder, else `demo/` in the
    /// ecpa home (emptied on each run) for the embedded database, else a new temporary folder.
    private func workFolder(_ env: CLIEnvironment) throws -> URL {
        let url: URL
        if let workDirectory {
            url = URL(fileURLWithPath: workDirectory, isDirectory: true)
        } else if database == nil {
            url = LocalCluster.defaultHome(environment: env.variables).appendingPathComponent("demo", isDirectory: true)
            try? FileManager.default.removeItem(at: url)
        } else {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("ecpa-demo-\(UUID().uuidString)", isDirectory: true)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh `ecpa_demo` database in the local cluster, or the database given with --db.
    private func prepareDatabase(_ env: CLIEnvironment) throws -> String {
        if let database { return database }
        let cluster = LocalCluster(home: LocalCluster.defaultHome(environment: env.variables), environment: env.variables)
        env.info("Starting the local database in \(cluster.home.path)")
        try cluster.start(progress: { env.info($0) })
        let admin = try DatabaseTarget.open(cluster.conninfo, hint: "Try `ecpa local status`.", env: env, purpose: .migration)
        try admin.execute("DROP DATABASE IF EXISTS ecpa_demo WITH (FORCE)")
        for role in DemoScript.roles {
            try admin.execute("DROP ROLE IF EXISTS \(identifier: role)")
        }
        try admin.execute("CREATE DATABASE ecpa_demo")
        admin.close()
        return cluster.conninfo.replacingOccurrences(of: "dbname=\(LocalCluster.database)", with: "dbname=ecpa_demo")
    }
}
