import ECPACore
import ECPAUseCases
import Foundation

/// How `results history` prints juror severity across years.
extension JurorHistory {
    static let rowColumns = [
        "juror", "name", "edition", "phase", "country", "effect", "entries_scored", "average_effect",
        "criterion", "juror_mean", "jury_mean", "difference",
    ]

    /// One row per person, edition and criterion, the edition's effect and the person's average
    /// repeated on each: `--format csv` prints these.
    var rowRecords: [Record] {
        history.members.flatMap { member in
            member.seats.flatMap { seat in
                seat.criteria.map { means in
                    Record([
                        ("juror", .text(member.role)),
                        ("name", .text(member.name)),
                        ("edition", .integer(Int64(seat.year))),
                        ("phase", .text(seat.phase.rawValue)),
                        ("country", .text(seat.country.rawValue)),
                        ("effect", .ratio(seat.effect, places: 3)),
                        ("entries_scored", .integer(Int64(seat.entriesScored))),
                        ("average_effect", .ratio(member.averageEffect, places: 3)),
                        ("criterion", .text(means.code)),
                        ("juror_mean", .fixed(means.jurorMean, places: 3)),
                        ("jury_mean", .fixed(means.juryMean, places: 3)),
                        ("difference", .fixed(means.difference, places: 3)),
                    ])
                }
            }
        }
    }

    func render(format: OutputFormat) -> String {
        switch format {
        case .json: return JSONWriter.document(jsonValue)
        case .csv: return Renderer.list(rowRecords, columns: Self.rowColumns, format: .csv)
        case .table: return table
        }
    }

    /// What the editions are, what is left out, what an effect means, then each person.
    var table: String {
        let years = history.years
        var text =
            years.isEmpty
            ? "No edition in ecpa has scores yet.\n"
            : "Juror severity across the \(years.count == 1 ? "edition" : "\(years.count) editions") with scores: \(years.map(String.init).joined(separator: ", ")).\n"
        text += history.leftOut + "\n"
        text +=
            "A juror's effect in an edition is how many points of the total they gave above (+, lenient) or below (-, harsh) the jury, allowing for which entries each juror scored; the average counts each edition once.\n"
        if history.members.isEmpty {
            return text + "\nNobody sat on the jury of more than one of these editions (with the same login).\n"
        }
        for member in history.members {
            text += "\n" + Renderer.visible("\(member.role) (\(member.name)): \(Self.summary(member))") + "\n\n"
            text += Renderer.table(
                [["YEAR", "PHASE", "COUNTRY", "EFFECT", "ENTRIES SCORED"]]
                    + member.seats.map { seat in
                        [
                            String(seat.year), seat.phase.displayName, seat.country.rawValue,
                            seat.effect.map(Self.signed) ?? "none (no complete total)", String(seat.entriesScored),
                        ]
                    })
            text += "\n"
            text += Renderer.table(
                [["YEAR", "CRITERION", "JUROR MEAN", "JURY MEAN", "DIFFERENCE"]]
                    + member.seats.flatMap { seat in
                        seat.criteria.map { means in
                            [
                                String(seat.year), Renderer.cell(means.code), means.jurorMean.map { fixed($0, places: 3) } ?? "none",
                                means.juryMean.map { fixed($0, places: 3) } ?? "none", means.difference.map(Self.signed) ?? "",
                            ]
                        }
                    })
        }
        return text
    }

    /// "2 editions; average effect -0.750 (harsh)".
    static func summary(_ member: SeverityHistory.Member) -> String {
        let served = member.seats.count == 1 ? "1 edition" : "\(member.seats.count) editions"
        guard let average = member.averageEffect else { return "\(served); no effect in any (no complete total)." }
        let over = member.effects.count == member.seats.count ? "" : " over the \(member.effects.count) with an effect"
        return "\(served); average effect \(signed(average))\(over) (\(leaning(average)))."
    }

    /// A number with three decimals and its sign: "+0.500", "-1.250", "0.000".
    static func signed(_ value: Double) -> String {
        let text = fixed(value, places: 3)
        return text.hasPrefix("-") || text == fixed(0.0, places: 3) ? text : "+" + text
    }

    /// A difference of means with three decimals and its sign.
    static func signed(_ value: Decimal) -> String {
        let text = fixed(value, places: 3)
        return text.hasPrefix("-") || text == fixed(Decimal(0), places: 3) ? text : "+" + text
    }

    /// Lenient, harsh, or as the jury, as the effect reads to three decimals.
    static func leaning(_ value: Double) -> String {
        let text = signed(value)
        return text.hasPrefix("+") ? "lenient" : text.hasPrefix("-") ? "harsh" : "as the jury"
    }

    /// `results history --format json`.
    var jsonValue: JSONValue {
        .object([
            (key: "editions", value: .array(history.years.map { .integer($0) })),
            (key: "left_out", value: .string(history.leftOut)),
            (
                key: "jurors",
                value: .array(
                    history.members.map { member in
                        Record([
                            ("juror", .text(member.role)),
                            ("name", .text(member.name)),
                            ("editions", .integers(member.seats.map { Int64($0.year) })),
                            ("average_effect", .ratio(member.averageEffect, places: 3)),
                            ("editions_averaged", .integer(Int64(member.effects.count))),
                        ]).jsonValue
                    })
            ),
            (
                key: "effects",
                value: .array(
                    history.members.flatMap { member in
                        member.seats.map { seat in
                            Record([
                                ("juror", .text(member.role)),
                                ("edition", .integer(Int64(seat.year))),
                                ("phase", .text(seat.phase.rawValue)),
                                ("country", .text(seat.country.rawValue)),
                                ("effect", .ratio(seat.effect, places: 3)),
                                ("entries_scored", .integer(Int64(seat.entriesScored))),
                            ]).jsonValue
                        }
                    })
            ),
            (
                key: "criteria",
                value: .array(
                    history.members.flatMap { member in
                        member.seats.flatMap { seat in
                            seat.criteria.map { means in
                                Record([
                                    ("juror", .text(member.role)),
                                    ("edition", .integer(Int64(seat.year))),
                                    ("criterion", .text(means.code)),
                                    ("juror_mean", .fixed(means.jurorMean, places: 3)),
                                    ("juror_scores", .integer(Int64(means.jurorScores))),
                                    ("jury_mean", .fixed(means.juryMean, places: 3)),
                                    ("jury_scores", .integer(Int64(means.juryScores))),
                                    ("difference", .fixed(means.difference, places: 3)),
                                ]).jsonValue
                            }
                        }
                    })
            ),
        ])
    }
}
