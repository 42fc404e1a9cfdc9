import CLibPQ
import Foundation

/// One libpq connection; not thread-safe, so keep it on one thread or behind an actor.
public final class Connection {
    private var handle: OpaquePointer?
    private var savepointCounter = 0

    /// How many transactions `transaction` has committed on this connection, so that a failure
    /// later on can tell whether some of a command's work was already saved.
    public internal(set) var committedTransactions = 0

    /// Told when `transaction` rolls a transaction back to run it once more, with the error that
    /// made it do so, so that a front end can say so.
    public var retryHandler: ((Error) -> Void)?

    /// Receives the server's NOTICE and WARNING messages; when nil they are dropped.
    public var noticeHandler: ((PQError) -> Void)?

    /// Connects with a key=value string or a postgresql:// URL; "" uses libpq's environment (PGHOST, PGSERVICE, ~/.pgpass...).
    public init(conninfo: String) throws {
        if let problem = ConnectionString.urlProblem(in: conninfo) {
            throw PQError(kind: .connection, message: problem)
        }
        let givenPassword = try Connection.password(in: conninfo)
        guard let connection = PQconnectdb(conninfo) else {
            throw PQError(kind: .connection, message: "libpq could not allocate a connection.")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let secrets = [givenPassword, PQpass(connection).map { String(cString: $0) }].compactMap { $0 }
            let message = Connection.redact(Connection.errorMessage(of: connection), removing: secrets)
            PQfinish(connection)
            throw PQError(kind: .connection, message: message)
        }
        handle = connection
        installNoticeReceiver(on: connection)
        do {
            // Fixed output formats make decoding of text results deterministic.
            try executeScript(
                unsafeRaw: """
                    SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';
                    SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 3; SET bytea_output = 'hex'
                    """)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Closes the connection; later calls throw a usage error.
    public func close() {
        guard let connection = handle else { return }
        PQsetNoticeReceiver(connection, { _, _ in }, nil)
        PQfinish(connection)
        handle = nil
    }

    /// The server's version as a number, such as 150004 for 15.4; 0 when closed.
    public var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// The role this connection is logged in as.
    public var user: String {
        guard let handle, let name = PQuser(handle) else { return "" }
        return String(cString: name)
    }

    /// Runs a statement with bound parameters and returns all rows as text.
    public func query(_ sql: SQL) throws -> [Row] {
        let result = try run(sql)
        defer { PQclear(result) }
        return Connection.rows(of: result)
    }

    /// Runs a statement and returns its first row, or nil when it returned none.
    public func queryOne(_ sql: SQL) throws -> Row? {
        try query(sql).first
    }

    /// Runs a statement and returns the number of rows it affected (0 when it reports none).
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        let result = try run(sql)
        defer { PQclear(result) }
        return Connection.affectedRows(of: result)
    }

    /// Runs one or more statements with the simple protocol and no parameters, as for migrations.
    public func executeScript(unsafeRaw script: String) throws {
        let connection = try openHandle()
        try Connection.rejectNUL(in: script)
        let sent = PQsendQuery(connection, script) == 1
        let result = try check(sent ? Connection.firstResult(on: connection) : nil, on: connection, allowCopyIn: false)
        PQclear(result)
    }

    /// Computes a password verifier with the server's algorithm (SCRAM-SHA-256) without sending the password.
    public func encryptPassword(_ password: String, role: String) throws -> String {
        let connection = try openHandle()
        try Connection.rejectNUL(in: password)
        try Connection.rejectNUL(in: role)
        guard let verifier = PQencryptPasswordConn(connection, password, role, nil) else {
            let message = Connection.redact(Connection.errorMessage(of: connection), removing: [password])
            throw PQError(kind: kind(of: connection), message: message)
        }
        defer { PQfreemem(verifier) }
        return String(cString: verifier)
    }

    /// Quotes a name as an SQL identifier, doubling any double quote inside it.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func nextSavepointName() -> String {
        savepointCounter += 1
        return "ecpa_savepoint_\(savepointCounter)"
    }

    func openHandle() throws -> OpaquePointer {
        guard let handle else { throw PQError.usage("The connection is closed.") }
        return handle
    }

    /// Sends a statement with the extended protocol; the caller must PQclear the result.
    func run(_ sql: SQL, allowCopyIn: Bool = false, allowCopyOut: Bool = false) throws -> OpaquePointer {
        let connection = try openHandle()
        try Connection.rejectNUL(in: sql.text)
        for binding in sql.bindings {
            if let value = binding.value {
                try Connection.rejectNUL(in: value, what: "A bound value")
            }
        }
        let types = sql.bindings.map { Oid($0.typeOID) }
        let values: [UnsafeMutablePointer<CChar>?] = sql.bindings.map { binding in
            binding.value.flatMap { strdup($0) }
        }
        defer { values.forEach { free($0) } }
        let constValues = values.map { UnsafePointer($0) }
        let sent =
            PQsendQueryParams(
                connection, sql.text, Int32(sql.bindings.count), types, constValues, nil, nil, 0) == 1
        return try check(
            sent ? Connection.firstResult(on: connection) : nil, on: connection, allowCopyIn: allowCopyIn,
            allowCopyOut: allowCopyOut)
    }

