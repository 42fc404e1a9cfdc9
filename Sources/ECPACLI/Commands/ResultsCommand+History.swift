import ArgumentParser
import ECPACore
import ECPAUseCases

extension ResultsCommand {
    /// `ecpa results history`: juror severity across the editions ecpa has run with scores.
    struct History: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare jurors who sat on several juries: their severity in each edition and on average (secretariat).",
            discussion: """
                For each login that held a voting seat in two or more editions with scores (scoring, \
                frozen or published): the juror's effect in each edition's severity fit, in points of \
                the total (+ lenient, - harsh), its average over those editions, and each criterion's \
                mean of their scores beside the jury's. The archive's research notes hold no scores and \
                are left out. See docs/scoring.md, "Juror severity across years".
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Show only this juror (their login), even if they sat on one jury.", valueName: "role"))
        var juror: String?

        func validate() throws {
            if let juror, let problem = RoleName.problem(with: juror) { throw ValidationError("'--juror': \(problem)") }
        }

        func run(in env: CLIEnvironment) throws {
            let db = try connection.connect(env)
            env.write(try JurorHistory.load(role: juror, db: db).render(format: output.format))
        }
    }
}
