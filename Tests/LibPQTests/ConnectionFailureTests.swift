import LibPQ
import Testing

/// Connections that fail before any database is involved.
@Suite struct ConnectionFailureTests {
    @Test func anUnreachableServerIsAConnectionError() throws {
        let error = try #require(throws: PQError.self) {
            try Connection(conninfo: "host=127.0.0.1 port=1 connect_timeout=2 password=hunter2secret")
        }
        #expect(error.kind == .connection)
        #expect(!error.description.contains("hunter2secret"))
        #expect(error.description.contains("127.0.0.1"))
    }

    @Test func aMalformedConnectionStringDoesNotEchoIt() throws {
        let error = try #require(throws: PQError.self) {
            try Connection(conninfo: "host=localhost password=hunter2 secret")
        }
        #expect(error.kind == .connection)
        #expect(!error.description.contains("hunter2"))
        #expect(!error.description.contains("secret"))
    }
}
