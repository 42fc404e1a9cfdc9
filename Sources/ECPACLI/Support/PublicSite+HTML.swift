import ECPACore
import ECPAUseCases
import Foundation

/// The public site as files: a home page, a page per published edition and per entry, the archive
/// and one stylesheet. Static HTML and CSS with relative links only, so it works from a folder, a
/// USB stick or any web server; no script, no request to anywhere.
extension PublicSite {
    /// Each file's path inside the site and its text, in a fixed order.
    var files: [(path: String, text: String)] {
        var files: [(String, String)] = [("style.css", HTMLPage.css + "\n"), ("index.html", home), ("archive.html", archivePage)]
        for pages in editions {
            let year = pages.edition.year
            files.append(("\(year)/index.html", editionPage(pages)))
            for item in pages.booklet.items {
                files.append(("\(year)/\(Self.entryFile(item)).html", entryPage(item, of: pages)))
            }
        }
        return files
    }

    static func entryFile(_ item: Booklet.Item) -> String { "entry-\(item.entry.rawValue)" }

    /// An entry's place as the public reads it: its medal on the podium, below it the band of
    /// places the feedback letters give (`FeedbackLetter.band`), never a finer order.
    static func placeText(_ place: RankedEntry, ranked: Int) -> String {
        if let medal = place.medal { return "\(medal.rawValue.capitalized) medal" }
        if let band = FeedbackLetter.band(place: place.place, ranked: ranked) {
            return "Placed between \(band.lowerBound) and \(band.upperBound)"
        }
        return "Place \(place.place)"
    }

    private static let kicker = "<p class=\"kicker\">European Crime Prevention Award</p>"

    /// Links back to the home page and the archive, from `depth` folders down.
    private static func navigation(depth: Int) -> String {
        let up = String(repeating: "../", count: depth)
        return "<nav aria-label=\"Site\"><p><a href=\"\(up)index.html\">All editions</a> · <a href=\"\(up)archive.html\">Past editions</a></p></nav>"
    }

