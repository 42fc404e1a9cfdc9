import ECPACore
import ECPAStore
import ECPATestSupport
import Foundation
import LibPQ

/// A migrated database of its own, an open edition, and login roles for two representatives.
final class Fixture {
    let database: TestDatabase
    let admin: Connection
    let now = Date()

    init() throws {
        database = try TestDatabase.make(migrations: try Schema.migrations())
        admin = try database.connect()
    }

    /// An edition whose submission window is open now (or closed, with `deadlinePassed`).
    @discardableResult
    func edition(year: Int = 2018, deadlinePassed: Bool = false, open: Bool = true) throws -> Edition {
        let closes = deadlinePassed ? now.addingTimeInterval(-3600) : now.addingTimeInterval(86_400)
        var edition = try EditionRepository(admin).insertEdition(
            NewEdition(
                year: year, theme: "Community Policing", hostCountry: CountryCode("AT")!, hostCity: "Vienna",
                submissionsOpenAt: now.addingTimeInterval(-10 * 86_400), submissionsCloseAt: closes))
        if open {
            edition = try EditionRepository(admin).updatePhase(year: year, to: .submissionsOpen)
        }
        return edition
    }

    /// Creates a national representative's login role and returns a connection as that role.
    func representative(_ country: String) throws -> (role: String, connection: Connection) {
        let role = TestDatabase.uniqueName(country.lowercased() + "_rep")
        let password = "pw-\(role)"
        let people = PersonRepository(admin)
        try people.createLoginRole(role, passwordVerifier: try admin.encryptPassword(password, role: role), kind: .nationalRepresentative)
        try people.insertPerson(
            Person(
                roleName: role, displayName: "Representative of \(country)", kind: .nationalRepresentative,
                email: nil, country: CountryCode(country)!))
        return (role, try database.connect(role: role, password: password))
    }

    /// A complete competing entry form for a country.
    static func form(_ country: String, title: String = "A project", kind: EntryKind = .competing) -> EntryForm {
        var form = EntryForm()
        form.edition = 2018
        form.country = CountryCode(country)
        form.kind = kind
        form.title = title
        form.contact.name = "Contact person"
        form.contact.email = "contact@example.org"
        form.startDate = CalendarDate(iso: "2016-01-01")
        form.stillRunning = true
        form.description = "A short description of the project."
        form.objectives = "Objectives."
        form.targetGroup = "Target group."
        form.evaluationMethod = "Method."
        form.evaluationResults = "Results."
        form.innovation = "Innovation."
        form.partners = "Partners."
        form.transferability = "Transferability."
        form.costsFunding = "Costs."
        return form
    }

    func count(_ sql: SQL) throws -> Int {
        try admin.query(sql).first?.decode(0, as: Int.self) ?? -1
    }
}
