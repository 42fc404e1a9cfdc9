import Foundation
import Testing

@testable import ECPACore

@Suite("Juror severity across years")
struct SeverityHistoryTests {
    typealias S = Sample

    static func juror(_ id: Int64, _ role: String, year: Int, country: String = "AT", voting: Bool = true) -> Juror {
        Juror(
            id: S.j(id), editionID: EditionID(Int64(year)), roleName: role, country: Fixtures.code(country),
            displayName: role.capitalized, voting: voting)
    }

    static func edition(_ year: Int, phase: Phase) -> Edition {
        Edition(id: EditionID(Int64(year)), year: year, theme: "Theme \(year)", hostCountry: Fixtures.code("AT"), hostCity: "", phase: phase)
    }

    /// docs/scoring.md, "Juror severity across years". Every cell present, so each juror's effect
    /// is their mean total minus the overall mean.
    /// 2024 (jurors 1 carl, 2 anna, 3 ben): totals FI 6 8 9, LT 7 9 8, HU 8 10 7; juror means 7, 9, 8;
    /// overall 8; effects -1, +1, 0. Anna's LT row is 7 9 10 9 10 (total 54/6 = 9), her FI row all 8.
    /// 2025 (jurors 4 anna, 5 dora, 6 eve; ben advisory): totals FI 5 8 9, LT 6 7 10, HU 4 6 8;
    /// juror means 5, 7, 9; overall 7; effects -2, 0, +2.
    static let editions: [SeverityHistory.ScoredEdition] = {
        var first = S.uniform(["FI": [1: 6, 2: 8, 3: 9], "LT": [1: 7, 3: 8], "HU": [1: 8, 2: 10, 3: 7]])
        first["LT", default: [:]][2] = [7, 9, 10, 9, 10]
        let second = S.uniform(["FI": [4: 5, 5: 8, 6: 9], "LT": [4: 6, 5: 7, 6: 10], "HU": [4: 4, 5: 6, 6: 8]])
        return [
            // Given newest first: the history orders them.
            SeverityHistory.ScoredEdition(
                edition: edition(2025, phase: .scoring),
                jurors: [
                    juror(4, "anna", year: 2025, country: "BE"), juror(5, "dora", year: 2025), juror(6, "eve", year: 2025),
                    juror(7, "ben", year: 2025, voting: false),
                ],
                matrix: S.matrix(second, jurors: [4, 5, 6])),
            SeverityHistory.ScoredEdition(
                edition: edition(2024, phase: .published),
                jurors: [juror(1, "carl", year: 2024), juror(2, "anna", year: 2024), juror(3, "ben", year: 2024)],
                matrix: S.matrix(first, jurors: [1, 2, 3])),
        ]
    }()

    @Test("Anna, on both juries: +1 in 2024, -2 in 2025, -0.5 on average")
    func effectsAndAverage() throws {
        let history = SeverityHistory(editions: Self.editions)
        #expect(history.years == [2024, 2025])
        // Ben's 2025 seat is advisory: only Anna held a voting seat twice.
        #expect(history.members.map(\.role) == ["anna"])
        let anna = try #require(history.members.first)
        #expect(anna.seats.map(\.year) == [2024, 2025])
        #expect(anna.seats.map(\.phase) == [.published, .scoring])
        #expect(anna.seats.map(\.country.rawValue) == ["AT", "BE"])
        #expect(anna.seats.map(\.entriesScored) == [3, 3])
        for (seat, effect) in zip(anna.seats, [1.0, -2.0]) {
            #expect(abs((seat.effect ?? .nan) - effect) < 1e-9, "\(seat.year)")
        }
        #expect(abs((anna.averageEffect ?? .nan) - -0.5) < 1e-9)
    }

