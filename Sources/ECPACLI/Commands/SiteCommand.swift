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

        /// The file that marks a folder as a site ecpa wrote, so a rebuild may replace it whole.
        static let marker = ".ecpa-site"

        func run(in env: CLIEnvironment) throws {
            let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
            let manager = FileManager.default
            let present = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
            if !present.isEmpty && !present.contains(Self.marker) {
                throw CLIError(
                    "\(root.path) holds files that are not a site ecpa wrote; give a new or empty folder, so that nothing else is replaced.",
                    status: .refused)
            }
            let db = try connection.connect(env)
            let site = try PublicSite.load(db: db)
            // Written beside the folder, then put in its place whole: a file of an earlier build
            // that this one has not (a page since withdrawn) does not survive, and a failure
            // leaves the earlier site as it was.
            let staging = root.deletingLastPathComponent().appendingPathComponent(".\(root.lastPathComponent).ecpa-\(UUID().uuidString)")
            defer { try? manager.removeItem(at: staging) }
            let files = site.files + [(path: Self.marker, text: "This folder is a public site written by ecpa; each build replaces it whole.\n")]
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                do {
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: url)
                } catch {
                    throw CLIError("Cannot write \(url.path): \(error.localizedDescription)", status: .noInput)
                }
            }
            do {
                if manager.fileExists(atPath: root.path) {
                    let earlier = staging.appendingPathExtension("earlier")
                    try manager.moveItem(at: root, to: earlier)
                    do {
                        try manager.moveItem(at: staging, to: root)
                    } catch {
                        try? manager.moveItem(at: earlier, to: root)
                        throw error
                    }
                    try? manager.removeItem(at: earlier)
                } else {
                    try manager.moveItem(at: staging, to: root)
                }
            } catch {
                throw CLIError("Cannot put the site in \(root.path): \(error.localizedDescription)", status: .noInput)
            }
            let editions = site.editions.map { String($0.edition.year) }
            env.info(
                "Wrote the public site (\(site.files.count - 1) pages and a stylesheet; "
                    + (editions.isEmpty ? "no edition is published yet" : "published editions: \(editions.joined(separator: ", "))")
                    + ") to \(root.path). Open \(root.appendingPathComponent("index.html").path) in a browser.")
        }
    }
}
