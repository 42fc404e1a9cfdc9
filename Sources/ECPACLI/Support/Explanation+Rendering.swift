import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

/// How `results explain` prints the explanation.
extension Explanation {
    var matrix: ScoreMatrix { results.scores.matrix }
    var verdict: String { verdict(namingJurors: true) }

    static let jurorColumns = ["juror", "changes_podium", "podium_without", "spearman", "sentence"]

    /// One row per voting juror: whether leaving them out changes a medal, the podium without them,
    /// their Spearman correlation with the consensus (empty with fewer than three entries) and the
    /// sentence the table prints. `--format csv` prints these.
    var jurorRecords: [Record] {
        results.scores.jurors.map { juror in
            let influence = influences.first { $0.juror == juror.id }
            return Record([
                ("juror", .text(juror.roleName)),
                ("changes_podium", .bool(influence?.changesPodium)),
                ("podium_without", .text(influence.map { podiumText($0.podium) })),
                ("spearman", .ratio(correlations[juror.id] ?? nil, places: 3)),
                ("sentence", .text(influence?.sentence)),
            ])
        }
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            return Renderer.list(jurorRecords, columns: Self.jurorColumns, format: .csv)
        case .table:
            var text = Renderer.visible(results.heading) + "\n\nPodium under each method:\n"
            text += Renderer.table([["METHOD", "PODIUM"]] + methodLines.map { [$0.0.rawValue, $0.1] })
            text += "\nLeave one juror out:\n" + influences.map { "- " + Renderer.visible($0.sentence) }.joined(separator: "\n") + "\n"
            text += Renderer.visible(verdict) + "\n"
            text += "\nAgreement: \(agreement.sentence)\n"
            text += "\nEach juror's Spearman correlation with the consensus:\n"
            text += Renderer.table(
                [["JUROR", "SPEARMAN"]]
                    + results.scores.jurors.map { juror in
                        [juror.roleName, (correlations[juror.id] ?? nil).map { fixed($0, places: 3) } ?? "n/a (fewer than 3 entries)"]
                    })
            let missing = matrix.missingCells().count
            text +=
                "\nCoverage: \(missing == 0 ? "every required score is in" : "\(missing) required scores missing") (`ecpa score status` shows the matrix).\n"
            return text
        }
    }

    /// `results explain --format json`.
    var jsonValue: JSONValue {
        .object([
            (key: "edition", value: .integer(results.scores.edition.year)),
            (
                key: "podium_by_method",
                value: .array(
                    methodLines.map {
                        Record([("method", .text($0.0.rawValue)), ("podium", .text($0.1))]).jsonValue
                    })
            ),
            (
                key: "leave_one_juror_out",
                value: .array(
                    influences.map {
                        Record([
                            ("juror", .text(matrix.name(of: $0.juror))), ("changes_podium", .bool($0.changesPodium)),
                            ("podium_without", .text(podiumText($0.podium))), ("sentence", .text($0.sentence)),
                        ]).jsonValue
                    })
            ),
            (key: "verdict", value: .string(verdict)),
            (key: "kendalls_w", value: .ratio(agreement.w, places: 4)),
            (key: "chi_square", value: .ratio(agreement.chiSquare, places: 4)),
            (key: "degrees_of_freedom", value: .integer(agreement.degreesOfFreedom)),
            (key: "p_value", value: .ratio(agreement.pValue, places: 4)),
            (key: "agreement", value: .string(agreement.sentence)),
            (
                key: "spearman",
                value: .array(
                    results.scores.jurors.map { juror in
                        Record([("juror", .text(juror.roleName)), ("spearman", .ratio(correlations[juror.id] ?? nil, places: 3))]).jsonValue
                    })
            ),
        ])
    }
}
