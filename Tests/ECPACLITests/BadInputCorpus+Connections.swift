import Foundation

extension BadInputCorpus {
    /// Connection strings given with --db or ECPA_DATABASE_URL. None of them may echo a password.
    static let connections: [BadInput] = [
        BadInput(
            kind: .connection, name: "password-with-an-at-sign-in-a-url", world: .empty,
            command: "ecpa edition list --db 'postgresql://fi_rep:Sec@ret@db.example.org/ecpa'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection URL is not valid: characters such as @ / : ? # in a user name, password or database name must be percent-encoded (@ as %40, / as %2F, : as %3A, ? as %3F, # as %23). Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "password-with-a-slash-in-a-url", world: .empty,
            command: "ecpa edition list --db 'postgresql://fi_rep:a/b@db.example.org/ecpa'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection URL is not valid: characters such as @ / : ? # in a user name, password or database name must be percent-encoded (@ as %40, / as %2F, : as %3A, ? as %3F, # as %23). Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "not-a-connection-string", world: .empty,
            command: "ecpa edition list --db ecpa-server",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection string is not valid: use key=value pairs (host=... dbname=...) or a postgresql:// URL. Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "misspelt-setting", world: .empty,
            command: "ecpa edition list --db 'hots=db.example.org dbname=ecpa'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection string has no setting \"hots\" (did you mean host?); settings such as host, port, dbname, user and sslmode are written key=value. Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "port-out-of-range", world: .empty,
            command: "ecpa edition list --db 'postgresql://db.example.org:99999/ecpa'",
            exit: 69, error: "ecpa: Cannot connect to PostgreSQL: Invalid port number: \"99999\". Check --db or ECPA_DATABASE_URL.\n"),
        BadInput(
            kind: .connection, name: "sslmode-misspelt", world: .empty,
            command: "ecpa edition list --db 'postgresql://db.example.org/ecpa?sslmode=verify-ful'",
            exit: 69, error: "ecpa: Cannot connect to PostgreSQL: Invalid sslmode value: \"verify-ful\". Check --db or ECPA_DATABASE_URL.\n"),
        BadInput(
            kind: .connection, name: "database-url-variable-not-a-connection-string", world: .empty,
            command: "ecpa edition list",
            environment: ["ECPA_DATABASE_URL": "ecpa-server password=s3cret"],
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection string is not valid: use key=value pairs (host=... dbname=...) or a postgresql:// URL. Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "other-database-systems-url", world: .empty,
            command: "ecpa edition list --db 'mysql://db.example.org/ecpa'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: The connection string is not valid: use key=value pairs (host=... dbname=...) or a postgresql:// URL. Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "socket-folder-that-does-not-exist", world: .empty,
            command: "ecpa edition list --db 'host=/var/run/no-such-postgresql port=5432 dbname=ecpa'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: Connection to server {server} failed: No such file or directory. Is the server running locally and accepting connections on that socket? Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "database-that-does-not-exist", world: .empty,
            command: "ecpa edition list --db dbname=ecpa_no_such_database",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: Connection to server {server} failed: database \"ecpa_no_such_database\" does not exist. Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "login-that-does-not-exist", world: .empty,
            command: "ecpa edition list --db 'dbname=postgres user=no_such_login'",
            exit: 69,
            error:
                "ecpa: Cannot connect to PostgreSQL: Connection to server {server} failed: password authentication failed for user \"no_such_login\". Check --db or ECPA_DATABASE_URL.\n"
        ),
        BadInput(
            kind: .connection, name: "service-that-is-not-defined", world: .empty,
            command: "ecpa edition list --db service=ecpa_no_such_service",
            exit: 69,
            error: "ecpa: Cannot connect to PostgreSQL: Definition of service \"ecpa_no_such_service\" not found. Check --db or ECPA_DATABASE_URL.\n"),
        BadInput(
            kind: .connection, name: "acting-as-a-role-that-does-not-exist", world: .submissions,
            command: "ecpa entry list --as fi_representativ",
            exit: 5,
            error:
                "ecpa: You cannot act as \"fi_representativ\": Role \"fi_representativ\" does not exist. Your login must be a member of that role.\n"),
    ]
}
