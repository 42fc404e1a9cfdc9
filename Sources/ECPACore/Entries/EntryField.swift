import Foundation

/// One field of the entry template (Annex I), in the template's order, with the guidance the
/// person filling it in sees: what the jury expects to read there.
public enum EntryField: String, CaseIterable, Hashable, Sendable {
    case edition
    case country
    case kind
    case title
    case contactName = "contact.name"
    case contactOrganisation = "contact.organisation"
    case contactEmail = "contact.email"
    case contactPhone = "contact.phone"
    case startDate = "start_date"
    case stillRunning = "still_running"
    case endDate = "end_date"
    case links
    case description
    case objectives
    case targetGroup = "target_group"
    case evaluationMethod = "evaluation_method"
    case evaluationResults = "evaluation_results"
    case innovation
    case partners
    case transferability
    case costsFunding = "costs_funding"

    /// The key as written in the file and in problems, e.g. "start_date" or "contact.email".
    public var key: String { rawValue }

    /// The key inside its table: "email" for "contact.email".
    public var keyInTable: String {
        rawValue.split(separator: ".").last.map(String.init) ?? rawValue
    }

    /// Whether the field sits in the `[contact]` table.
    public var isContact: Bool { rawValue.hasPrefix("contact.") }

    /// Whether the answer is free text that may run over several lines (the Annex I questions).
    public var isLongText: Bool {
        switch self {
        case .description, .objectives, .targetGroup, .evaluationMethod, .evaluationResults,
            .innovation, .partners, .transferability, .costsFunding:
            true
        default: false
        }
    }

    /// Annex I rule: a competing entry must answer all the questions; an additional entry
    /// (published, never scored) needs only the description.
    public var isRequiredForCompetingOnly: Bool { isLongText && self != .description }

    /// A short name for prompts, e.g. "Evaluation results".
    public var label: String {
        switch self {
        case .edition: "Edition (year)"
        case .country: "Country"
        case .kind: "Competing or additional"
        case .title: "Title"
        case .contactName: "Contact person"
        case .contactOrganisation: "Organisation"
        case .contactEmail: "E-mail"
        case .contactPhone: "Telephone"
        case .startDate: "Start date"
        case .stillRunning: "Still running"
        case .endDate: "End date"
        case .links: "Links"
        case .description: "Description"
        case .objectives: "Objectives"
        case .targetGroup: "Target group"
        case .evaluationMethod: "Evaluation method"
        case .evaluationResults: "Evaluation results"
        case .innovation: "Innovation"
        case .partners: "Partners"
        case .transferability: "Transferability"
        case .costsFunding: "Costs and funding"
        }
    }

    /// What to write, and what the jury looks for, in plain sentences.
    public var guidance: String {
        switch self {
        case .edition:
            "The year of the award edition you are entering, e.g. 2024."
        case .country:
            "Your member state, as a two-letter code such as \"BE\" (Greece is \"GR\") or its English name."
        case .kind:
            "\"competing\" for your country's one entry for the award, or \"additional\" for a further "
                + "good-practice project, which is published but not scored."
        case .title:
            "The project's title in English, at most 250 characters."
        case .contactName:
            "Full name of the person responsible for the project, whom the secretariat and the jury can contact."
        case .contactOrganisation:
            "The organisation this person works for."
        case .contactEmail:
            "Their e-mail address."
        case .contactPhone:
            "Their telephone number with the country prefix, e.g. \"+32 2 123 45 67\"."
        case .startDate:
            "The day the project started, written year-month-day, e.g. 2015-01-01."
        case .stillRunning:
            "Is the project still running? true or false."
        case .endDate:
            "Only when still_running = false: the day the project ended, e.g. 2019-06-30. "
                + "Leave \"\" while the project is running."
        case .links:
            "Web pages with more information, each starting with https://, e.g. [\"https://example.org/project\"]. "
                + "The jury judges only what is written in this form, so put everything that matters in your answers."
        case .description:
            "Describe the project in at most 600 words: the problem it tackles, what was done, by whom and for "
                + "whom, and how it fits this year's theme. Criterion 1: the jury looks for a focus on preventing "
                + "or reducing everyday crime and the fear of crime."
        case .objectives:
            "What were the project's objectives? State them so that the jury can check whether they were "
                + "reached (criterion 2)."
        case .targetGroup:
            "Whom was the project aimed at (e.g. young people at risk, residents of a neighbourhood, victims), "
                + "and how many people did it reach?"
        case .evaluationMethod:
            "How was the project evaluated: by whom (internally or independently), with which method and data, "
                + "comparing before and after? Criterion 2: the project must have been evaluated; evidence of "
                + "impact counts more than impressions."
        case .evaluationResults:
            "What did the evaluation find? Which objectives were reached, fully or in part, and what was the "
                + "measured effect on crime or the fear of crime?"
        case .innovation:
            "What is new or innovative in the project's methods or approach (criterion 3)?"
        case .partners:
            "Which partners took part (police, local government, schools, associations, residents...) and how "
                + "did they work together (criterion 4)?"
        case .transferability:
            "Could other member states adopt the project? What would they need, and what should they watch out "
                + "for (criterion 5)?"
        case .costsFunding:
            "What did the project cost, and who paid for it? Include staff time and contributions in kind where "
                + "you can."
        }
    }
}
