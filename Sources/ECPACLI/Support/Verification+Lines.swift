import ECPAUseCases

extension Verification {
    /// The report as `results verify` prints it: `ok` or `FAIL` before each check, a failure's
    /// details indented below it.
    var lines: [String] {
        checks.flatMap { check in
            [(check.passed ? "ok    " : "FAIL  ") + check.sentence] + check.details.map { "        " + $0 }
        }
    }
}
