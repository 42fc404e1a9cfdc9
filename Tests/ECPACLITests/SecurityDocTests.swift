import Foundation
import Testing

/// docs/security.md cannot drift from the permission matrix the tests assert.
@Suite struct SecurityDocTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/security.md").standardized

    @Test func theMatrixInTheDocsIsTheOneTheTestsAssert() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        // ECPA_WRITE_SECURITY_DOC=1 (scripts/security-doc) writes the block from the data instead.
        if ProcessInfo.processInfo.environment["ECPA_WRITE_SECURITY_DOC"] == "1" {
            try PermissionMatrix.replacingMatrix(in: text).write(to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        let block = try #require(PermissionMatrix.matrixBlock(in: text), "docs/security.md has no matrix block")
        #expect(block == (try PermissionMatrix.markdown()), "docs/security.md shows another matrix than the tests assert: run scripts/security-doc")
    }

    @Test func theFiguresCountEveryCellOfTheMatrix() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let figures = try #require(Self.figures(in: text), "docs/security.md has no <!-- figures:begin --> ... <!-- figures:end --> block")
        let cells = try #require(Self.number(after: "Permission cells asserted: ", in: figures), "the figures give no cell count: \(figures)")
        #expect(
            cells == (try PermissionMatrix.cells()).count,
            "the figures count \(cells) cells, the matrix has \((try? PermissionMatrix.cells().count) ?? -1): run scripts/security-doc")
        // The number of attacks is known only after a run: scripts/test compares it with this run's.
    }

    static func figures(in text: String) -> String? {
        guard let begin = text.range(of: "<!-- figures:begin -->"), let end = text.range(of: "<!-- figures:end -->"),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return String(text[begin.upperBound..<end.lowerBound])
    }

    static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
