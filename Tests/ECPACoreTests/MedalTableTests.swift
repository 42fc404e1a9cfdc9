import Foundation
import Testing
import ECPACore

@Suite("The archive's medal table and its certainty rule")
struct MedalTableTests {
    static func code(_ text: String) -> CountryCode { CountryCode(text) ?? CountryCode("XX")! }

    static func award(
        _ kind: ArchiveAwardKind, _ country: String?, _ certainty: Certainty = .confirmed,
        kindCertainty: Certainty = .confirmed
    ) -> ArchiveAward {
        ArchiveAward(kind: kind, kindCertainty: kindCertainty, country: Fact(country.map(code), certainty), title: .unknown)
    }

    static func year(_ year: Int, _ awards: [ArchiveAward]) -> ArchiveEdition {
        ArchiveEdition(year: year, host: .unknown, city: .unknown, theme: .unknown, awards: awards)
    }

    @Test("An unknown fact never keeps a value; a confirmed missing value means none")
    func factRule() {
        #expect(Fact("Vienna", .unknown).value == nil)
        #expect(Fact<String>(nil, .confirmed).isKnownNone)
        #expect(!Fact<String>.unknown.isKnownNone)
        #expect(max(Certainty.confirmed, .inferred) == .inferred)
        #expect(max(Certainty.unknown, .inferred) == .unknown)
    }

    /// Each case: the awards of one year, and the row the counting rule gives Denmark.
    static let cases: [(String, [ArchiveAward], MedalTableRow?)] = [
        ("a confirmed gold", [award(.gold, "DK")], MedalTableRow(country: code("DK"), gold: 1)),
        ("an inferred country", [award(.silver, "DK", .inferred)], MedalTableRow(country: code("DK"), uncertain: 1)),
        ("an inferred award", [award(.specialDistinction, "DK", kindCertainty: .inferred)], MedalTableRow(country: code("DK"), uncertain: 1)),
        ("an award without a place", [award(.runnerUp, "DK"), award(.awarded, "DK")], MedalTableRow(country: code("DK"), unordered: 2)),
        ("a shared gold", [award(.gold, "DK"), award(.gold, "SE")], MedalTableRow(country: code("DK"), gold: 1)),
        ("no medal given", [award(.silver, nil)], nil),
        ("an unknown country", [award(.gold, nil, .unknown)], nil),
    ]

    @Test("Only confirmed placed medals reach the gold, silver and bronze columns", arguments: cases.indices)
    func counting(index: Int) {
        let (_, awards, expected) = Self.cases[index]
        let table = MedalTable(editions: [Self.year(2014, awards)])
        #expect(table.row(Self.code("DK")) == expected)
    }

    @Test("Unknown countries are listed as not counted; a medal known not given is not listed")
    func listed() {
        let table = MedalTable(editions: [
            Self.year(2021, [Self.award(.gold, nil, .unknown)]), Self.year(2006, [Self.award(.silver, nil)]),
            Self.year(2014, [Self.award(.specialDistinction, "PL", kindCertainty: .inferred)]),
        ])
        #expect(table.notCounted.map { $0.year } == [2021])
        #expect(table.uncertain.map { $0.year } == [2014])
    }

    @Test("Rows go by gold, then silver, then bronze, then name")
    func order() {
        let table = MedalTable(editions: [
            Self.year(2016, [Self.award(.gold, "CZ"), Self.award(.silver, "DE"), Self.award(.bronze, "HR")]),
            Self.year(2017, [Self.award(.gold, "EE"), Self.award(.silver, "DK"), Self.award(.bronze, "BE")]),
            Self.year(2024, [Self.award(.gold, "CZ"), Self.award(.silver, "FI"), Self.award(.bronze, "DK")]),
            Self.year(2013, [Self.award(.awarded, "SE")]),
        ])
        #expect(table.rows.map(\.country.rawValue) == ["CZ", "EE", "DK", "FI", "DE", "BE", "HR", "SE"])
        #expect(table.row(Self.code("DK")) == MedalTableRow(country: Self.code("DK"), silver: 1, bronze: 1))
        #expect(table.row(Self.code("DK"))?.total == 2)
    }
}
