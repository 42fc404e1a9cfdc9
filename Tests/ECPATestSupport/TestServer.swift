import Foundation
import LibPQ

/// The PostgreSQL server the tests use, as configured by the environment that scripts/test (or pg_virtualenv) sets.
enum TestServer {
    static func requireConfiguration() throws {
        let environment = ProcessInfo.processInfo.environment
        let keys = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGSERVICE"]
        guard keys.contains(where: { environment[$0]?.isEmpty == false }) else {
            throw PQError(
                kind: .connection,
                message: "No PostgreSQL server configured: run the tests with scripts/test (it starts one).")
        }
    }

    /// The maintenance database from the environment, or `postgres`.
    static var adminConninfo: String {
        let database = ProcessInfo.processInfo.environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 }
        return database == nil ? "dbname=postgres" : ""
    }

    /// Quotes a value for a key=value connection string.
    static func conninfoValue(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }
}
