import ECPATestSupport
import Foundation
import LibPQ
import Testing

/// One table of value strings, typed to `score enter` and written in a score sheet's value column:
/// both ways read each the same (the sheet import's rule is PostgreSQL's, in ScoreSheetRepository),
/// so a value is stored the same or refused by both.
@Suite struct ScoreValueAgreementTests {
    /// (what is typed, what is stored on the shipped scheme's 0-to-10 whole-point scale, or nil
    /// when nothing is).
    static let values: [(String, String?)] = [
        ("7", "7"), ("7,5", nil), ("7.50", nil), ("7.0", "7"), ("7,", "7"), ("1-2", nil), ("-", nil), ("--1", nil),
        ("+3", "3"), (" 7 ", "7"), ("1e1", nil), ("٧", nil), ("", nil), (".", nil), ("10", "10"), ("11", nil),
    ]

    @Test(arguments: values.indices)
    func scoreEnterAndTheSheetImportReadAValueAlike(index: Int) throws {
        let (typed, stored) = Self.values[index]

        let entered = try CLIHarness(database: try TestDatabase.make(cloning: try BadInputWorld.scoring.template()))
        _ = entered.run(["score", "enter", "--entry", "2", "--criterion", "focus=\(typed)", "--as", "juror_at"])

        let imported = try CLIHarness(database: try TestDatabase.make(cloning: try BadInputWorld.scoring.template()))
        let quoted = "\"" + typed + "\""
        let row = BadInputCorpus.row(2, "focus", value: quoted)
        let sheet = try imported.file("sheet.csv", BadInputCorpus.sheet([row]))
        _ = imported.run(["score", "import", sheet, "--as", "juror_at"])

        #expect(try Self.focus(in: entered) == stored, "score enter --criterion focus=\(typed)")
        #expect(try Self.focus(in: imported) == stored, "a sheet's value \(quoted)")
    }

    /// juror_at's focus score of entry 2, as text without trailing zeros.
    static func focus(in cli: CLIHarness) throws -> String? {
        let admin = try cli.database.connect()
        defer { admin.close() }
        return try admin.query(
            """
            SELECT trim_scale(s.value)::text AS v FROM ecpa.scores s JOIN ecpa.jurors j ON j.id = s.juror_id
            WHERE s.entry_id = 2 AND s.criterion_code = 'focus' AND j.role_name = 'juror_at'
            """
        ).first?.decode("v")
    }
}
