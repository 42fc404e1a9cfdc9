import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation
import LibPQ

/// How `results rank` prints a ranking.
extension Results {
    var zone: TimeZone { TimeText.zone(scores.edition.timeZone) }

    static let placeColumns = ["place", "medal", "entry", "country", "title", "score", "jurors", "shared_place", "override_reason", "prize_eur"]

    var placeRecords: [Record] {
        ranking.places.map { place in
            let entry = scores.entry(place.entry)
            return Record([
                ("place", .integer(Int64(place.place))),
                ("medal", .text(place.medal?.rawValue)),
                ("entry", .integer(place.entry.rawValue)),
                ("country", .text(entry?.country.rawValue)),
                ("title", .text(entry?.form.title)),
                ("score", .fixed(place.score, places: 3)),
                ("jurors", .integer(Int64(place.jurorCount))),
                ("shared_place", .bool(place.sharedPlace)),
                ("override_reason", .text(place.overridden?.reason)),
                ("prize_eur", .decimal(prize(place.medal))),
            ])
        }
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .csv:
            return Renderer.list(placeRecords, columns: Self.placeColumns, format: .csv)
        case .json:
            return JSONWriter.document(jsonValue)
        case .table:
            // Once frozen, a shared place is what the jury decided, no longer a decision to take.
            let decided = scores.edition.phase >= .frozen
            let rows =
                [["PLACE", "MEDAL", "COUNTRY", "ENTRY", "TITLE", "SCORE", "JURORS", "NOTE"]]
                + ranking.places.map { place in
                    let entry = scores.entry(place.entry)
                    var note: [String] = []
                    if place.sharedPlace { note.append(decided ? "shared place" : "shared place: jury to decide") }
                    if place.overridden != nil { note.append("jury override (computed place \(place.computedPlace))") }
                    return [
                        String(place.place), place.medal?.rawValue ?? "", entry?.country.rawValue ?? "", String(place.entry.rawValue),
                        Renderer.cell(entry?.form.title ?? ""), fixed(place.score, places: 3), String(place.jurorCount),
                        note.joined(separator: "; "),
                    ]
                }
            var text = Renderer.visible(heading) + "\n\n" + Renderer.table(rows)
            if !ranking.ties.isEmpty {
                text +=
                    "\nTies:\n" + ranking.ties.map { "- " + Renderer.visible(decided ? $0.decidedSentence : $0.sentence) }.joined(separator: "\n")
                    + "\n"
            }
            if !ranking.overrides.isEmpty {
                text +=
                    "\nJury overrides:\n"
                    + ranking.overrides.map { "- entry \($0.entry) placed \($0.place): " + Renderer.visible($0.reason) }.joined(separator: "\n")
                    + "\n"
            }
            if ranking.provisional && !ranking.missingCells.isEmpty {
                text +=
                    "\n" + TableStyle.current.palette.warning("Provisional: \(ranking.missingCells.count) required scores are still missing.") + "\n"
            }
            return text
        }
    }

    /// `results rank --format json`: the edition, the method, whether provisional, the places (as
    /// the CSV's rows), the ties' sentences and the missing cells.
    var jsonValue: JSONValue {
        .object([
            (key: "edition", value: .integer(scores.edition.year)),
            (key: "method", value: .string(ranking.method.rawValue)),
            (key: "provisional", value: .bool(ranking.provisional)),
            (key: "places", value: .array(placeRecords.map(\.jsonValue))),
            (key: "ties", value: .texts(ranking.ties.map(\.sentence))),
            (
                key: "missing",
                value: .array(
                    ranking.missingCells.map { cell in
                        Record([
                            ("entry", .integer(cell.entry.rawValue)), ("juror", .text(scores.juror(cell.juror)?.roleName)),
                            ("criterion", .text(cell.criterion)),
                        ]).jsonValue
                    })
            ),
        ])
    }
}
