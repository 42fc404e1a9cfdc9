import Foundation
import Testing
import ECPACore

@Suite("People and login role names")
struct PersonTests {
    @Test("Role names we accept", arguments: ["anna_virtanen", "ab", "rep_be_2024", "a" + String(repeating: "b", count: 62)])
    func acceptedRoleNames(name: String) {
        #expect(RoleName.isValid(name))
        #expect(RoleName(name)?.rawValue == name)
    }

    @Test(
        "Role names we refuse",
        arguments: [
            "", "a", "Anna", "anna-virtanen", "anna.virtanen", "1anna", "_anna", "anna virtanen", "annä",
            "a" + String(repeating: "b", count: 63), "pg_monitor", "public", "none",
        ])
    func refusedRoleNames(name: String) {
        #expect(!RoleName.isValid(name))
        #expect(RoleName(name) == nil)
        #expect(RoleName.problem(with: name)?.contains("\"\(name)\"") == true)
    }

    @Test("A national representative needs a known country; the secretariat does not")
    func countryRule() {
        let rep = Person(
            roleName: "rep_fi", displayName: "Anna Virtanen", kind: .nationalRepresentative,
            country: Fixtures.code("FI"))
        #expect(rep.validate() == [])
        var noCountry = rep
        noCountry.country = nil
        #expect(noCountry.validate() == [.missingCountry(roleName: "rep_fi")])
        #expect(
            noCountry.validate().first?.description
                == "rep_fi is a national representative, so they need a country (e.g. --country BE).")
        var wrongCountry = rep
        wrongCountry.country = Fixtures.code("NO")
        #expect(wrongCountry.validate() == [.unknownCountry(Fixtures.code("NO"), roleName: "rep_fi")])
        let secretariat = Person(roleName: "eucpn_sec", displayName: "EUCPN Secretariat", kind: .secretariat)
        #expect(secretariat.validate() == [])
    }

    @Test("Every problem with a person is reported at once")
    func allProblems() {
        let person = Person(roleName: "Bad Name", displayName: " ", kind: .nationalRepresentative)
        #expect(person.validate().count == 3)
    }

    @Test("Person kinds are stored by their raw values")
    func kinds() {
        #expect(PersonKind.allCases.map(\.rawValue) == ["secretariat", "national_representative"])
        #expect(PersonKind.nationalRepresentative.displayName == "national representative")
    }
}
