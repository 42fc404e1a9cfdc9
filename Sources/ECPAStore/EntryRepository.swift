import ECPACore
import Foundation
import LibPQ

/// Entries of editions. Row-level security decides which rows the current role sees.
public struct EntryRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    static let columns = columns(answers: true)

    /// The columns an entry is read from; without `answers`, the answers to the long questions are
    /// NULL and the links empty (for listings: 2,000 entries then read a few kilobytes, not every answer).
    static func columns(answers: Bool) -> SQL {
        let long = [
            "description", "objectives", "target_group", "evaluation_method", "evaluation_results", "innovation",
            "partners", "transferability", "costs_funding",
        ]
        let answered =
            answers
            ? "e.links, " + long.map { "e.\($0)" }.joined(separator: ", ")
            : "'{}'::text[] AS links, " + long.map { "NULL::text AS \($0)" }.joined(separator: ", ")
        return SQL(
            unsafeRaw: """
                e.id, e.edition_id, ed.year, e.country_code, e.kind, e.state, e.ineligible_reason, e.title,
                e.contact_name, e.contact_organisation, e.contact_email, e.contact_phone,
                e.start_date::text AS start_date, e.still_running, e.end_date::text AS end_date, \(answered),
                e.created_at, e.created_by, e.updated_at, e.submitted_at, e.withdrawn_at,
                e.late_acceptance_id IS NOT NULL AS accepted_late
                """)
    }

    static let from: SQL = "FROM ecpa.entries e JOIN ecpa.editions ed ON ed.id = e.edition_id"

    /// The entry with an id, if the current role may see it.
    public func fetchEntry(id: EntryID) throws -> Entry? {
        try translating {
            try db.query("SELECT \(Self.columns) \(Self.from) WHERE e.id = \(id.rawValue)")
                .first.map(Self.decode)
        }
    }

    /// The entry with an id, or an error saying it is not there (or not visible).
    public func requireEntry(id: EntryID) throws -> Entry {
        guard let entry = try fetchEntry(id: id) else {
            throw StoreError.notFound("There is no entry \(id) that you can see. `ecpa entry list` shows yours.")
        }
        return entry
    }

    /// The entries of an edition the current role may see (or, from `.published`, that the
    /// published edition shows everyone), by country then id; without `answers`, the answers to
    /// the long questions are nil and the links empty (for listings and the ranking).
    public func fetchEntries(
        edition: EditionID, country: CountryCode? = nil, state: EntryState? = nil, source: RecordSource = .live,
        answers: Bool = true
    ) throws -> [Entry] {
        try translating {
            try db.query(
                """
                SELECT \(Self.columns(answers: answers))
                FROM \(source.relation("entries", edition: edition)) e JOIN ecpa.editions ed ON ed.id = e.edition_id
                WHERE e.edition_id = \(edition.rawValue)
                  AND (\(country?.rawValue)::text IS NULL OR e.country_code = \(country?.rawValue))
                  AND (\(state?.rawValue)::text IS NULL OR e.state = \(state?.rawValue))
                ORDER BY e.country_code, e.kind, e.id
                """
            ).map(Self.decode)
        }
    }

    /// The country's competing entry that is not withdrawn, if any (there is at most one).
    public func fetchActiveCompetingEntry(edition: EditionID, country: CountryCode) throws -> Entry? {
        try translating {
            try db.query(
                """
                SELECT \(Self.columns) \(Self.from)
                WHERE e.edition_id = \(edition.rawValue) AND e.country_code = \(country.rawValue)
                  AND e.kind = 'competing' AND e.state <> 'withdrawn'
                """
            ).first.map(Self.decode)
        }
    }

    /// The country's additional entry with this title that is not withdrawn, if any.
    public func fetchActiveAdditionalEntry(edition: EditionID, country: CountryCode, title: String) throws -> Entry? {
        try translating {
            try db.query(
                """
                SELECT \(Self.columns) \(Self.from)
                WHERE e.edition_id = \(edition.rawValue) AND e.country_code = \(country.rawValue)
                  AND e.kind = 'additional' AND e.state <> 'withdrawn' AND lower(e.title) = lower(\(title))
                ORDER BY e.id LIMIT 1
                """
            ).first.map(Self.decode)
        }
    }

    /// Creates an entry from a form (country and kind come from the form).
    public func insertEntry(_ form: EntryForm, edition: EditionID, state: EntryState) throws -> Entry {
        guard let country = form.country, let kind = form.kind else {
            throw StoreError.invalidData("The entry needs a country and a kind.", hint: nil)
        }
        return try translating {
            let rows = try db.query(
                """
                INSERT INTO ecpa.entries (edition_id, country_code, kind, state, \(Self.formColumns))
                VALUES (\(edition.rawValue), \(country.rawValue), \(kind.rawValue), \(state.rawValue),
                        \(Self.formValues(form)))
                RETURNING id
                """)
            return try requireEntry(id: EntryID(try rows.first.map { try $0.decode("id") } ?? 0))
        }
    }

    /// Replaces an entry's answers and sets its state (draft or submitted).
    public func updateEntry(id: EntryID, form: EntryForm, state: EntryState) throws -> Entry {
        try translating {
            let count = try db.execute(
                """
                UPDATE ecpa.entries SET (state, \(Self.formColumns)) =
                    (\(state.rawValue), \(Self.formValues(form)))
                WHERE id = \(id.rawValue)
                """)
            guard count == 1 else { throw try refusalToChange(id) }
            return try requireEntry(id: id)
        }
    }

    /// Moves an entry to another state (withdrawn, eligible, ineligible with a reason).
    public func updateState(id: EntryID, to state: EntryState, reason: String? = nil) throws -> Entry {
        try translating {
            let count = try db.execute(
                """
                UPDATE ecpa.entries SET state = \(state.rawValue), ineligible_reason = \(reason)
                WHERE id = \(id.rawValue)
                """)
            guard count == 1 else { throw try refusalToChange(id) }
            return try requireEntry(id: id)
        }
    }

    /// Why an entry changed no row: not visible to this role, or (for a representative, whose
    /// rights on their entries last while the edition takes entries) the edition's window.
    private func refusalToChange(_ id: EntryID) throws -> StoreError {
        guard let entry = try fetchEntry(id: id) else {
            return .notFound("There is no entry \(id) that you can change.")
        }
        let refusal: String? = try db.query(
            """
            SELECT (ecpa.entry_window(ed, \(entry.country.rawValue), clock_timestamp())).refusal AS refusal
            FROM ecpa.editions ed WHERE ed.id = \(entry.editionID.rawValue)
            """
        ).first?.decode("refusal")
        guard let refusal else { return .notFound("There is no entry \(id) that you can change.") }
        return .closed(StoreError.sentence("\(refusal); nothing was changed"), hint: nil)
    }

    /// Records that the secretariat accepts a country's entry after the deadline, until an instant.
    @discardableResult
    public func insertLateAcceptance(
        edition: EditionID, country: CountryCode, until: Date, reason: String
    ) throws -> Int64 {
        try translating {
            let rows = try db.query(
                """
                INSERT INTO ecpa.late_acceptances (edition_id, country_code, accepted_until, reason)
                VALUES (\(edition.rawValue), \(country.rawValue), \(until), \(reason))
                RETURNING id
                """)
            return try rows.first?.decode("id") ?? 0
        }
    }

    static let formColumns: SQL = """
        title, contact_name, contact_organisation, contact_email, contact_phone, start_date,
        still_running, end_date, links, description, objectives, target_group, evaluation_method,
        evaluation_results, innovation, partners, transferability, costs_funding
        """

    static func formValues(_ form: EntryForm) -> SQL {
        """
        \(form.title ?? ""), \(form.contact.name), \(form.contact.organisation), \(form.contact.email),
        \(form.contact.phone), \(form.startDate?.iso)::date, \(form.stillRunning),
        \(form.endDate?.iso)::date, \(form.links), \(form.description), \(form.objectives),
        \(form.targetGroup), \(form.evaluationMethod), \(form.evaluationResults), \(form.innovation),
        \(form.partners), \(form.transferability), \(form.costsFunding)
        """
    }

    static func decode(_ row: Row) throws -> Entry {
        let year: Int = try row.decode("year")
        let country = try row.countryCode("country_code")
        let kind: EntryKind = try row.enumValue("kind")
        var form = EntryForm()
        form.edition = year
        form.country = country
        form.kind = kind
        form.title = try row.decode("title")
        form.contact.name = try row.decode("contact_name")
        form.contact.organisation = try row.decode("contact_organisation")
        form.contact.email = try row.decode("contact_email")
        form.contact.phone = try row.decode("contact_phone")
        form.startDate = try row.calendarDate("start_date")
        form.stillRunning = try row.decode("still_running")
        form.endDate = try row.calendarDate("end_date")
        form.links = try row.decode("links")
        form.description = try row.decode("description")
        form.objectives = try row.decode("objectives")
        form.targetGroup = try row.decode("target_group")
        form.evaluationMethod = try row.decode("evaluation_method")
        form.evaluationResults = try row.decode("evaluation_results")
        form.innovation = try row.decode("innovation")
        form.partners = try row.decode("partners")
        form.transferability = try row.decode("transferability")
        form.costsFunding = try row.decode("costs_funding")
        return Entry(
            id: EntryID(try row.decode("id")),
            editionID: EditionID(try row.decode("edition_id")),
            editionYear: year,
            country: country,
            kind: kind,
            state: try row.enumValue("state"),
            ineligibleReason: try row.decode("ineligible_reason"),
            form: form,
            createdAt: try row.decode("created_at"),
            createdBy: try row.decode("created_by", as: String?.self) ?? "",
            updatedAt: try row.decode("updated_at"),
            submittedAt: try row.decode("submitted_at"),
            withdrawnAt: try row.decode("withdrawn_at"),
            acceptedLate: try row.decode("accepted_late")
        )
    }
}