    /// Waits for the results of what was just sent, as PQexec does, but keeps the first error:
    /// when the server ends the session, its own message (with its SQLSTATE, such as 57P01)
    /// comes before the one libpq adds for the lost connection, which PQexec would return.
    /// Otherwise the last result is kept; a COPY's start is returned at once.
    static func firstResult(on connection: OpaquePointer) -> OpaquePointer? {
        var kept: OpaquePointer?
        while let result = PQgetResult(connection) {
            let status = PQresultStatus(result)
            if let previous = kept, PQresultStatus(previous) == PGRES_FATAL_ERROR {
                PQclear(result)
            } else {
                if let previous = kept { PQclear(previous) }
                kept = result
            }
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
                || PQstatus(connection) == CONNECTION_BAD
            {
                break
            }
        }
        return kept
    }

    /// Turns a result into a thrown error unless it succeeded; consumes failed results.
    func check(_ result: OpaquePointer?, on connection: OpaquePointer, allowCopyIn: Bool, allowCopyOut: Bool = false) throws
        -> OpaquePointer
    {
        guard let result else {
            throw PQError(kind: kind(of: connection), message: Connection.errorMessage(of: connection))
        }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        case PGRES_COPY_IN where allowCopyIn, PGRES_COPY_OUT where allowCopyOut:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy(on: connection)
            throw PQError.usage(
                "COPY ... FROM STDIN needs copyIn, and COPY ... TO STDOUT needs copyOut; the COPY was cancelled.")
        default:
            let error = PQError(
                result: result, kind: kind(of: connection),
                fallbackMessage: Connection.errorMessage(of: connection))
            PQclear(result)
            throw error
        }
    }

    /// Ends a COPY the caller did not ask for, so the connection can be used again.
    private func abandonCopy(on connection: OpaquePointer) {
        _ = PQputCopyEnd(connection, "COPY is not supported by this call")
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let received = PQgetCopyData(connection, &buffer, 0)
            if let buffer { PQfreemem(buffer) }
            if received < 0 { break }
        }
        while let result = PQgetResult(connection) {
            PQclear(result)
        }
    }

    func kind(of connection: OpaquePointer) -> PQError.Kind {
        PQstatus(connection) == CONNECTION_BAD ? .connection : .server
    }

    private func installNoticeReceiver(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
                guard let handler = connection.noticeHandler else { return }
                handler(PQError(result: result, kind: .server, fallbackMessage: "Notice from the server."))
            },
            context)
    }

    static func rows(of result: OpaquePointer) -> [Row] {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        let names = (0..<columnCount).map { column in
            PQfname(result, column).map { String(cString: $0) } ?? "?column?"
        }
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            let values: [String?] = (0..<columnCount).map { column in
                if PQgetisnull(result, row, column) == 1 { return nil }
                return PQgetvalue(result, row, column).map { String(cString: $0) }
            }
            rows.append(Row(columnNames: names, values: values))
        }
        return rows
    }

    static func affectedRows(of result: OpaquePointer) -> Int {
        guard let tuples = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: tuples)) ?? 0
    }

    static func errorMessage(of connection: OpaquePointer) -> String {
        guard let message = PQerrorMessage(connection) else { return "Unknown libpq error." }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "Unknown libpq error." : text
    }

    static func redact(_ message: String, removing secrets: [String]) -> String {
        let removed = secrets.filter { !$0.isEmpty }.reduce(message) { text, secret in
            text.replacingOccurrences(of: secret, with: ConnectionString.mask)
        }
        return ConnectionString.redactingSecrets(in: removed)
    }

    static func rejectNUL(in text: String, what: String = "SQL text") throws {
        if text.utf8.contains(0) {
            throw PQError.usage("\(what) contains a NUL character, which PostgreSQL text cannot hold.")
        }
    }

    /// Every setting libpq knows (host, port, dbname, sslmode...).
    static var keywords: [String] {
        guard let options = PQconndefaults() else { return [] }
        defer { PQconninfoFree(options) }
        var keywords: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            keywords.append(String(cString: keyword))
            option += 1
        }
        return keywords
    }

    /// The password given in a conninfo, read with libpq's own parser; its syntax errors are not echoed since they quote the text.
    private static func password(in conninfo: String) throws -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            throw PQError(
                kind: .connection,
                message: ConnectionString.isURL(conninfo)
                    ? ConnectionString.invalidURL
                    : ConnectionString.unknownKeyProblem(in: conninfo, known: Connection.keywords)
                        ?? "The connection string is not valid: use key=value pairs (host=... dbname=...) or a postgresql:// URL.")
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password" {
                return option.pointee.val.map { String(cString: $0) }
            }
            option += 1
        }
        return nil
    }
}

extension Connection: SQLExecutor {}
