import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// How `score status` prints the coverage.
extension Coverage {
    func cellText(entry: EntryID, juror: JurorID) -> String {
        let cell = scores.matrix.coverage(entry: entry, juror: juror)
        if cell == .partial { return "partial \(scores.criteriaGiven(entry: entry, juror: juror))/\(scores.scheme.criteria.count)" }
        return cell.rawValue
    }

    static let cellColumns = ["entry", "country", "juror", "status", "criteria_given", "criteria_total"]

    var cellRecords: [Record] {
        scores.entries.flatMap { entry in
            jurors.map { juror in
                let cell = scores.matrix.coverage(entry: entry.id, juror: juror.id)
                let partial = cell == .partial
                return Record([
                    ("entry", .integer(entry.id.rawValue)),
                    ("country", .text(entry.country.rawValue)),
                    ("juror", .text(juror.roleName)),
                    ("status", .text(cell.rawValue)),
                    ("criteria_given", .integer(partial ? Int64(scores.criteriaGiven(entry: entry.id, juror: juror.id)) : nil)),
                    ("criteria_total", .integer(partial ? Int64(scores.scheme.criteria.count) : nil)),
                ])
            }
        }
    }

    var table: String {
        var rows = [["ENTRY", "COUNTRY"] + jurors.map(\.roleName)]
        for entry in scores.entries {
            rows.append([String(entry.id.rawValue), entry.country.rawValue] + jurors.map { cellText(entry: entry.id, juror: $0.id) })
        }
        let entries = scores.entries.count == 1 ? "1 eligible competing entry" : "\(scores.entries.count) eligible competing entries"
        let shown = jurors.count == 1 ? "1 voting juror shown" : "\(jurors.count) voting jurors shown"
        var text = "Scores for the \(scores.edition.year) edition (\(entries), \(shown)):\n\n"
        text += Renderer.table(rows) + "\n"
        var progressRows = [["JUROR", "SCORED", "PARTIAL", "MISSING", "CONFLICTS", "ABSTAINED", "PROGRESS"]]
        for juror in jurors {
            let p = progress(juror)
            let percent = p.required == 0 ? 100 : p.scored * 100 / p.required
            progressRows.append([
                juror.roleName, String(p.scored), String(p.partial), String(p.missing),
                String(p.conflicts), String(p.abstained), "\(percent)%",
            ])
        }
        return text + Renderer.table(progressRows)
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .json: return JSONWriter.document(jsonValue)
        case .csv: return Renderer.list(cellRecords, columns: Self.cellColumns, format: .csv)
        case .table: return table
        }
    }

    /// `score status --format json`: the edition, whether complete, each juror's progress, every cell.
    var jsonValue: JSONValue {
        .object([
            (key: "edition", value: .integer(scores.edition.year)),
            (key: "complete", value: .bool(isComplete)),
            (
                key: "jurors",
                value: .array(
                    jurors.map { juror in
                        let p = progress(juror)
                        return Record([
                            ("juror", .text(juror.roleName)),
                            ("scored", .integer(Int64(p.scored))),
                            ("partial", .integer(Int64(p.partial))),
                            ("missing", .integer(Int64(p.missing))),
                            ("conflicts", .integer(Int64(p.conflicts))),
                            ("abstained", .integer(Int64(p.abstained))),
                            ("required", .integer(Int64(p.required))),
                        ]).jsonValue
                    })
            ),
            (key: "cells", value: .array(cellRecords.map(\.jsonValue))),
        ])
    }
}
