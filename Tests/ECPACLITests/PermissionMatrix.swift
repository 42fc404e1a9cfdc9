import Foundation

/// The permission matrix of docs/security.md as data: for every table, view, sequence and function
/// of the schema `ecpa`, every action, the phases that matter and every kind of person, the
/// statement tried and what PostgreSQL must answer. PermissionMatrixTests runs every cell with the
/// person's own login; SecurityDocTests checks that docs/security.md shows exactly this.
enum PermissionMatrix {}

extension PermissionMatrix {
    /// The logins of the matrix fixture: one per kind of person, and two that only own rows.
    enum Login: String, CaseIterable, Sendable {
        case secretariat
        case representativeFI
        /// Owns the Swedish entries; never a subject.
        case representativeSE
        case jurorAT
        case jurorFI
        /// A voting juror whose scores complete the editions; never a subject.
        case jurorBG
        case advisoryBE
        case noGroup
        case reader
    }

    /// Who tries a cell: a login, and whose rows it aims at.
    enum Subject: String, CaseIterable, Sendable {
        case secretariat
        case representativeOwn = "representative-own"
        case representativeOther = "representative-other"
        case jurorOwnCell = "juror-own"
        case jurorOtherCell = "juror-other"
        case jurorConflictedCell = "juror-conflicted"
        case advisoryJuror = "advisory"
        case noGroup = "no-group"
        case reader

        var login: Login {
            switch self {
            case .secretariat: .secretariat
            case .representativeOwn, .representativeOther: .representativeFI
            case .jurorOwnCell, .jurorOtherCell: .jurorAT
            case .jurorConflictedCell: .jurorFI
            case .advisoryJuror: .advisoryBE
            case .noGroup: .noGroup
            case .reader: .reader
            }
        }

        /// The column heading in docs/security.md.
        var heading: String {
            switch self {
            case .secretariat: "secretariat"
            case .representativeOwn: "representative, own country"
            case .representativeOther: "representative, other country"
            case .jurorOwnCell: "juror, own cell"
            case .jurorOtherCell: "juror, another juror's cell"
            case .jurorConflictedCell: "juror, conflicted cell"
            case .advisoryJuror: "advisory juror"
            case .noGroup: "login in no ecpa group"
            case .reader: "public reader"
            }
        }

        /// The entry aimed at: the representative's own (FI) or another country's (SE); the
        /// entry a juror scores (SE) or is in conflict with (FI, the Finnish juror's country).
        var entryCountry: String {
            switch self {
            case .representativeOther, .jurorOwnCell, .jurorOtherCell, .advisoryJuror: "SE"
            case .secretariat, .representativeOwn, .jurorConflictedCell, .noGroup, .reader: "FI"
            }
        }

        /// The juror seat aimed at: the Austrian juror's own, the Finnish juror's, the advisory one's.
        var seat: Login {
            switch self {
            case .jurorOtherCell, .jurorConflictedCell: .jurorFI
            case .advisoryJuror: .advisoryBE
            default: .jurorAT
            }
        }

        /// The person row aimed at: the Finnish representative's own, or the Swedish one's.
        var person: Login {
            self == .representativeOther ? .representativeSE : .representativeFI
        }
    }

    /// The edition whose rows a cell aims at; `any` when the phase does not matter.
    enum Phase: String, CaseIterable, Sendable {
        case any
        case submissionsOpen = "submissions-open"
        case scoring
        case frozen
        case published

        var words: String {
            switch self {
            case .any: "any"
            case .submissionsOpen: "submissions open"
            case .scoring: "scoring open"
            case .frozen: "frozen"
            case .published: "published"
            }
        }

        /// The fixture edition used for `{edition}` (the one in scoring when the phase does not matter).
        var edition: Phase { self == .any ? .scoring : self }
    }

    enum Action: String, Sendable {
        case select, insert, update, delete, truncate, execute, nextval
    }

    enum ObjectKind: String, Sendable {
        case table, view, sequence, function

        /// The actions every object of this kind needs rows for.
        var actions: [Action] {
            switch self {
            case .table: [.select, .insert, .update, .delete, .truncate]
            case .view: [.select, .insert, .update, .delete]
            case .sequence: [.nextval]
            case .function: [.execute]
            }
        }
    }

