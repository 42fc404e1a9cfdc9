import ECPACore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// The bad-input corpus (issue 9, item 8): every input is refused with its pinned message and
/// exit status, and nothing is written: neither a row of the ecpa tables nor a file.
@Suite struct BadInputCorpusTests {
    @Test(arguments: BadInputCorpus.cases)
    func isRefusedAsPinnedAndNothingIsWritten(_ input: BadInput) throws {
        let cli = try CLIHarness(database: try TestDatabase.make(cloning: try input.world.template()))
        for file in input.files {
            let url = cli.folder.appendingPathComponent(file.name)
            switch file.content {
            case .text(let text): try Data(text.utf8).write(to: url)
            case .bytes(let bytes): try Data(bytes).write(to: url)
            case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
        let arguments = try input.arguments().map { Self.resolve($0, input: input, folder: cli.folder) }
        let before = try Self.fingerprint(cli)

        let result = cli.run(arguments, input: input.input, environment: input.environment)

        let after = try Self.fingerprint(cli)
        let error = Self.shown(result.error, folder: cli.folder)
        let output = Self.shown(result.output, folder: cli.folder)
        let nothingWritten = before == after
        let held = result.status == input.exit && error == input.error && output == input.output && nothingWritten
        BadInputCorpus.log(input, held: held)
        #expect(result.status == input.exit, "exit status")
        #expect(error == input.error, "standard error")
        #expect(output == input.output, "standard output")
        #expect(nothingWritten, "something was written: \(Self.differences(before, after))")
    }

    @Test func theCorpusHasSixtyCasesOrMoreOfEveryKindWithUniqueNames() {
        let cases = BadInputCorpus.cases
        #expect(cases.count >= 60, "only \(cases.count) cases")
        for kind in BadInput.Kind.allCases {
            #expect(cases.filter { $0.kind == kind }.count >= 5, "too few cases of \(kind.rawValue)")
        }
        let names = cases.map(\.name)
        #expect(Set(names).count == names.count, "names given twice: \(names.filter { name in names.filter { $0 == name }.count > 1 })")
        #expect(names.allSatisfy { $0.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil })
    }

    /// A word naming one of the case's files, or a file name of the kinds cases feed, points into
    /// the case's folder.
    static func resolve(_ word: String, input: BadInput, folder: URL) -> String {
        let named = input.files.contains { $0.name == word }
        let fileLike = [".toml", ".csv", ".pw", ".txt"].contains { word.hasSuffix($0) } && !word.contains("/") && !word.contains("=")
        return named || fileLike ? folder.appendingPathComponent(word).path : word
    }

    /// What a person sees, with the case's folder left out (files by their names) and the test
    /// server's address, which differs from one machine to another, as {server}.
    static func shown(_ text: String, folder: URL) -> String {
        text.replacingOccurrences(of: folder.path + "/", with: "")
            .replacingOccurrences(
                of: #"Connection to server (on socket "[^"]*"|at "[^"]*"( \([^)]*\))?, port [0-9]+)"#,
                with: "Connection to server {server}", options: .regularExpression)
    }

    /// Every ecpa table's rows (as the administrator, who sees them all) and every file of the
    /// case's folder, hashed.
    static func fingerprint(_ cli: CLIHarness) throws -> [String: String] {
        let admin = try cli.database.connect()
        defer { admin.close() }
        var print: [String: String] = [:]
        let tables = try admin.query(
            """
            SELECT schemaname || '.' || tablename AS name FROM pg_tables
            WHERE schemaname IN ('ecpa', 'ecpa_meta') ORDER BY 1
            """)
        for table in tables {
            let name: String = try table.decode("name")
            let parts = name.split(separator: ".").map(String.init)
            let row = try admin.query(
                """
                SELECT count(*)::text || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h
                FROM \(identifier: parts[0]).\(identifier: parts[1]) t
                """
            ).first
            print[name] = try row?.decode("h") ?? ""
        }
        let files = FileManager.default.enumerator(at: cli.folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        for file in files {
            // The whole content's digest: Data's hashValue need not look at every byte.
            let data = (try? Data(contentsOf: file)) ?? Data("(folder)".utf8)
            print["file " + file.path.replacingOccurrences(of: cli.folder.path, with: "")] = SHA256.hex(bytes: Array(data))
        }
        return print
    }

    static func differences(_ before: [String: String], _ after: [String: String]) -> String {
        Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }.joined(separator: ", ")
    }
}
