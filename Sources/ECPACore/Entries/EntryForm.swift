import Foundation

/// What a country sends for one project: the Annex I entry template, field by field. The jury
/// judges only what is in it.
///
/// An empty string counts as "not given" and is stored as nil, so a blank answer and a missing one
/// are the same to validation and to the database.
public struct EntryForm: Hashable, Sendable, Codable {
    /// Contact details of the responsible person (also reachable as `Contact`).
    public typealias Contact = ECPACore.Contact

    /// The edition's year, e.g. 2024.
    public var edition: Int?
    /// The member state sending the entry.
    public var country: CountryCode?
    /// Competing for the award or additional good practice.
    public var kind: EntryKind?
    /// The project's title.
    public var title: String?
    /// The responsible person.
    public var contact: Contact
    /// When the project started.
    public var startDate: CalendarDate?
    /// Whether the project is still running.
    public var stillRunning: Bool?
    /// When the project ended; only for a project that is no longer running.
    public var endDate: CalendarDate?
    /// Web pages with more information.
    public var links: [String]
    /// The project description, at most 600 words.
    public var description: String?
    /// The project's objectives.
    public var objectives: String?
    /// Whom the project is aimed at.
    public var targetGroup: String?
    /// How the project was evaluated.
    public var evaluationMethod: String?
    /// What the evaluation found.
    public var evaluationResults: String?
    /// What is new in the project.
    public var innovation: String?
    /// Who worked together on the project.
    public var partners: String?
    /// How other member states could adopt it.
    public var transferability: String?
    /// What it cost and who paid.
    public var costsFunding: String?

    /// Makes a form; every answer may be left out, and empty strings are stored as nil.
    public init(
        edition: Int? = nil,
        country: CountryCode? = nil,
        kind: EntryKind? = nil,
        title: String? = nil,
        contact: Contact = Contact(),
        startDate: CalendarDate? = nil,
        stillRunning: Bool? = nil,
        endDate: CalendarDate? = nil,
        links: [String] = [],
        description: String? = nil,
        objectives: String? = nil,
        targetGroup: String? = nil,
        evaluationMethod: String? = nil,
        evaluationResults: String? = nil,
        innovation: String? = nil,
        partners: String? = nil,
        transferability: String? = nil,
        costsFunding: String? = nil
    ) {
        self.edition = edition
        self.country = country
        self.kind = kind
        self.title = EntryForm.given(title)
        self.contact = contact
        self.startDate = startDate
        self.stillRunning = stillRunning
        self.endDate = endDate
        self.links = links
        self.description = EntryForm.given(description)
        self.objectives = EntryForm.given(objectives)
        self.targetGroup = EntryForm.given(targetGroup)
        self.evaluationMethod = EntryForm.given(evaluationMethod)
        self.evaluationResults = EntryForm.given(evaluationResults)
        self.innovation = EntryForm.given(innovation)
        self.partners = EntryForm.given(partners)
        self.transferability = EntryForm.given(transferability)
        self.costsFunding = EntryForm.given(costsFunding)
    }

    /// Decodes from JSON with snake_case keys; missing keys and empty strings are not given.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            edition: try c.decodeIfPresent(Int.self, forKey: .edition),
            country: try c.decodeIfPresent(CountryCode.self, forKey: .country),
            kind: try c.decodeIfPresent(EntryKind.self, forKey: .kind),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            contact: try c.decodeIfPresent(Contact.self, forKey: .contact) ?? Contact(),
            startDate: try c.decodeIfPresent(CalendarDate.self, forKey: .startDate),
            stillRunning: try c.decodeIfPresent(Bool.self, forKey: .stillRunning),
            endDate: try c.decodeIfPresent(CalendarDate.self, forKey: .endDate),
            links: try c.decodeIfPresent([String].self, forKey: .links) ?? [],
            description: try c.decodeIfPresent(String.self, forKey: .description),
            objectives: try c.decodeIfPresent(String.self, forKey: .objectives),
            targetGroup: try c.decodeIfPresent(String.self, forKey: .targetGroup),
            evaluationMethod: try c.decodeIfPresent(String.self, forKey: .evaluationMethod),
            evaluationResults: try c.decodeIfPresent(String.self, forKey: .evaluationResults),
            innovation: try c.decodeIfPresent(String.self, forKey: .innovation),
            partners: try c.decodeIfPresent(String.self, forKey: .partners),
            transferability: try c.decodeIfPresent(String.self, forKey: .transferability),
            costsFunding: try c.decodeIfPresent(String.self, forKey: .costsFunding)
        )
    }

    private enum CodingKeys: String, CodingKey {
        case edition, country, kind, title, contact
        case startDate = "start_date"
        case stillRunning = "still_running"
        case endDate = "end_date"
        case links, description, objectives
        case targetGroup = "target_group"
        case evaluationMethod = "evaluation_method"
        case evaluationResults = "evaluation_results"
        case innovation, partners, transferability
        case costsFunding = "costs_funding"
    }

    /// nil for an empty string: a blank answer is no answer.
    static func given(_ text: String?) -> String? {
        text?.isEmpty == false ? text : nil
    }
}