    /// A table, view, sequence or function of the schema, by its catalog name (functions with
    /// their argument types, as `regprocedure` prints them).
    struct Object: Hashable, Sendable {
        var kind: ObjectKind
        var name: String
        /// The object group it is shown under in docs/security.md.
        var group: Group
    }

    enum Group: String, CaseIterable, Sendable {
        case people = "People, countries and editions"
        case entries = "Entries"
        case jury = "Jury and conflicts"
        case scoring = "Schemes and scores"
        case ledger = "Score ledger and audit log"
        case results = "Results"
        case published = "Published results"
        case archive = "Archive"
        case sequences = "Sequences"
        case functions = "Functions people call"
        case internals = "Internal functions"
        case triggers = "Trigger functions"

        /// A sentence under the group's heading in docs/security.md.
        var summary: String? {
            switch self {
            case .sequences:
                "Inserts draw identity values without any right on the sequences; nobody can draw or set one by hand."
            case .internals:
                "Helpers of the policies and triggers. Those executable by everyone who may use the schema run as the caller, so they answer only from what the caller may read."
            case .triggers:
                "Called directly, each is refused for want of EXECUTE, revoked from PUBLIC (with EXECUTE PostgreSQL would only say a trigger function cannot be called so); so nobody can attach one to a table of their own either. They fire on ecpa's tables whatever the writer's rights."
            default: nil
            }
        }
    }

    /// What PostgreSQL answers to a cell's statement.
    enum Outcome: Hashable, Sendable, CustomStringConvertible {
        /// It runs; a read returns the rows the administrator sees, a write changes at least one row.
        case yes
        /// It runs but reads or changes nothing, where the administrator would (row-level security).
        case none
        /// It fails with this SQLSTATE.
        case refused(String)

        static let denied = Outcome.refused("42501")

        /// One token of the expectation strings: yes, none, deny (42501), closed (EC001),
        /// frozen (EC002), order (EC003), state (EC004), conflict (EC005), or a SQLSTATE.
        init?(token: String) {
            switch token {
            case "yes": self = .yes
            case "none": self = .none
            case "deny": self = .denied
            case "closed": self = .refused("EC001")
            case "frozen": self = .refused("EC002")
            case "order": self = .refused("EC003")
            case "state": self = .refused("EC004")
            case "conflict": self = .refused("EC005")
            case let code where code.count == 5 && code.allSatisfy({ $0.isUppercase || $0.isNumber }):
                self = .refused(code)
            default: return nil
            }
        }

        /// Plain words for docs/security.md.
        var words: String {
            switch self {
            case .yes: "yes"
            case .none: "none"
            case .refused(let state):
                switch state {
                case "42501": "no"
                case "EC001": "no: closed"
                case "EC002": "no: frozen"
                case "EC003": "no: phase"
                case "EC004": "no: rule"
                case "EC005": "no: conflict"
                case "55000", "428C9": "no: not updatable"
                case "22023": "no: invalid"
                default: "no: \(state)"
                }
            }
        }

        var description: String {
            switch self {
            case .yes: "yes"
            case .none: "none"
            case .refused(let state): "refused \(state)"
            }
        }
    }

    /// One line of the matrix: an object, an action (with a variant when one action needs several
    /// statements), the statement template, and the expected outcome per phase and subject.
    struct Row: Sendable {
        var object: Object
        var action: Action
        var variant: String?
        /// The statement; placeholders in braces are filled in per subject and phase (see `Target`).
        var sql: String
        /// A different statement for some subjects (when the rows they aim at need another filter).
        var sqlFor: [Subject: String] = [:]
        /// Per phase, nine outcome tokens in the order of `Subject.allCases`.
        var expected: [(Phase, String)]
        /// A sentence for docs/security.md.
        var note: String?
        /// Cells where PostgreSQL allows what DESIGN.md forbids; `expected` keeps what it should do.
        var holes: [Hole] = []

