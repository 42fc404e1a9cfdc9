import ArgumentParser
import ECPAUseCases
import Foundation

/// `ecpa site`: the public results site.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the public results site: every published edition, its entries and the archive.",
        subcommands: [Build.self]
    )

    struct Build: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the public site into a folder: static HTML and CSS, no script, no external requests.",
            discussion: """
                A home page (the editions, newest first, and the all-time medal table), a page per \
                published edition (podium with the jury's reasons, how the jury decided, every entry \
                with its summary, the digest), a page per entry (its Annex I answers) and the archive \
                of past editions with how sure each fact is. Only published data: the site is read \
                through the records PostgreSQL publishes to everyone, whoever builds it, so a reader's \
                login builds the same site as the secretariat's. Rebuilding with nothing new writes the \
                same bytes. Open index.html in a browser, or copy the folder to any web server.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The folder to write the site into (created if missing).") var folder: String

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            let site = try PublicSite.load(db: db)
            let root = URL(fileURLWithPath: folder, isDirectory: true)
            for file in site.files {
                let url = root.appendingPathComponent(file.path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: url, options: .atomic)
                } catch {
                    throw CLIError("Cannot write \(url.path): \(error.localizedDescription)", status: .noInput)
                }
            }
            let editions = site.editions.map { String($0.edition.year) }
            env.info(
                "Wrote the public site (\(site.files.count) files; "
                    + (editions.isEmpty ? "no edition is published yet" : "published editions: \(editions.joined(separator: ", "))")
                    + ") to \(root.path). Open \(root.appendingPathComponent("index.html").path) in a browser.")
        }
    }
}
