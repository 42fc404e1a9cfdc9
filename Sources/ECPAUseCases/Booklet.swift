import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// The booklet of an edition's entries: each entry's Annex I answers, with a table of contents, in
/// one of two forms. Built once, rendered as Markdown or HTML; nothing in it depends on the clock
/// or on who asks within a form, so the same data always gives the same bytes.
public struct Booklet: Sendable, Equatable {
    /// Which booklet: the jury's reading packet or the public overview.
    public enum Form: String, Sendable, CaseIterable {
        /// For the edition's jurors and the secretariat once submissions have closed: the eligible
        /// competing entries as the countries sent them, to read before scoring; no score, no ranking.
        case packet
        /// For everyone once the results are published: every eligible competing and additional
        /// entry, read through the published records (sql/0025), without the contact person's
        /// name, e-mail or phone.
        case overview = "public"
    }

    /// A line of facts about an entry, such as "Start date: 2016-01-01".
    public struct Fact: Sendable, Equatable {
        public let label: String
        /// One value, or several (the links), each shown as written.
        public let values: [String]
    }

    /// One Annex I question and its answer, as paragraphs of lines (empty when not answered).
    public struct Section: Sendable, Equatable {
        public let heading: String
        public let paragraphs: [[String]]
    }

    /// One entry of the booklet.
    public struct Item: Sendable, Equatable {
        public let entry: EntryID
        /// Its place in the booklet, from 1.
        public let number: Int
        /// The in-page anchor, such as "entry-12".
        public let anchor: String
        public let country: String
        public let title: String
        public let kind: EntryKind
        public let facts: [Fact]
        public let sections: [Section]

        /// The entry's heading: "1. Finland: The Forssa approach".
        public var heading: String { "\(number). \(country): \(title)" }

        /// The entry in a few lines: the first paragraph of its description, cut after
        /// `summaryWords` words with an ellipsis; empty when it has none.
        public var summary: String {
            let description = sections.first { $0.heading == EntryField.description.label }
            let words = (description?.paragraphs.first ?? []).joined(separator: " ").split(whereSeparator: \.isWhitespace)
            return words.prefix(Self.summaryWords).joined(separator: " ") + (words.count > Self.summaryWords ? " …" : "")
        }

        /// How many words of the description a summary keeps.
        public static let summaryWords = 60
    }

    public let edition: Edition
    public let form: Form
    public let items: [Item]

    /// The Annex I questions a booklet prints, in the template's order.
    public static let questions: [EntryField] = EntryField.allCases.filter(\.isLongText)

    /// The booklet of an edition in the form asked for, or (nil) the form the phase and the
    /// current role allow: the public overview once published, else the packet for the jury and
    /// the secretariat. Refuses, saying what to do, when the form is not available to the caller.
    /// The packet is read through the caller's own rights on the entries; the overview through
    /// the published records, which need no right on any table but the editions.
    public static func load(edition: Edition, db: Connection, form asked: Form? = nil) throws -> Booklet {
        try db.consistentRead { db in
            let form = try choose(asked, edition: edition, db: db)
            let entries: [Entry]
            switch form {
            case .packet:
                entries = try EntryRepository(db).fetchEntries(edition: edition.id, state: .eligible)
                    .filter { $0.kind == .competing }
                    .sorted { $0.id.rawValue < $1.id.rawValue }
            case .overview:
                let published = try EntryRepository(db).fetchEntries(edition: edition.id, state: .eligible, source: .published)
                entries =
                    published.filter { $0.kind == .competing }.sorted { $0.id.rawValue < $1.id.rawValue }
                    + published.filter { $0.kind == .additional }.sorted { $0.id.rawValue < $1.id.rawValue }
            }
            return Booklet(edition: edition, form: form, items: entries.enumerated().map { item($0.element, number: $0.offset + 1) })
        }
    }

    /// Which form the caller gets, or a refusal that says why not and what to do.
    static func choose(_ asked: Form?, edition: Edition, db: any SQLExecutor) throws -> Form {
        let year = edition.year
        let published = edition.phase == .published
        let closed = edition.phase >= .submissionsClosed
        if asked == .overview || (asked == nil && published) {
            guard published else {
                let packet = try mayReadPacket(edition: edition, db: db)
                throw Refusal(
                    "booklet.not_published", .refused,
                    "The public overview of the \(year) entries appears once the results are published; the edition is in the \(edition.phase.displayName) phase."
                        + (packet && closed ? " The jury's reading packet is ready: ask for it with --packet." : ""))
            }
            return .overview
        }
        guard try mayReadPacket(edition: edition, db: db) else {
            throw Refusal(
                "booklet.packet_not_yours", .permissionDenied,
                "The reading packet is for the \(year) jurors and the secretariat."
                    + (published
                        ? " Everyone can read the public overview: ask for it with --public."
                        : " Everyone can read the public overview of the entries once the results are published."))
        }
        guard closed else {
            throw Refusal(
                "booklet.submissions_open", .refused,
                "The reading packet of the \(year) edition is ready once submissions close; the edition is in the \(edition.phase.displayName) phase. The secretariat closes submissions with `ecpa edition close \(year)`."
            )
        }
        return .packet
    }