        var label: String { variant.map { "\(action.rawValue) (\($0))" } ?? action.rawValue }
        var key: String { "\(object.name)/\(action.rawValue)\(variant.map { "-" + $0.replacingOccurrences(of: " ", with: "-") } ?? "")" }

        func statement(for subject: Subject) -> String { sqlFor[subject] ?? sql }
    }

    /// A cell where PostgreSQL allows more than DESIGN.md section 2 (or the issue that refines it)
    /// does: the test asserts the designed outcome as a known issue, and the docs show what
    /// PostgreSQL actually does, marked.
    struct Hole: Sendable {
        var phase: Phase
        var subject: Subject
        /// What PostgreSQL does today, as an outcome token.
        var actual: String
        /// Which rule it breaks.
        var why: String

        var actualOutcome: Outcome { Outcome(token: actual) ?? .refused(actual) }
    }

    /// The rows fixture values a placeholder stands for, resolved against the database by the test.
    enum Target: Hashable, Sendable, CustomStringConvertible {
        case edition(Phase)
        case year(Phase)
        case entry(country: String, Phase)
        case seat(Login, Phase)
        case loginName(Login)
        case text(String)
        /// A ranking of an edition's eligible competing entries, with its overrides, as
        /// ecpa.freeze_edition takes it (a JSON literal, so the statement reads no table).
        case ranking(Phase)
        /// A login name nobody has, made up for each run.
        case freshLogin
        /// The server process of a connection the test opens only to have it ended.
        case victimProcess

        var description: String {
            switch self {
            case .edition(let phase): "⟨edition \(phase.rawValue)⟩"
            case .year(let phase): "⟨year \(phase.rawValue)⟩"
            case .entry(let country, let phase): "⟨entry \(country) \(phase.rawValue)⟩"
            case .seat(let login, let phase): "⟨seat \(login.rawValue) \(phase.rawValue)⟩"
            case .loginName(let login): "⟨login \(login.rawValue)⟩"
            case .text(let text): "'\(text)'"
            case .ranking(let phase): "⟨ranking \(phase.rawValue)⟩"
            case .freshLogin: "⟨fresh login⟩"
            case .victimProcess: "⟨victim pid⟩"
            }
        }
    }

    /// What each placeholder means for a subject in a phase.
    static func target(of placeholder: String, for subject: Subject, in phase: Phase) -> Target? {
        let edition = phase.edition
        switch placeholder {
        case "edition": return .edition(edition)
        case "year": return .year(edition)
        case "entry": return .entry(country: subject.entryCountry, edition)
        case "country": return .text(subject.entryCountry)
        case "juror": return .seat(subject.seat, edition)
        case "juror_at": return .seat(.jurorAT, edition)
        case "juror_fi": return .seat(.jurorFI, edition)
        case "person": return .loginName(subject.person)
        case "new_cell": return .entry(country: newCellCountry(of: subject.seat, in: edition), edition)
        case "declared", "override": return .entry(country: "LT", edition)
        case "abstained": return .entry(country: "HU", edition)
        case "no_group_login": return .loginName(.noGroup)
        case "reader_login": return .loginName(.reader)
        case "ranking": return .ranking(edition)
        case "fresh_login": return .freshLogin
        case "victim_pid": return .victimProcess
        default: return nil
        }
    }

    /// An entry on which a seat holds neither a score nor an abstention (see PermissionMatrixFixture):
    /// the Austrian juror's Danish cell while scoring is open, their Lithuanian one (a declared
    /// conflict) once frozen; the Finnish juror's Finnish cell (own country); any for the advisory juror.
    static func newCellCountry(of seat: Login, in phase: Phase) -> String {
        switch (seat, phase) {
        case (.jurorAT, .submissionsOpen): "SE"
        case (.jurorAT, .scoring): "DK"
        case (.jurorAT, _): "LT"
        case (.jurorFI, _): "FI"
        default: "SE"
        }
    }

    /// One statement to run as one login: one or more (deduplicated) cells of the matrix.
    struct Cell: Sendable {
        var row: Row
        var phase: Phase
        /// The subjects this statement stands for (several when they share login and statement).
        var subjects: [Subject]
        var login: Login { subjects[0].login }
        var expected: Outcome
        /// Set when PostgreSQL is known to allow more than `expected` here.
        var hole: Hole?
        /// The statement with every placeholder replaced by its target.
        var template: [Part]

