import LibPQ
import Testing

/// Secrets in connection strings never reach a message, and URLs libpq would misread are refused without being quoted.
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("Unexpected argument 'postgresql://user:secret@host/db'", "Unexpected argument 'postgresql://********@host/db'"),
        ("postgresql://alice:Sec@ret@127.0.0.1/db and postgres://bob@h", "postgresql://********@127.0.0.1/db and postgres://********@h"),
        ("postgresql://alice:Sec/ret@127.0.0.1:5432/db", "postgresql://********@127.0.0.1:5432/db"),
        ("postgresql://host/db?user=a&password=secret&sslmode=require", "postgresql://host/db?user=a&password=********"),
        ("'host=x password=hunter2 dbname=y'", "'host=x password=******** dbname=y'"),
        ("host=x password = 'two words\\' quoted' dbname=y", "host=x password = '********' dbname=y"),
        ("Unexpected argument 'password=hunter2'", "Unexpected argument 'password=********'"),
        ("PGPASSWORD=hunter2 ecpa", "PGPASSWORD=******** ecpa"),
        ("password authentication failed for user \"alice\"", "password authentication failed for user \"alice\""),
        ("https://eucpn.org/ is the network's site", "https://eucpn.org/ is the network's site"),
    ])
    func secretsAreMasked(text: String, redacted: String) {
        #expect(ConnectionString.redactingSecrets(in: text) == redacted)
    }

    @Test(arguments: [
        "postgresql://alice:Sec@ret@127.0.0.1/db",
        "postgresql://alice:Sec/ret@127.0.0.1:5432/db",
        "postgresql://alice:Sec@127.0.0.1:ret/db",
        "postgres://alice:Sec%zzret@127.0.0.1/db",
    ])
    func aURLLibpqWouldMisreadIsRefusedWithoutQuotingIt(url: String) throws {
        let error = try #require(throws: PQError.self) { try Connection(conninfo: url) }
        #expect(error.kind == .connection)
        #expect(
            error.message.hasPrefix(
                "The connection URL is not valid: characters such as @ / : ? # in a user name, password or database name must be percent-encoded (@ as %40"
            ))
        for fragment in ["alice", "Sec", "ret", "127.0.0.1"] {
            #expect(!error.description.contains(fragment))
        }
    }

    @Test(arguments: [
        "postgresql://alice:Sec%40ret@127.0.0.1:1/db?connect_timeout=2",
        "postgresql://alice:Sec%2Fret@[::1]:1/db?connect_timeout=2",
        "postgresql://alice:Sec:ret?@127.0.0.1:1,127.0.0.2:1/db?connect_timeout=2",
    ])
    func aSoundURLGetsAsFarAsTheServer(url: String) throws {
        let error = try #require(throws: PQError.self) { try Connection(conninfo: url) }
        #expect(error.kind == .connection)
        #expect(!error.message.hasPrefix("The connection URL is not valid"))
        #expect(!error.description.contains("Sec"))
    }
}
