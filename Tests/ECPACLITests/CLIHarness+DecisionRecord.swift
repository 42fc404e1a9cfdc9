import Foundation

extension CLIHarness {
    /// What a freeze with a jury override needs: scoring closed, and the chair (a voting juror)
    /// named rapporteur of every medal, the reasons written and the decision record signed off.
    func signDecisionRecord(year: String = "2018", chair: String) throws {
        try expectSuccess(["edition", "scoring", "close", year])
        for medal in ["gold", "silver", "bronze"] {
            try expectSuccess(["results", "rapporteur", "--edition", year, "--medal", medal, "--juror", chair, "--as", chair])
            try expectSuccess([
                "results", "reasons", "--edition", year, "--medal", medal, "--text", "The jury's reasons for \(medal).", "--as", chair,
            ])
        }
        try expectSuccess(["results", "sign", "--edition", year, "--yes", "--as", chair])
    }
}
