import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

/// How `results explain` prints the explanation.
extension Explanation {
    var matrix: ScoreMatrix { results.scores.matrix }
    var verdict: String { verdict(namingJurors: true) }

    func render(format: OutputFormat) -> String {
        switch format {
        case .json, .csv:
            let methods = methodLines.map { "    " + Record([("method", .text($0.0.rawValue)), ("podium", .text($0.1))]).json }
            let loo = influences.map { "    " + Record([("juror", .text(matrix.name(of: $0.juror))), ("changes_podium", .bool($0.changesPodium)), ("sentence", .text($0.sentence))]).json }
            let rho = results.scores.jurors.map { juror in
                "    " + Record([("juror", .text(juror.roleName)), ("spearman", .text((correlations[juror.id] ?? nil).map { fixed($0, places: 3) }))]).json
            }
            return """
                {
                  "edition": \(results.scores.edition.year),
                  "podium_by_method": [
                \(methods.joined(separator: ",\n"))
                  ],
                  "leave_one_juror_out": [
                \(loo.joined(separator: ",\n"))
                  ],
                  "verdict": \(JSONText.string(verdict)),
                  "kendalls_w": \(agreement.w.map { fixed($0, places: 4) } ?? "null"),
                  "chi_square": \(agreement.chiSquare.map { fixed($0, places: 4) } ?? "null"),
                  "degrees_of_freedom": \(agreement.degreesOfFreedom),
                  "p_value": \(agreement.pValue.map { fixed($0, places: 4) } ?? "null"),
                  "agreement": \(JSONText.string(agreement.sentence)),
                  "spearman": [
                \(rho.joined(separator: ",\n"))
                  ]
                }

                """
        case .table:
            var text = results.heading + "\n\nPodium under each method:\n"
            text += Renderer.table([["METHOD", "PODIUM"]] + methodLines.map { [$0.0.rawValue, $0.1] })
            text += "\nLeave one juror out:\n" + influences.map { "- \($0.sentence)" }.joined(separator: "\n") + "\n" + verdict + "\n"
            text += "\nAgreement: \(agreement.sentence)\n"
            text += "\nEach juror's Spearman correlation with the consensus:\n"
            text += Renderer.table([["JUROR", "SPEARMAN"]] + results.scores.jurors.map { juror in
                [juror.roleName, (correlations[juror.id] ?? nil).map { fixed($0, places: 3) } ?? "n/a (fewer than 3 entries)"]
            })
            let missing = matrix.missingCells().count
            text += "\nCoverage: \(missing == 0 ? "every required score is in" : "\(missing) required scores missing") (`ecpa score status` shows the matrix).\n"
            return text
        }
    }
}
