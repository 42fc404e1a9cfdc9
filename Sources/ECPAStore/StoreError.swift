import LibPQ

/// A storage failure in the award's words, translated from PostgreSQL's SQLSTATE in one place.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Something named does not exist (or is not visible to this role).
    case notFound(String)
    /// The write would break a uniqueness rule, such as one competing entry per country.
    case conflict(String, hint: String?)
    /// The edition's phase or deadline does not allow this write now.
    case closed(String, hint: String?)
    /// The edition is frozen or published.
    case frozen(String)
    /// A lifecycle step that is not allowed (phase or entry state).
    case invalidTransition(String, hint: String?)
    /// The role may not do this.
    case permissionDenied(String, hint: String?)
    /// The data breaks a rule of the schema.
    case invalidData(String, hint: String?)
    /// The database cannot be reached.
    case unavailable(String)
    /// Another session is waiting to change what this write relies on, such as the secretariat
    /// moving the edition to another phase (EC006); the write stepped aside and may run again in a moment.
    case busy(String, hint: String?)
    /// A statement gave up waiting for a lock that another session holds (55P03).
    case lockTimeout(LockWait)
    /// Another session changed the same rows at the same moment (40001), or this session and
    /// another each waited for the other's lock (40P01, `deadlock`). Running the transaction again may succeed.
    case concurrentChange(deadlock: Bool)
    /// The server canceled a statement that ran longer than statement_timeout, or that someone canceled (57014).
    case canceled(limit: Elapsed?)
    /// The session ended before the command finished (57P01, 57P02, 57P03, 25P03, class 08, or lost by libpq).
    case connectionLost(ConnectionLoss)
    /// The database schema is missing or older than this binary.
    case notMigrated(String)
    /// Any other database error.
    case database(String)

    public var description: String {
        switch self {
        case .notFound(let m), .frozen(let m), .unavailable(let m), .notMigrated(let m), .database(let m):
            return m
        case .conflict(let m, let h), .closed(let m, let h), .invalidTransition(let m, let h), .busy(let m, let h),
            .permissionDenied(let m, let h), .invalidData(let m, let h):
            return h.map { "\(m) \($0)" } ?? m
        case .lockTimeout(let wait):
            return wait.description
        case .concurrentChange(deadlock: false):
            return "Another session changed the same edition at the same moment (for example the secretariat moved "
                + "it to another phase); nothing was written. Run the command again."
        case .concurrentChange(deadlock: true):
            return "This command and another session each waited for a lock the other held, and the database "
                + "stopped this one; nothing was written. Run the command again."
        case .canceled(let limit):
            let limitText = limit.map { " (\($0))" } ?? ""
            return "The database canceled the command because it ran longer than the statement timeout\(limitText), "
                + "or because an administrator canceled it; nothing was written. Run it again, with a longer "
                + "ECPA_STATEMENT_TIMEOUT if it needs more time."
        case .connectionLost(let loss):
            return loss.description
        }
    }

    /// The stable code of the kind of error, such as `store.closed` (docs/cli.md, error codes).
    public var code: String {
        switch self {
        case .notFound: "store.not_found"
        case .conflict: "store.conflict"
        case .closed: "store.closed"
        case .frozen: "store.frozen"
        case .invalidTransition: "store.invalid_transition"
        case .permissionDenied: "store.permission_denied"
        case .invalidData: "store.invalid_data"
        case .unavailable: "store.unavailable"
        case .busy: "store.busy"
        case .lockTimeout: "store.lock_timeout"
        case .concurrentChange: "store.concurrent_change"
        case .canceled: "store.canceled"
        case .connectionLost: "store.connection_lost"
        case .notMigrated: "store.not_migrated"
        case .database: "store.database"
        }
    }

    /// Whether running the same transaction again may succeed: another session's change or a deadlock got in the way.
    public var isConcurrentChange: Bool {
        if case .concurrentChange = self { return true }
        return false
    }

    /// Whether an error, translated or not, is a concurrent change (40001 or 40P01).
    public static func isConcurrentChange(_ error: Error) -> Bool {
        switch error {
        case let error as StoreError: return error.isConcurrentChange
        case let error as PQError: return StoreError(error).isConcurrentChange
        default: return false
        }
    }

    /// Translates a libpq error; the server's own message is kept when it is already written for people.
    public init(_ error: PQError) {
        let message = StoreError.sentence(error.message)
        let hint = error.hint.map(StoreError.sentence)
        let lost = { (cause: ConnectionLoss.Cause) in
            StoreError.connectionLost(ConnectionLoss(cause: cause, duringCommit: error.duringCommit))
        }
        switch (error.kind, error.sqlState ?? "") {
        case (_, SQLState.lockNotAvailable):
            self = .lockTimeout(LockWait())
        case (_, SQLState.serializationFailure):
            self = .concurrentChange(deadlock: false)
        case (_, SQLState.deadlockDetected):
            self = .concurrentChange(deadlock: true)
        case (_, SQLState.queryCanceled):
            self = .canceled(limit: nil)
        case (_, SQLState.adminShutdown):
            self = lost(.terminated)
        case (_, SQLState.crashShutdown), (_, SQLState.cannotConnectNow):
            self = lost(.serverStopped)
        case (_, SQLState.idleInTransactionSessionTimeout):
            self = lost(.idleInTransaction)
        case (_, let state) where state.hasPrefix(SQLState.connectionExceptionClass):
            self = lost(.connectionFailed)
        case (.connection, _):
            self = lost(.connectionFailed)
        case (_, SQLState.uniqueViolation):
            self = .conflict(Self.uniqueMessage(error) ?? message, hint: hint)
        case (_, ECPAState.closed):
            self = .closed(message, hint: hint)
        case (_, ECPAState.frozen):
            self = .frozen(message)
        case (_, ECPAState.busy):
            self = .busy(message, hint: hint)
        case (_, ECPAState.invalidTransition), (_, ECPAState.invalidChange):
            self = .invalidTransition(message, hint: hint)
        case (_, SQLState.invalidTransactionState):
            self = .invalidTransition(message, hint: hint ?? "Begin the transaction with BEGIN ISOLATION LEVEL READ COMMITTED.")
        case (_, SQLState.insufficientPrivilege), (_, ECPAState.notAllowed):
            // PostgreSQL's own refusals (a grant or a row-level policy) say nothing of which rule: the
            // repository that wrote knows, and says it (`translating(permissionDenied:)`).
            self = .permissionDenied(error.isPostgresRefusal ? "Your role may not do this (\(error.message))." : message, hint: hint)
        case (_, SQLState.checkViolation), (_, SQLState.notNullViolation), (_, SQLState.foreignKeyViolation), (_, SQLState.invalidParameterValue),
            (_, SQLState.invalidDatetimeFormat), (_, SQLState.datetimeFieldOverflow), (_, SQLState.invalidTextRepresentation):
            self = .invalidData(Self.constraintMessages[error.constraint ?? ""] ?? message, hint: hint)
        case (_, SQLState.duplicateObject):
            self = .conflict(message, hint: hint)
        case (_, SQLState.undefinedObject):
            self = .notFound(message)
        case (_, SQLState.invalidSchemaName), (_, SQLState.undefinedTable):
            self = .notMigrated("The database has no ecpa schema yet. Run `ecpa db migrate` first.")
        default:
            self = .database(message)
        }
    }

    /// Plain sentences for the schema's named rules, so psql's constraint names become readable.
    static let constraintMessages: [String: String] = [
        "entries_description_at_most_600_words": "The description has more than 600 words; Annex I allows at most 600.",
        "entries_end_date_when_not_running": "The end date is required when the project is no longer running.",
        "entries_no_end_date_while_running": "A project that is still running has no end date yet.",
        "entries_end_date_after_start": "The end date is before the start date.",
        "entries_ineligible_has_reason": "An ineligible entry needs a reason.",
        "entries_complete_when_submitted": "The entry is incomplete. Run `ecpa entry validate FILE` to see what is missing.",
        "entries_title_check": "The title must be 1 to 250 characters.",
        "editions_deadline_after_opening": "The deadline must be after the opening of submissions.",
        "editions_conference_dates_in_order": "The conference cannot end before it starts.",
        "editions_time_zone_known": "The time zone is not known; use an IANA name such as Europe/Brussels.",
        "editions_open_needs_deadline": "An edition needs a submission deadline before it opens.",
        "editions_year_check": "The year must be between 1997 and 2200.",
        "editions_theme_check": "The theme cannot be empty.",
        "editions_host_country_code_fkey": "The host country is not a known country code.",
        "entries_country_code_fkey": "The country is not a known country code.",
        "people_country_code_fkey": "The country is not a known country code.",
        "people_display_name_check": "A person's name cannot be empty; give their full name.",
        "jurors_display_name_check": "A juror's name cannot be empty; give their full name.",
        "scores_entry_id_fkey": "There is no such entry. `ecpa entry list` shows the entries.",
        "abstentions_entry_id_fkey": "There is no such entry. `ecpa entry list` shows the entries.",
        "declared_conflicts_entry_id_fkey": "There is no such entry. `ecpa entry list` shows the entries.",
        "people_representative_has_country": "A national representative needs a country, and only they have one.",
        "late_acceptances_until_after_recording": "A late acceptance must run until a time in the future.",
        "late_acceptances_reason_check": "A late acceptance needs a reason.",
        "editions_scoring_open_only_while_scoring": "Scoring opens only after the call for entries is closed (`ecpa edition close YEAR`).",
        "jurors_one_seat_per_role": "That person is already on this jury.",
        "jurors_one_chair": "This jury already has a chair.",
        "declared_conflicts_reason_check": "A declared conflict needs a reason.",
        "criteria_scale_on_step": "A criterion's range must be a whole number of steps.",
        "entries_single_lines_clean":
            "The title, contact details and links may not hold control characters (such as the escape character); remove them.",
        "entries_answers_clean":
            "The answers may not hold control characters (such as the escape character), only line breaks and tabs; remove them.",
        "people_text_clean": "A name or e-mail address may not hold control characters; remove them.",
        "jurors_text_clean": "A juror's name may not hold control characters; remove them.",
        "editions_text_clean": "The theme and the host city may not hold control characters; remove them.",
        "scores_comment_clean": "A comment may not hold control characters, only line breaks and tabs; remove them.",
        "abstentions_comment_clean": "A comment may not hold control characters, only line breaks and tabs; remove them.",
        "declared_conflicts_reason_clean": "A reason may not hold control characters, only line breaks and tabs; remove them.",
        "late_acceptances_reason_clean": "A reason may not hold control characters, only line breaks and tabs; remove them.",
        "overrides_reason_clean": "A reason may not hold control characters, only line breaks and tabs; remove them.",
        "schemes_text_clean": "The scheme's name and note may not hold control characters; remove them.",
        "criteria_text_clean": "A criterion's name and description may not hold control characters; remove them.",
        "archive_editions_text_clean": "An archive fact may not hold control characters; remove them.",
        "archive_awards_text_clean": "An archive award may not hold control characters; remove them.",
        "entries_contact_length":
            "The contact details are too long: at most 200 characters for the name and the organisation, 254 for the e-mail address and 50 for the telephone.",
        "entries_links_length": "Too many or too long links: at most 20, each at most 2,000 characters.",
        "entries_answers_length": "An answer is too long: at most 10,000 characters each (and at most 2,000 for a reason).",
        "scores_comment_length": "A comment has at most 2,000 characters.",
        "abstentions_comment_length": "A comment has at most 2,000 characters.",
        "declared_conflicts_reason_length": "A reason has at most 2,000 characters.",
        "late_acceptances_reason_length": "A reason has at most 2,000 characters.",
        "overrides_reason_length": "A reason has at most 2,000 characters.",
        "people_text_length": "A name has at most 200 characters, an e-mail address 254.",
        "jurors_text_length": "A juror's name has at most 200 characters.",
        "editions_text_length": "The theme has at most 300 characters, the host city 100.",
        "schemes_text_length": "The scheme's name has at most 200 characters, its note 2,000, its file 100,000.",
        "criteria_text_length": "A criterion's name has at most 200 characters, its description 2,000.",
        "archive_editions_text_length": "An archive fact is too long: at most 300 characters for a theme, 2,000 for a note.",
        "archive_awards_text_length": "An archive award is too long: at most 300 characters for a title, 2,000 for a note.",
    ]

    static func uniqueMessage(_ error: PQError) -> String? {
        switch error.constraint {
        case "editions_year_key": return "There is already an edition for that year."
        case "people_pkey": return "That person is already registered."
        case "jurors_one_seat_per_role": return "That person is already on this jury."
        case "jurors_one_chair": return "This jury already has a chair."
        default: return nil
        }
    }

    /// Capitalises the first letter and ends with a period, so server messages read as sentences.
    public static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var result = first.uppercased() + text.dropFirst()
        if let last = result.last, !".?!".contains(last) { result += "." }
        return result
    }
}

/// Runs a store operation and translates libpq errors into store errors.
@inline(__always)
@discardableResult
func translating<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PQError {
        throw StoreError(error)
    }
}

/// `translating`, with the sentence for PostgreSQL's own refusal of this write (a grant or a
/// row-level policy, SQLSTATE 42501), which names no rule itself; ecpa's own refusals keep theirs.
func translating<T>(permissionDenied sentence: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PQError where error.isPostgresRefusal {
        throw StoreError.permissionDenied(sentence, hint: nil)
    } catch let error as PQError {
        throw StoreError(error)
    }
}

extension PQError {
    /// PostgreSQL's own refusal (a missing grant, a row-level policy), not one of ecpa's rules: a
    /// rule raises its refusal in PL/pgSQL, with its own sentence, and the server names the function
    /// that raised it (never translated), so no English is read to tell them apart.
    var isPostgresRefusal: Bool {
        sqlState == SQLState.insufficientPrivilege && sourceFunction != "exec_stmt_raise"
    }
}