        enum Part: Hashable, Sendable {
            case text(String)
            case target(Target)
        }

        var id: String { "\(row.key)/\(phase.rawValue)/\(subjects.map(\.rawValue).joined(separator: "+"))" }

        /// The statement with targets shown symbolically (for ids, deduplication and messages).
        var symbolic: String {
            template.map { part in
                switch part {
                case .text(let text): text
                case .target(let target): target.description
                }
            }.joined()
        }
    }

    struct DataError: Error, CustomStringConvertible {
        var description: String
    }

    /// Splits a template into text and targets.
    static func parse(_ sql: String, for subject: Subject, in phase: Phase) throws -> [Cell.Part] {
        var parts: [Cell.Part] = []
        var rest = Substring(sql)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw DataError(description: "unclosed placeholder in \(sql)")
            }
            parts.append(.text(String(rest[..<open])))
            let name = String(rest[rest.index(after: open)..<close])
            guard let target = target(of: name, for: subject, in: phase) else {
                throw DataError(description: "unknown placeholder {\(name)} in \(sql)")
            }
            parts.append(.target(target))
            rest = rest[rest.index(after: close)...]
        }
        parts.append(.text(String(rest)))
        return parts
    }

    /// The expected outcomes of a row in a phase, by subject.
    static func outcomes(of row: Row, _ tokens: String) throws -> [Subject: Outcome] {
        let words = tokens.split(separator: " ").map(String.init)
        guard words.count == Subject.allCases.count else {
            throw DataError(description: "\(row.key): \(words.count) outcomes instead of \(Subject.allCases.count) in \"\(tokens)\"")
        }
        var result: [Subject: Outcome] = [:]
        for (subject, word) in zip(Subject.allCases, words) {
            guard let outcome = Outcome(token: word) else {
                throw DataError(description: "\(row.key): unknown outcome \"\(word)\"")
            }
            result[subject] = outcome
        }
        return result
    }

    /// Every cell to assert: one per row, phase and distinct (login, statement); subjects that share
    /// both are one cell and must expect the same outcome.
    static func cells() throws -> [Cell] {
        var cells: [Cell] = []
        var keys = Set<String>()
        for row in rows {
            guard keys.insert(row.key).inserted else { throw DataError(description: "two rows named \(row.key)") }
            for hole in row.holes {
                guard row.expected.contains(where: { $0.0 == hole.phase }), Outcome(token: hole.actual) != nil else {
                    throw DataError(description: "\(row.key): a hole in a phase the row does not try, or an unknown outcome \(hole.actual)")
                }
            }
            for (phase, tokens) in row.expected {
                let outcomes = try outcomes(of: row, tokens)
                var byStatement: [String: Int] = [:]
                for subject in Subject.allCases {
                    let template = try parse(row.statement(for: subject), for: subject, in: phase)
                    let hole = row.holes.first { $0.phase == phase && $0.subject == subject }
                    var cell = Cell(row: row, phase: phase, subjects: [subject], expected: outcomes[subject]!, hole: hole, template: template)
                    let key = "\(subject.login.rawValue)\n\(cell.symbolic)"
                    if let index = byStatement[key] {
                        guard (cells[index].hole == nil) == (hole == nil) else {
                            throw DataError(
                                description:
                                    "\(row.key) \(phase.rawValue): \(subject.rawValue) runs the same statement as \(cells[index].subjects[0].rawValue), so both or neither are holes"
                            )
                        }
                        guard cells[index].expected == cell.expected else {
                            throw DataError(
                                description:
                                    "\(row.key) \(phase.rawValue): \(cells[index].subjects[0].rawValue) and \(subject.rawValue) run the same statement as the same login but expect \(cells[index].expected) and \(cell.expected)"
                            )
                        }
                        cells[index].subjects.append(subject)
                    } else {
                        byStatement[key] = cells.count
                        cell.subjects = [subject]
                        cells.append(cell)
                    }
                }
            }
        }
        return cells
    }
}