    var home: String {
        var body = "<header>\(Self.kicker)<h1>Results of the European Crime Prevention Award</h1>"
        body +=
            "<p>Every year the country holding the EU presidency hosts the award; each member state sends a project, and a jury chooses gold, silver and bronze. These pages show what the jury published.</p></header>\n"
        body += "<h2>Editions</h2>"
        if editions.isEmpty { body += "<p>No edition has been published here yet; the past editions are in the archive.</p>" }
        body += "<ul class=\"entries\">"
        let pagesByYear = Dictionary(editions.map { ($0.edition.year, $0) }, uniquingKeysWith: { first, _ in first })
        let archiveByYear = Dictionary(archive.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
        for year in Set(pagesByYear.keys).union(archiveByYear.keys).sorted(by: >) {
            if let pages = pagesByYear[year] {
                let report = pages.report
                let podium = report.ranking.podium.map { "\($0.medal?.rawValue.capitalized ?? "Place \($0.place)"): \(report.countryName($0.entry))" }
                body += "<li><a href=\"\(year)/index.html\">\(year): \(HTML.text(pages.edition.theme))</a>"
                body += "<br>\(HTML.text(report.host)). \(HTML.text(podium.joined(separator: ", "))).</li>"
            } else if let edition = archiveByYear[year] {
                let theme = edition.theme.value.map { ": " + $0 } ?? ""
                body += "<li><a href=\"archive.html#year-\(year)\">\(year)\(HTML.text(theme))</a>"
                body += "<br>\(HTML.text(Self.archiveLine(edition))).</li>"
            }
        }
        body += "</ul><p>Every past edition, with how sure each fact is: <a href=\"archive.html\">past editions</a>.</p>"
        body += "<h2>All-time medal table</h2><p>\(HTML.text(Self.medalTableSentence))</p>"
        body += HTMLPage.table(
            caption: "Medals by country, most first",
            header: ["Country", "Gold", "Silver", "Bronze", "Total", "Awarded without a place", "Not confirmed"],
            rows: medalTable.rows.map {
                [$0.name, String($0.gold), String($0.silver), String($0.bronze), String($0.total), String($0.unordered), String($0.uncertain)]
            },
            numeric: [1, 2, 3, 4, 5, 6])
        return HTMLPage.document(title: "European Crime Prevention Award: results", body: body, styles: .linked("style.css"))
    }

    /// An archive year in one line: its host and its first award, as far as they are known.
    static func archiveLine(_ edition: ArchiveEdition) -> String {
        let host = "Host: " + fact(edition.host.value.map { Country.named($0)?.name ?? $0.rawValue }, edition.host.certainty)
        guard let award = edition.awards.first(where: { $0.kind == .gold }) ?? edition.awards.first else {
            return host + "; no award on record"
        }
        return host + "; \(award.kind.rawValue): " + fact(award.country.value.map { Country.named($0)?.name ?? $0.rawValue }, award.country.certainty)
    }

    static let medalTableSentence =
        "Counted from the archive: every edition published here, and the earlier ones as the secretariat's research found them. Gold, silver and bronze count only medals a source confirms; an award without a place (a runner-up, a special distinction) and an award with an inferred fact are counted in their own columns."

    var archivePage: String {
        var body = "<header>\(Self.kicker)<h1>Past editions</h1>\(Self.navigation(depth: 0))"
        body +=
            "<p>What is known of each edition. Each fact says how sure it is: confirmed (a source says so), inferred (deduced, not confirmed by a source) or not known.</p></header>\n"
        for edition in archive {
            body += "<section aria-labelledby=\"year-\(edition.year)\"><h2 id=\"year-\(edition.year)\">\(edition.year)</h2><dl>"
            let facts: [(String, String?, Certainty)] = [
                ("Host", edition.host.value.map { Country.named($0)?.name ?? $0.rawValue }, edition.host.certainty),
                ("City", edition.city.value, edition.city.certainty),
                ("Dates", edition.dates.value, edition.dates.certainty),
                ("Theme", edition.theme.value, edition.theme.certainty),
            ]
            for (label, value, certainty) in facts {
                body += "<dt>\(label)</dt><dd>\(HTML.text(Self.fact(value, certainty)))</dd>"
            }
            body += "</dl>"
            if !edition.awards.isEmpty {
                body += "<ul>"
                for award in edition.awards {
                    // As sure as the less sure of the award and its country, as the medal table counts it.
                    let country = award.country.value.map { Country.named($0)?.name ?? $0.rawValue }
                    var line = "\(award.kind.rawValue.capitalized): \(Self.fact(country, max(award.kindCertainty, award.country.certainty)))"
                    if let title = award.title.value { line += ", “\(title)”" }
                    if let note = award.note { line += ". \(note)" }
                    body += "<li>\(HTML.text(line))</li>"
                }
                body += "</ul>"
            }
            if let note = edition.note { body += "<p class=\"note\">\(HTML.text(note))</p>" }
            body += "</section>\n"
        }
        return HTMLPage.document(title: "European Crime Prevention Award: past editions", body: body, styles: .linked("style.css"))
    }

    /// A fact with its certainty in words.
    static func fact(_ value: String?, _ certainty: Certainty) -> String {
        switch (value, certainty) {
        case (_, .unknown): "not known"
        case (nil, _): "none"
        case (let value?, .inferred): "\(value) (inferred, not confirmed by a source)"
        case (let value?, .confirmed): "\(value) (confirmed)"
        }
    }

    func editionPage(_ pages: PublicSite.EditionPages) -> String {
        let report = pages.report
        let edition = pages.edition
        var body = "<header>\(Self.kicker)<h1>The \(edition.year) award</h1>\(Self.navigation(depth: 1))"
        body += "<p class=\"meta\">\(HTML.text(edition.theme)) · \(HTML.text(report.host)) · \(HTML.text(report.dates))</p></header>\n"
        body += "<h2>Podium</h2>" + report.podiumHTML + "\n" + report.reasonsHTML
        body += "<h2>How the jury decided</h2><p>\(HTML.text(report.plainDecisionSentence))</p>"
        body += "<ul>" + report.plainSummary.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>"
        body += HTMLPage.details(
            summary: "The figures behind the decision",
            body: "<p>\(HTML.text(report.decisionSentence))</p>" + report.statisticsHTML)
        body += "<h2>The entries</h2>"
        let places = Dictionary(report.ranking.places.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
        let ranked = report.ranking.places.count
        for kind in [EntryKind.competing, .additional] {
            // Competing entries by place (a band below the podium, as the letters give it), then
            // entry number; the additional ones by entry number.
            let items = pages.booklet.items.filter { $0.kind == kind }
                .sorted { (places[$0.entry]?.place ?? .max, $0.entry.rawValue) < (places[$1.entry]?.place ?? .max, $1.entry.rawValue) }
            guard !items.isEmpty else { continue }
            body += "<h3>\(kind == .competing ? "Competing entries" : "Additional entries, not competing")</h3><ul class=\"entries\">"
            for item in items {
                body += "<li><a href=\"\(Self.entryFile(item)).html\">\(HTML.text(item.country)): \(HTML.text(item.title))</a>"
                if let place = places[item.entry] { body += "<br><strong>\(HTML.text(Self.placeText(place, ranked: ranked)))</strong>" }
                if !item.summary.isEmpty { body += "<br>\(HTML.text(item.summary))" }
                body += "</li>"
            }
            body += "</ul>"
        }
        body += "<h2>Checking the results</h2>"
        if let frozen = report.frozen {
            body +=
                "<p>The results were frozen before they were published. Their digest, a SHA-256 fingerprint of the ranking, every score, the record of changes and the rules declared before scoring, is:</p>"
            body += "<p class=\"digest\">\(HTML.text(frozen.digest))</p>"
            body +=
                "<p>Anyone with a reader's login to the award's database can have ecpa compute the fingerprint again from the published records; if any score or rule had changed after the freeze, it would differ. Ask the EUCPN secretariat for a login.</p>"
        } else {
            body += "<p>\(HTML.text(report.status))</p>"
        }
        return HTMLPage.document(title: "European Crime Prevention Award \(edition.year)", body: body, styles: .linked("../style.css"))
    }

    func entryPage(_ item: Booklet.Item, of pages: PublicSite.EditionPages) -> String {
        let year = pages.edition.year
        var body = "<header>\(Self.kicker)<h1>\(HTML.text(item.country)): \(HTML.text(item.title))</h1>"
        body += "<nav aria-label=\"Site\"><p><a href=\"index.html\">The \(year) award</a> · <a href=\"../index.html\">All editions</a></p></nav>"
        let place =
            pages.report.ranking.places.first { $0.entry == item.entry }
            .map { " " + Self.placeText($0, ranked: pages.report.ranking.places.count) + "." } ?? ""
        body +=
            "<p class=\"meta\">\(item.kind == .competing ? "Competing entry" : "Additional entry, not competing") to the \(year) award.\(HTML.text(place))</p>"
        body += "</header>\n<dl>"
        for fact in item.facts {
            body += "<dt>\(HTML.text(fact.label))</dt>" + fact.values.map { "<dd>\(HTML.text($0))</dd>" }.joined()
        }
        body += "</dl>"
        for section in item.sections {
            body += "<h2>\(HTML.text(section.heading))</h2>"
            body +=
                section.paragraphs.isEmpty
                ? "<p class=\"none\">\(HTML.text(Booklet.notAnswered))</p>"
                : section.paragraphs.map { "<p>" + $0.map(HTML.text).joined(separator: "<br>") + "</p>" }.joined()
        }
        return HTMLPage.document(title: "ECPA \(year): \(item.country), \(item.title)", body: body, styles: .linked("../style.css"))
    }
}
