import ECPATestSupport
import LibPQ
import Testing

@Suite struct PasswordTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase.make()
        connection = try database.connect()
    }

    @Test func aRoleCreatedWithTheVerifierLogsInWithItsPasswordOnly() throws {
        let role = TestDatabase.uniqueName("juror")
        let password = "correct horse 'battery' staple"
        let verifier = try connection.encryptPassword(password, role: role)
        #expect(verifier.hasPrefix("SCRAM-SHA-256$"))
        #expect(!verifier.contains("horse"))
        try connection.execute("CREATE ROLE \(identifier: role) LOGIN PASSWORD \(unsafeRaw: sqlLiteral(verifier))")
        defer { _ = try? connection.execute("DROP ROLE IF EXISTS \(identifier: role)") }

        let asRole = try database.connect(role: role, password: password)
        #expect(asRole.user == role)
        #expect(try asRole.queryOne("SELECT current_user AS who")?.decode("who", as: String.self) == role)
        asRole.close()

        let error = try #require(throws: PQError.self) {
            try database.connect(role: role, password: "wrong-horse-42")
        }
        #expect(error.kind == .connection)
        #expect(error.description.contains("password authentication failed"))
        #expect(!error.description.contains("wrong-horse-42"))
        #expect(!error.description.contains("battery"))
    }

    @Test func theVerifierIsSaltedEachTime() throws {
        let first = try connection.encryptPassword("same", role: "someone")
        let second = try connection.encryptPassword("same", role: "someone")
        #expect(first != second)
    }
}
