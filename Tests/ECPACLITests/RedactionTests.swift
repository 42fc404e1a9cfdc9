import ECPACLI
import Foundation
import Testing

/// No message of ecpa prints any fragment of a password, whatever the mistake in the command line.
@Suite struct RedactionTests {
    func run(_ arguments: [String], variables: [String: String] = [:]) -> (status: Int32, output: String) {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let env = CLIEnvironment(
            variables: variables, now: { Date(timeIntervalSince1970: 0) },
            write: { box.text += $0 }, writeError: { box.text += $0 })
        let status = ECPACommand.run(arguments: arguments, in: env)
        return (status, box.text)
    }

    static let urlAdvice =
        "The connection URL is not valid: characters such as @ / : ? # in a user name, password or database name must be percent-encoded (@ as %40, / as %2F, : as %3A, ? as %3F, # as %23)."

    @Test(arguments: [
        "postgresql://alice:Sec@ret@127.0.0.1/db",
        "postgresql://alice:Sec/ret@127.0.0.1:5432/db",
        "postgres://alice:Sec%zzret@127.0.0.1/db",
    ])
    func aMalformedURLIsRefusedWithoutQuotingIt(url: String) {
        for (arguments, variables) in [
            (["edition", "list", "--db", url], [:]),
            (["edition", "list"], ["ECPA_DATABASE_URL": url]),
        ] {
            let (status, output) = run(arguments, variables: variables)
            #expect(status == 69)
            #expect(output.contains(Self.urlAdvice))
            #expect(!output.contains("Sec"))
            #expect(!output.contains("ret"))
            #expect(!output.contains("alice"))
        }
    }

    @Test func aURLWithoutDbIsPrintedWithoutItsUserInformation() {
        let (status, output) = run(["edition", "list", "postgresql://user:secret@db.example.org/ecpa"])
        #expect(status == 64)
        #expect(output.hasPrefix("Error: Unexpected argument 'postgresql://********@db.example.org/ecpa'\n"))
        #expect(!output.contains("secret"))

        let (showStatus, show) = run(["edition", "show", "postgres://user:p%40ss@db.example.org/ecpa"])
        #expect(showStatus == 64)
        #expect(show.hasPrefix("Error: The value 'postgres://********@db.example.org/ecpa' is invalid for '<year>'"))
        #expect(!show.contains("p%40ss"))
    }

    @Test func aKeyValueStringWithoutDbIsPrintedWithoutItsPassword() {
        let (status, output) = run(["edition", "list", "host=db.example.org password=hunter2 dbname=ecpa"])
        #expect(status == 64)
        #expect(output.hasPrefix("Error: Unexpected argument 'host=db.example.org password=******** dbname=ecpa'"))
        #expect(!output.contains("hunter2"))
    }

    @Test func aServerThatCannotBeReachedIsNamedButThePasswordIsNot() {
        let (status, output) = run(["edition", "list", "--db", "host=127.0.0.1 port=1 connect_timeout=2 password=hunter2secret"])
        #expect(status == 69)
        #expect(output.hasPrefix("ecpa: Cannot connect to PostgreSQL: "))
        #expect(output.contains("127.0.0.1"))
        // libpq's several lines become one.
        #expect(output.filter(\.isNewline).count == 1)
        #expect(!output.contains("hunter2"))
    }
}
