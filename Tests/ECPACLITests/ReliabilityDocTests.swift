import Foundation
import Testing

/// docs/reliability.md cannot drift from the bad-input corpus the tests run.
@Suite struct ReliabilityDocTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/reliability.md").standardized

    @Test func theCasesInTheDocsAreTheOnesTheTestsRun() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        // ECPA_WRITE_RELIABILITY_DOC=1 (scripts/reliability-doc) writes the block from the data instead.
        if ProcessInfo.processInfo.environment["ECPA_WRITE_RELIABILITY_DOC"] == "1" {
            try BadInputCorpus.replacingBlock(in: text).write(to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        let block = try #require(BadInputCorpus.block(in: text), "docs/reliability.md has no corpus block")
        #expect(block == BadInputCorpus.markdown(), "docs/reliability.md shows other cases than the tests run: run scripts/reliability-doc")
    }

    @Test func theFiguresCountEveryCaseOfEveryKind() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let figures = try #require(
            SecurityDocTests.figures(in: text), "docs/reliability.md has no <!-- figures:begin --> ... <!-- figures:end --> block")
        #expect(
            SecurityDocTests.number(after: "Bad-input cases run: ", in: figures) == BadInputCorpus.cases.count,
            "the figures give another total than the corpus has (\(BadInputCorpus.cases.count)): run scripts/reliability-doc")
        for kind in BadInput.Kind.allCases {
            let count = BadInputCorpus.cases.filter { $0.kind == kind }.count
            #expect(
                SecurityDocTests.number(after: "\(kind.title.lowercased()) ", in: figures) == count,
                "the figures count \(kind.title.lowercased()) otherwise than the corpus (\(count)): run scripts/reliability-doc")
        }
        // Whether each case held is known only after a run: scripts/test compares the log with these figures.
    }
}
