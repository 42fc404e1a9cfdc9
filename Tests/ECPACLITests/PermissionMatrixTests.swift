import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// Every cell of the permission matrix (PermissionMatrix+Rows.swift, shown in docs/security.md),
/// tried through raw SQL by the person's own login over a real connection with a password.
@Suite struct PermissionMatrixTests {
    typealias Matrix = PermissionMatrix

    /// What a statement did: ran (with the rows it returned or changed) or failed.
    enum Attempt: CustomStringConvertible {
        case ran(rows: Int)
        case failed(PQError)

        var description: String {
            switch self {
            case .ran(let rows): "ran (\(rows) row\(rows == 1 ? "" : "s"))"
            case .failed(let error): "refused \(error.sqlState ?? "without SQLSTATE"): \(error.message)"
            }
        }
    }

    /// Runs one statement in its own transaction, rolled back so no cell affects another. Deferred
    /// checks run before the rollback, as they would at commit. A read counts the rows that hold
    /// a value; a write the rows it changed. The administrator's run skips every trigger
    /// (replica mode) and, as a superuser, every policy: it says which rows the statement aims at.
    static func attempt(_ sql: String, action: Matrix.Action, on connection: Connection, administrator: Bool = false) -> Attempt {
        do {
            try connection.executeScript(unsafeRaw: "BEGIN")
            defer { try? connection.executeScript(unsafeRaw: "ROLLBACK") }
            if administrator {
                try connection.executeScript(unsafeRaw: "SET LOCAL session_replication_role = replica")
            }
            let rows: Int
            switch action {
            case .select, .execute, .nextval:
                rows = try connection.query(SQL(unsafeRaw: sql)).filter { $0.values.contains { $0 != nil } }.count
            case .insert, .update, .delete, .truncate:
                rows = try connection.execute(SQL(unsafeRaw: sql))
            }
            try connection.executeScript(unsafeRaw: "SET CONSTRAINTS ALL IMMEDIATE")
            return .ran(rows: rows)
        } catch let error as PQError {
            return .failed(error)
        } catch {
            return .failed(PQError(kind: .usage, message: "\(error)"))
        }
    }

    /// Whether an attempt is the expected outcome. `reference` is the administrator's attempt, asked
    /// for only where the outcome depends on which rows exist.
    static func holds(_ expected: Matrix.Outcome, _ attempt: Attempt, action: Matrix.Action, reference: () -> Attempt) -> Bool {
        switch (expected, attempt) {
        case (.refused(let state), .failed(let error)):
            return error.sqlState == state
        case (.yes, .ran(let rows)):
            switch action {
            case .select:
                guard rows > 0, case .ran(let all) = reference() else { return false }
                return rows == all
            case .insert, .update, .delete:
                return rows > 0
            case .execute, .nextval:
                // Answering nothing counts as yes only where the administrator gets nothing either.
                guard rows == 0 else { return true }
                guard case .ran(let all) = reference() else { return false }
                return all == 0
            case .truncate:
                return true
            }
        case (.none, .ran(let rows)):
            guard rows == 0, case .ran(let aimed) = reference() else { return false }
            return aimed > 0
        default:
            return false
        }
    }

