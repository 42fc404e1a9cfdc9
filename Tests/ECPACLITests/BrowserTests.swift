import Foundation
import Testing

/// Every kind of HTML page ecpa writes, looked at in a real browser (issue 12, item 4): headless
/// Chromium at 1280 and 360 pixels and printed to PDF, with the axe-core accessibility rules
/// (WCAG 2.1 A and AA, and its best practices), through scripts/lib/check-pages.py. scripts/test installs Chromium, its
/// driver and the Python packages; the checker's Python is ECPA_BROWSER_PYTHON, else the virtual
/// environment scripts/test makes in .build/browser-env.
@Suite(.serialized) struct BrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["ECPA_BROWSER_PYTHON"] ?? root.appendingPathComponent(".build/browser-env/bin/python").path
    }

    /// What the checker saw of one page: a line per width, and one for paper.
    struct Seen {
        var widths: [Int: [String: Any]] = [:]
        var paper: [String: Any] = [:]
    }

    /// Runs the checker on the pages; fails the test with the checker's words when it cannot run.
    static func look(at pages: [String]) throws -> [String: Seen] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("scripts/lib/check-pages.py").path] + pages
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            throw CLIHarness.HarnessError(
                message: "No browser checker at \(python) (\(error)): scripts/test installs Chromium and the Python packages it needs.")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIHarness.HarnessError(message: "The browser checker failed (\(process.terminationStatus)): \(problems)")
        }
        var seen: [String: Seen] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let page = object["page"] as? String
            else { continue }
            if let width = object["width"] as? Int {
                seen[page, default: Seen()].widths[width] = object
            } else {
                seen[page, default: Seen()].paper = object
            }
        }
        return seen
    }

    @Test func everyPageFitsAPhoneReadsOutAndPrintsOnA4() throws {
        let fixture = try FeedbackLetterTests()
        let cli = fixture.cli
        try fixture.finish()
        let folder = cli.folder
        try cli.expectSuccess(["site", "build", folder.appendingPathComponent("site").path])
        try cli.expectSuccess([
            "report", "winners", "--edition", "2018", "--format", "html", "-o", folder.appendingPathComponent("winners.html").path,
        ])
        try cli.expectSuccess([
            "report", "booklet", "--edition", "2018", "--format", "html", "-o", folder.appendingPathComponent("booklet.html").path,
        ])
        try cli.expectSuccess(["report", "feedback", "--edition", "2018", "--entry", "1", "-o", folder.path])
        let withPodium = ["site/2018/index.html", "winners.html"].map { folder.appendingPathComponent($0).path }
        let gold = folder.appendingPathComponent("2018-entry-1-FI.html").path
        let pages =
            withPodium + [gold]
            + ["site/index.html", "site/archive.html", "site/2018/entry-1.html", "booklet.html"].map { folder.appendingPathComponent($0).path }

        let seen = try Self.look(at: pages)
        #expect(Set(seen.keys) == Set(pages))
        for page in pages {
            let name = String(page.dropFirst(folder.path.count + 1))
            for width in [1280, 360] {
                guard let look = seen[page]?.widths[width] else {
                    Issue.record("\(name) was not looked at \(width) px wide")
                    continue
                }
                #expect((look["overflow"] as? [String]) == [], "\(name) at \(width) px: wider than the screen: \(look["overflow"] ?? "")")
                #expect((look["scroll_width"] as? Int) == width, "\(name) at \(width) px scrolls sideways")
                #expect((look["squeezed"] as? [String]) == [], "\(name) at \(width) px: text squeezed: \(look["squeezed"] ?? "")")
                #expect((look["h1"] as? Int) == 1, "\(name): \(look["h1"] ?? 0) h1 headings")
                #expect(((look["smallest_text"] as? Double) ?? 0) >= 12, "\(name) at \(width) px: text of \(look["smallest_text"] ?? 0) px")
                let violations = look["violations"] as? [[String: Any]] ?? [["id": "no answer from axe"]]
                #expect(violations.isEmpty, "\(name) at \(width) px breaks WCAG 2.1 A/AA: \(violations)")
                if withPodium.contains(page) {
                    #expect((look["podium"] as? [String]) == ["gold", "silver", "bronze"], "\(name): podium \(look["podium"] ?? "")")
                }
                if withPodium.contains(page) || page == gold {
                    #expect(((look["reasons"] as? Int) ?? 0) > 0, "\(name) shows no reasons")
                }
            }
            let paper = seen[page]?.paper ?? [:]
            let size = paper["pdf_size_mm"] as? [Double] ?? []
            #expect(size.count == 2 && abs(size[0] - 210) < 1 && abs(size[1] - 297) < 1, "\(name) prints on \(size) mm, not A4")
            #expect(((paper["pdf_pages"] as? Int) ?? 0) > 0, "\(name) printed no page")
            #expect((paper["headings_kept"] as? Bool) == true, "\(name): a heading may be parted from what follows on paper")
            if withPodium.contains(page) {
                let colours = paper["medal_colours"] as? [String] ?? []
                #expect(colours.count == 3 && colours.allSatisfy { $0.hasSuffix(" exact") }, "\(name): medal colours on paper: \(colours)")
            }
        }
    }

    /// The checker itself sees what is wrong: a page that scrolls sideways, has tiny text, low
    /// contrast and no language, printed on US Letter.
    @Test func theCheckerSeesABadPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecpa-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("bad.html")
        let html = """
            <!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"><title>Bad</title><style>@page { size: letter; }</style></head>
            <body><h2>No h1</h2><table style="width: 900px"><tr><td>wide</td></tr></table>
            <p style="color: #bbb; font-size: 8px">pale and small</p></body></html>
            """
        try Data(html.utf8).write(to: page)
        let look = try #require(try Self.look(at: [page.path])[page.path])
        let narrow = try #require(look.widths[360])
        #expect(!(narrow["overflow"] as? [String] ?? []).isEmpty)
        #expect((narrow["scroll_width"] as? Int ?? 0) > 360)
        #expect((narrow["smallest_text"] as? Double ?? 99) < 12)
        let rules = Set((narrow["violations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(rules.isSuperset(of: ["html-has-lang", "color-contrast", "page-has-heading-one"]), "axe found \(rules)")
        let size = look.paper["pdf_size_mm"] as? [Double] ?? []
        #expect(size.count == 2 && abs(size[0] - 215.9) < 1, "printed on \(size)")
    }
}