    @Test("With every cell present, each effect is the juror's mean total minus the overall mean")
    func fullMatrixEffectIsMeanMinusOverall() throws {
        for scored in Self.editions {
            let matrix = scored.matrix
            let totals = matrix.jurors.map { juror in
                matrix.entries.compactMap { matrix.total(entry: $0, juror: juror) }.map { Double(truncating: $0 as NSNumber) }
            }
            let overall = totals.joined().reduce(0, +) / Double(totals.joined().count)
            let history = SeverityHistory(editions: [scored], role: nil)
            #expect(history.members.isEmpty, "one edition: nobody sat twice")
            for (juror, given) in zip(matrix.jurors, totals) {
                let role = try #require(scored.jurors.first { $0.id == juror }).roleName
                let alone = try #require(SeverityHistory(editions: [scored], role: role).members.first)
                let expected = given.reduce(0, +) / Double(given.count) - overall
                #expect(abs((alone.seats[0].effect ?? .nan) - expected) < 1e-9, "\(scored.edition.year) \(role)")
            }
        }
    }

    @Test("Each criterion's mean of the juror's scores beside the jury's")
    func criterionMeans() throws {
        let anna = try #require(SeverityHistory(editions: Self.editions).members.first)
        let first = anna.seats[0].criteria
        #expect(first.map(\.code) == ["focus", "evaluation", "innovation", "cooperation", "transferability"])
        // 2024 focus: Anna 8, 7, 10 (25/3); the jury adds carl 6, 7, 8 and ben 9, 8, 7 (70/9).
        let focus = first[0]
        #expect(fixed(try #require(focus.jurorMean), places: 3) == "8.333")
        #expect(fixed(try #require(focus.juryMean), places: 3) == "7.778")
        #expect(fixed(try #require(focus.difference), places: 3) == "0.556")
        #expect((focus.jurorScores, focus.juryScores) == (3, 9))
        // 2024 evaluation: Anna 8, 9, 10 (9); the jury 21 + 27 + 24 = 72 over 9 (8).
        #expect(first[1].jurorMean == 9 && first[1].juryMean == 8)
        // 2025, every criterion alike: Anna 5, 6, 4 (5) against the jury's 63/9 = 7.
        #expect(anna.seats[1].criteria.allSatisfy { $0.jurorMean == 5 && $0.juryMean == 7 && $0.difference == -2 })
    }

    @Test("--juror shows one person however many juries they sat on; an unknown login shows nobody")
    func onePerson() throws {
        let ben = try #require(SeverityHistory(editions: Self.editions, role: "ben").members.first)
        #expect(ben.seats.map(\.year) == [2024], "his advisory seat does not count")
        #expect(abs((ben.seats[0].effect ?? .nan) - 0) < 1e-9)
        #expect(SeverityHistory(editions: Self.editions, role: "zoe").members.isEmpty)
    }

    @Test("A juror with no complete total has no effect, and the average is over the editions that have one")
    func noCompleteTotal() throws {
        var editions = Self.editions
        // Anna gives only the focus score to every 2025 entry.
        for entry in editions[0].matrix.entries {
            for criterion in ["evaluation", "innovation", "cooperation", "transferability"] {
                editions[0].matrix.set(nil, entry: entry, juror: S.j(4), criterion: criterion)
            }
        }
        let anna = try #require(SeverityHistory(editions: editions).members.first)
        #expect(anna.seats.map(\.entriesScored) == [3, 0])
        #expect(anna.seats[1].effect == nil)
        #expect(abs((anna.averageEffect ?? .nan) - 1) < 1e-9)
        #expect(anna.seats[1].criteria[0].jurorMean == 5)
        #expect(anna.seats[1].criteria[1].jurorMean == nil)
    }

    @Test("The editions left out are named in one sentence")
    func leftOut() {
        let some = SeverityHistory(editions: Self.editions, archivedYears: [2010, 2006, 2024], unscoredYears: [2026])
        #expect(
            some.leftOut
                == "The archive's research notes on 2 other editions (2006 to 2010) hold no scores, so they are left out. The 2026 edition has no scores yet."
        )
        let one = SeverityHistory(editions: Self.editions, archivedYears: [2006])
        #expect(one.leftOut == "The archive's research notes on the 2006 edition hold no scores, so it is left out.")
        let none = SeverityHistory(editions: Self.editions, archivedYears: [2024, 2025])
        #expect(none.archivedYears.isEmpty)
        #expect(none.leftOut == "The archive's research notes add no other edition, so none is left out.")
    }
}
