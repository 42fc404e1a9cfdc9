import Foundation
import LibPQ
import Testing

/// A hostile-login suite: its world, and the two ways it records an attack for docs/security.md.
protocol HostileSuite {
    var world: HostileWorld { get }
}

extension HostileSuite {
    /// Records an attack and expects it to have been held.
    func held(_ attack: String, _ held: Bool, _ detail: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        SecurityLog.record("attack", attack, held: held)
        #expect(held, "attack \(attack) succeeded: \(detail())", sourceLocation: sourceLocation)
    }

    /// Runs `sql` as `login` in one transaction; held when refused with `state` and nothing changed.
    func attack(
        _ name: String, as login: HostileWorld.Login, _ sql: String, refusedWith state: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let connection = try world.connect(login)
        let before = try world.fingerprint()
        let error = HostileWorld.refusal(connection, "BEGIN; \(sql); COMMIT")
        HostileWorld.rollback(connection)
        let unchanged = try world.fingerprint() == before
        held(name, error?.sqlState == state && unchanged, "\(String(describing: error))", sourceLocation: sourceLocation)
    }
}
