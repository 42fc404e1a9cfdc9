import Foundation
import Testing
import ECPACore

@Suite("Countries")
struct CountryTests {
    @Test("The list is the EU-27 plus the United Kingdom, which is no longer a member")
    func euMembersPlusUnitedKingdom() throws {
        #expect(Country.all.count == 28)
        #expect(Country.euMembers.count == 27)
        let uk = try #require(Country.named(Fixtures.code("GB")))
        #expect(uk.name == "United Kingdom")
        #expect(!uk.isEUMember)
        #expect(Set(Country.all.map(\.code)).count == 28, "codes are unique")
    }

    @Test(
        "Names follow ISO: Greece is GR, not the EU's EL; Czechia is Czechia",
        arguments: [
            ("GR", "Greece"), ("CZ", "Czechia"), ("NL", "Netherlands"), ("LT", "Lithuania"), ("DE", "Germany"),
        ])
    func isoNames(code: String, name: String) {
        #expect(Country.named(Fixtures.code(code))?.name == name)
    }

    @Test("EL and unknown codes are not in the list")
    func unknownCodes() {
        #expect(Country.named(Fixtures.code("EL")) == nil)
        #expect(Country.named(Fixtures.code("US")) == nil)
    }

    @Test(
        "A code is two letters in any case, stored upper case",
        arguments: [
            ("be", "BE"), ("Be", "BE"), ("FI", "FI"), (" lt ", "LT"),
        ])
    func codeAcceptsEitherCase(text: String, stored: String) {
        #expect(CountryCode(text)?.rawValue == stored)
    }

    @Test("Anything but two ASCII letters is not a code", arguments: ["", "B", "BEL", "B1", "12", "ÉS", "B E"])
    func codeRejects(text: String) {
        #expect(CountryCode(text) == nil)
    }

    @Test("A code is JSON text; a malformed one does not decode")
    func codeJSON() throws {
        #expect(String(decoding: try JSONEncoder().encode([Fixtures.code("se")]), as: UTF8.self) == "[\"SE\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CountryCode].self, from: Data("[\"Sweden\"]".utf8)) }
    }

    @Test(
        "A person may type a code, the EU's EL for Greece, or the English name",
        arguments: [
            ("be", "BE"), ("Belgium", "BE"), ("el", "GR"), ("greece", "GR"), ("Czechia", "CZ"),
        ])
    func lookup(text: String, code: String) {
        #expect(Country.lookup(text)?.code.rawValue == code)
    }

    @Test("Lookup finds nothing for other countries")
    func lookupUnknown() {
        #expect(Country.lookup("Norway") == nil)
        #expect(Country.lookup("US") == nil)
    }
}
