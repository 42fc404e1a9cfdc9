import CLibPQ

/// An error from libpq, the server, or from decoding a result; it never carries the conninfo or bound values.
public struct PQError: Error, CustomStringConvertible, Sendable {
    /// Where an error came from.
    public enum Kind: Sendable, Hashable {
        /// The connection could not be made, or was lost.
        case connection
        /// The server rejected a statement; `sqlState` says why.
        case server
        /// A result value could not be turned into the requested Swift type.
        case decoding
        /// The API was used in a way that cannot work (for example a closed connection).
        case usage
    }

    /// Where the error came from.
    public var kind: Kind
    /// The five-character SQLSTATE code of a server error, such as `23505`.
    public var sqlState: String?
    /// The primary, one-line message.
    public var message: String
    /// The server's secondary message with more detail.
    public var detail: String?
    /// The server's suggestion of what to do.
    public var hint: String?
    /// The name of the constraint that was violated.
    public var constraint: String?
    /// The name of the table concerned.
    public var table: String?
    /// The name of the column concerned.
    public var column: String?
    /// The non-localized severity, such as `ERROR`, `FATAL`, `NOTICE` or `WARNING`.
    public var severity: String?
    /// Where in the server the error happened, such as `COPY scores, line 3, column points: "x"`.
    public var context: String?
    /// The server's C function that raised it, never translated: `exec_stmt_raise` for a PL/pgSQL
    /// `RAISE` (a rule's own refusal), `aclcheck_error` for a missing grant, and so on.
    public var sourceFunction: String?
    /// Whether the error ended a COMMIT. A server error there means the transaction was rolled
    /// back; a lost connection there means nobody can tell whether it was committed.
    public var duringCommit: Bool

    /// Creates an error; the message must not contain secrets or bound values.
    public init(
        kind: Kind,
        message: String,
        sqlState: String? = nil,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil,
        severity: String? = nil,
        context: String? = nil,
        sourceFunction: String? = nil,
        duringCommit: Bool = false
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.severity = severity
        self.context = context
        self.sourceFunction = sourceFunction
        self.duringCommit = duringCommit
    }

    /// The message followed by the detail, hint and context lines that are present.
    public var description: String {
        var lines = [message]
        if let detail { lines.append("DETAIL: \(detail)") }
        if let hint { lines.append("HINT: \(hint)") }
        if let context { lines.append("CONTEXT: \(context)") }
        return lines.joined(separator: "\n")
    }
}

extension PQError {
    /// Reads the error fields of a failed or notice result.
    init(result: OpaquePointer, kind: Kind, fallbackMessage: String) {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        self.init(
            kind: kind,
            message: field(ECPA_PG_DIAG_MESSAGE_PRIMARY) ?? fallbackMessage,
            sqlState: field(ECPA_PG_DIAG_SQLSTATE),
            detail: field(ECPA_PG_DIAG_MESSAGE_DETAIL),
            hint: field(ECPA_PG_DIAG_MESSAGE_HINT),
            constraint: field(ECPA_PG_DIAG_CONSTRAINT_NAME),
            table: field(ECPA_PG_DIAG_TABLE_NAME),
            column: field(ECPA_PG_DIAG_COLUMN_NAME),
            severity: field(ECPA_PG_DIAG_SEVERITY_NONLOCALIZED),
            // The shim does not export PG_DIAG_CONTEXT; its value is the letter W (postgres_ext.h).
            context: field(Int32(UInt8(ascii: "W"))),
            // PG_DIAG_SOURCE_FUNCTION, the letter R.
            sourceFunction: field(Int32(UInt8(ascii: "R")))
        )
    }

    static func usage(_ message: String) -> PQError {
        PQError(kind: .usage, message: message)
    }

    static func decoding(_ message: String) -> PQError {
        PQError(kind: .decoding, message: message)
    }
}
