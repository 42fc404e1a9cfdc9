import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `score status`: the coverage matrix of an edition as the current role may see it.
struct Coverage {
    let edition: Edition
    let entries: [Entry]
    let jurors: [Juror]
    let matrix: CoverageMatrix

    static func load(edition: Edition, db: any SQLExecutor) throws -> Coverage {
        let scheme = try SchemeRepository(db).requireScheme(edition: edition)
        let entries = try EntryRepository(db).fetchEntries(edition: edition.id, state: .eligible).filter { $0.kind == .competing }
        var jurors = try JuryRepository(db).fetchJurors(edition: edition.id).filter(\.voting)
        let identity = try PersonRepository(db).currentIdentity()
        if !identity.isSecretariat {
            // A juror sees only their own scores, so only their own column is true.
            jurors = jurors.filter { $0.roleName == identity.role }
        }
        let scores = ScoreRepository(db)
        let matrix = CoverageMatrix(
            entries: entries.map(\.id), jurors: jurors.map(\.id), criteriaCount: scheme.criteria.count,
            scores: try scores.fetchScores(edition: edition.id),
            conflicts: try JuryRepository(db).fetchConflicts(edition: edition.id),
            abstentions: Set(try scores.fetchAbstentions(edition: edition.id).map { [$0.entry.rawValue, $0.juror.rawValue] }))
        return Coverage(edition: edition, entries: entries, jurors: jurors, matrix: matrix)
    }

    static let cellColumns = ["entry", "country", "juror", "status", "criteria_given", "criteria_total"]

    func cellText(_ cell: CoverageMatrix.Cell) -> String {
        if case .partial(let given, let of) = cell { return "partial \(given)/\(of)" }
        return cell.word
    }

    var cellRecords: [Record] {
        entries.flatMap { entry in
            jurors.map { juror in
                let cell = matrix.cell(entry: entry.id, juror: juror.id)
                var given: Int64?
                var total: Int64?
                if case .partial(let g, let t) = cell { given = Int64(g); total = Int64(t) }
                return Record([
                    ("entry", .integer(entry.id.rawValue)),
                    ("country", .text(entry.country.rawValue)),
                    ("juror", .text(juror.roleName)),
                    ("status", .text(cell.word)),
                    ("criteria_given", .integer(given)),
                    ("criteria_total", .integer(total)),
                ])
            }
        }
    }

    var table: String {
        var rows = [["ENTRY", "COUNTRY"] + jurors.map(\.roleName)]
        for entry in entries {
            rows.append([String(entry.id.rawValue), entry.country.rawValue] + jurors.map { cellText(matrix.cell(entry: entry.id, juror: $0.id)) })
        }
        var text = "Scores for the \(edition.year) edition (\(entries.count) eligible competing entries, \(jurors.count) voting jurors shown):\n\n"
        text += Renderer.table(rows)
        text += "\n"
        var progressRows = [["JUROR", "SCORED", "PARTIAL", "MISSING", "CONFLICTS", "ABSTAINED", "PROGRESS"]]
        for (juror, progress) in zip(jurors, matrix.progress) {
            let percent = progress.required == 0 ? 100 : progress.scored * 100 / progress.required
            progressRows.append([juror.roleName, String(progress.scored), String(progress.partial), String(progress.missing),
                                 String(progress.conflicts), String(progress.abstained), "\(percent)%"])
        }
        text += Renderer.table(progressRows)
        return text
    }

    var json: String {
        let progress = zip(jurors, matrix.progress).map { juror, progress in
            Record([
                ("juror", .text(juror.roleName)),
                ("scored", .integer(Int64(progress.scored))),
                ("partial", .integer(Int64(progress.partial))),
                ("missing", .integer(Int64(progress.missing))),
                ("conflicts", .integer(Int64(progress.conflicts))),
                ("abstained", .integer(Int64(progress.abstained))),
                ("required", .integer(Int64(progress.required))),
            ]).json
        }
        return """
            {
              "edition": \(edition.year),
              "complete": \(matrix.isComplete),
              "jurors": [\(progress.joined(separator: ", "))],
              "cells": [\(cellRecords.map(\.json).joined(separator: ",\n    "))]
            }

            """
    }
}
