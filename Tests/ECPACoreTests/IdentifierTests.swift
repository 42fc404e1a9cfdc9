import Foundation
import Testing
import ECPACore

@Suite("Typed ids")
struct IdentifierTests {
    @Test("An id encodes as a bare number and decodes back")
    func jsonIsABareNumber() throws {
        let json = try JSONEncoder().encode([EditionID(2018)])
        #expect(String(decoding: json, as: UTF8.self) == "[2018]")
        #expect(try JSONDecoder().decode([EntryID].self, from: Data("[42]".utf8)) == [EntryID(42)])
    }

    @Test("An id prints as its number and orders by it")
    func printsAndOrders() {
        #expect(EntryID(7).description == "7")
        #expect("\(EditionID(2024))" == "2024")
        #expect([EntryID(3), EntryID(1), EntryID(2)].sorted() == [EntryID(1), EntryID(2), EntryID(3)])
        #expect(Set([EntryID(1), EntryID(1)]).count == 1)
    }
}