    static func mayReadPacket(edition: Edition, db: any SQLExecutor) throws -> Bool {
        try PersonRepository(db).currentIdentity().isSecretariat || JuryRepository(db).currentRoleSits(edition: edition.id)
    }

    static func item(_ entry: Entry, number: Int) -> Item {
        let form = entry.form
        var facts: [Fact] = [
            Fact(label: "Entry", values: [String(entry.id.rawValue)]),
            Fact(label: EntryField.country.label, values: [countryName(entry.country)]),
            Fact(label: "Kind", values: [entry.kind == .competing ? "Competing for the award" : "Additional good practice, not competing"]),
        ]
        let contact: [(EntryField, String?)] = [
            (.contactName, form.contact.name), (.contactOrganisation, form.contact.organisation),
            (.contactEmail, form.contact.email), (.contactPhone, form.contact.phone),
        ]
        facts += contact.compactMap { field, value in value.map { Fact(label: field.label, values: [$0]) } }
        if let start = form.startDate { facts.append(Fact(label: EntryField.startDate.label, values: [start.iso])) }
        if let running = form.stillRunning { facts.append(Fact(label: EntryField.stillRunning.label, values: [running ? "yes" : "no"])) }
        if let end = form.endDate { facts.append(Fact(label: EntryField.endDate.label, values: [end.iso])) }
        if !form.links.isEmpty { facts.append(Fact(label: EntryField.links.label, values: form.links)) }
        let sections = questions.map { field in Section(heading: field.label, paragraphs: paragraphs(answer(field, in: form))) }
        return Item(
            entry: entry.id, number: number, anchor: "entry-\(entry.id.rawValue)", country: countryName(entry.country),
            title: form.title ?? "Untitled", kind: entry.kind, facts: facts, sections: sections)
    }

    static func answer(_ field: EntryField, in form: EntryForm) -> String? {
        switch field {
        case .description: form.description
        case .objectives: form.objectives
        case .targetGroup: form.targetGroup
        case .evaluationMethod: form.evaluationMethod
        case .evaluationResults: form.evaluationResults
        case .innovation: form.innovation
        case .partners: form.partners
        case .transferability: form.transferability
        case .costsFunding: form.costsFunding
        default: nil
        }
    }

    /// A free-text answer as paragraphs (split at blank lines) of trimmed lines.
    static func paragraphs(_ text: String?) -> [[String]] {
        guard let text else { return [] }
        var result: [[String]] = []
        var current: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func countryName(_ code: CountryCode) -> String { Country.named(code)?.name ?? code.rawValue }

    /// The booklet's title, for its one top heading.
    public var title: String {
        switch form {
        case .packet: "The \(edition.year) jury's reading packet"
        case .overview: "The entries of the \(edition.year) edition"
        }
    }

    /// The edition in one line: theme, host and conference dates.
    public var editionLine: String {
        let host = Booklet.countryName(edition.hostCountry)
        let place = edition.hostCity.isEmpty ? host : "\(edition.hostCity), \(host)"
        let dates: String? =
            switch (edition.conferenceStart, edition.conferenceEnd) {
            case let (start?, end?) where start == end: start.iso
            case let (start?, end?): "\(start.iso) to \(end.iso)"
            case let (start?, nil): start.iso
            default: nil
            }
        return ([edition.theme, place] + (dates.map { [$0] } ?? [])).joined(separator: " · ")
    }

    /// What the booklet holds, in plain words.
    public var introduction: String {
        switch form {
        case .packet:
            "The eligible competing entries of the \(edition.year) edition, as their countries sent them (the Annex I entry form), "
                + "in entry order, for the jury to read before scoring. The jury judges only what is written here. "
                + "The packet holds no score and no ranking."
        case .overview:
            "Every eligible entry of the \(edition.year) edition as its country sent it (the Annex I entry form): "
                + (items.contains { $0.kind == .additional }
                    ? "first the entries that competed for the award, then the additional good-practice projects. "
                    : "the entries that competed for the award. ")
                + "Contact persons' names, e-mail addresses and telephone numbers are left out."
        }
    }

    /// What the booklet says when it holds no entry.
    public var emptySentence: String {
        switch form {
        case .packet: "No competing entry of the \(edition.year) edition has been found eligible yet."
        case .overview: "No entry of the \(edition.year) edition was published."
        }
    }

    /// What the booklet says for a question left unanswered.
    public static let notAnswered = "Not answered."
}