    @Test func everyCellHoldsForTheLoginThatTriesIt() throws {
        let cells = try Matrix.cells()
        let fixture = try PermissionMatrixFixture()
        let admin = try fixture.cli.database.connect()
        var connections: [Matrix.Login: Connection] = [:]
        var failures: [String] = []
        let started = Date()
        for cell in cells {
            let sql = try fixture.statement(of: cell)
            let connection: Connection
            if let open = connections[cell.login] {
                connection = open
            } else {
                connection = try fixture.connect(cell.login)
                connections[cell.login] = connection
            }
            let attempt = Self.attempt(sql, action: cell.row.action, on: connection)
            var reference: Attempt?
            let aimed = {
                if reference == nil { reference = Self.attempt(sql, action: cell.row.action, on: admin, administrator: true) }
                return reference!
            }
            let held = Self.holds(cell.expected, attempt, action: cell.row.action, reference: aimed)
            SecurityLog.record("cell", cell.id, held: held)
            if let hole = cell.hole {
                // Known: fails until the hole is closed; then remove the hole from the matrix data.
                withKnownIssue("\(cell.id): \(hole.why)") {
                    #expect(held, "\(cell.id) as \(cell.login.rawValue): PostgreSQL allows it (\(attempt)): \(hole.why)\n    \(sql)")
                }
                // The docs show what PostgreSQL does in a hole; it must still be that.
                if !held && !Self.holds(hole.actualOutcome, attempt, action: cell.row.action, reference: aimed) {
                    failures.append("\(cell.id) as \(cell.login.rawValue): the known hole is now \(attempt), not \(hole.actualOutcome)\n    \(sql)")
                }
            } else if !held {
                // Functions may act outside the transaction (ending a session); their reference is not run.
                let context = cell.row.action == .execute && reference == nil ? "" : "; the administrator's run aimed at: \(aimed())"
                failures.append("\(cell.id) as \(cell.login.rawValue): expected \(cell.expected), got \(attempt)\(context)\n    \(sql)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("Permission matrix: \(cells.count) cells in \(String(format: "%.1f", seconds)) s (after the fixture).")
        if !failures.isEmpty {
            Issue.record("\(failures.count) of \(cells.count) cells did not hold:\n\(failures.joined(separator: "\n"))")
        }
    }

    @Test func theMatrixCoversEveryTableViewSequenceAndFunctionOfTheSchema() throws {
        let database = try TestDatabase.make(migrations: try Schema.migrations())
        let admin = try database.connect()
        var catalog: [String: Matrix.ObjectKind] = [:]
        for row in try admin.query(
            """
            SELECT 'ecpa.' || c.relname AS name, c.relkind::text AS kind FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'ecpa' AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
            """)
        {
            let kind: String = try row.decode("kind")
            catalog[try row.decode("name")] = kind == "S" ? .sequence : ["v", "m"].contains(kind) ? .view : .table
        }
        var triggerFunctions: [String: Bool] = [:]
        for row in try admin.query(
            """
            SELECT p.oid::pg_catalog.regprocedure::text AS name, p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype AS trigger,
                   pg_catalog.has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'ecpa'
            """)
        {
            let name: String = try row.decode("name")
            catalog[name] = .function
            if try row.decode("trigger", as: Bool.self) { triggerFunctions[name] = try row.decode("public_execute", as: Bool.self) }
        }
        #expect(catalog.count > 80, "the catalog query found only \(catalog.count) objects")
        #expect(triggerFunctions.count > 10, "the catalog query found only \(triggerFunctions.count) trigger functions")

        let rows = Matrix.rows
        for (name, kind) in catalog.sorted(by: { $0.key < $1.key }) {
            for action in kind.actions {
                #expect(
                    rows.contains { $0.object.name == name && $0.action == action },
                    "\(name) (\(kind.rawValue)) has no \(action.rawValue) row in the permission matrix")
            }
        }
        for object in Set(rows.map(\.object)) {
            #expect(
                catalog[object.name] == object.kind, "the matrix names \(object.name) as a \(object.kind.rawValue), which the schema does not have")
        }
        for (name, publicExecute) in triggerFunctions.sorted(by: { $0.key < $1.key }) {
            #expect(!publicExecute, "everyone may execute the trigger function \(name), so anyone could attach it to a table of their own")
            #expect(
                rows.contains { $0.object.name == name && $0.object.group == .triggers }, "\(name) is not among the trigger functions of the matrix")
        }
        for row in rows where row.object.group == .triggers {
            #expect(triggerFunctions[row.object.name] != nil, "\(row.object.name) is shown as a trigger function but is none")
        }
    }

    @Test func theMatrixDataIsConsistent() throws {
        let cells = try Matrix.cells()
        #expect(Set(cells.map(\.id)).count == cells.count, "two cells share an id")
        for row in Matrix.rows {
            #expect(!row.expected.isEmpty, "\(row.key) has no phase")
            #expect(Set(row.expected.map(\.0)).count == row.expected.count, "\(row.key) names a phase twice")
            // A row whose rows depend on the edition must say which; one that does not, says any.
            let editionBound = ["{edition}", "{year}", "{entry}", "{juror", "{new_cell}", "{declared}", "{abstained}", "{override}", "{ranking}"]
            let usesEdition = ([row.sql] + row.sqlFor.values).contains { sql in editionBound.contains { sql.contains($0) } }
            if !usesEdition {
                #expect(row.expected.map(\.0) == [.any], "\(row.key) aims at no edition's rows but names phases")
            }
        }
    }
}
