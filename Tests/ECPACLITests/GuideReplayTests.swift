import Foundation
import Testing

/// The guides in docs/ run as written: each is replayed against a fresh database.
@Suite struct GuideReplayTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs").standardized

    static var guides: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter { $0.hasPrefix("guide-") && $0.hasSuffix(".md") }.sorted()
    }

    @Test(arguments: guides)
    func guideRunsAsWritten(_ name: String) throws {
        let markdown = try String(contentsOf: Self.docs.appendingPathComponent(name), encoding: .utf8)
        let guide = GuideReplay(markdown: markdown)
        #expect(!guide.steps.isEmpty, "\(name) shows no commands")
        let (mismatches, outputs) = try guide.replay(in: try CLIHarness())
        // ECPA_REFRESH_GUIDES=1 rewrites the shown output from this run (then review the diff).
        if ProcessInfo.processInfo.environment["ECPA_REFRESH_GUIDES"] == "1" {
            try guide.refreshed(markdown, outputs: outputs).write(to: Self.docs.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        #expect(mismatches.isEmpty, "\(name):\n\(mismatches.map(\.description).joined(separator: "\n\n"))")
    }

    @Test func thereAreGuidesForEveryRole() {
        for role in ["secretariat", "national-representative", "juror"] {
            #expect(Self.guides.contains("guide-\(role).md"), "docs/guide-\(role).md is missing")
        }
    }
}
