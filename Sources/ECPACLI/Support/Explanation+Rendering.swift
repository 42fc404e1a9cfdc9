import ECPACore
import ECPAStore
import ECPAUseCases
import Foundation

/// How `results explain` prints the explanation: the declaration and a plain summary first, the
/// numbers after.
extension Explanation {
    var matrix: ScoreMatrix { results.scores.matrix }
    var verdict: String { verdict(namingJurors: true) }

    /// What `--format csv` (and `--rows`) prints: one row per voting juror or per entry.
    enum Rows: String, CaseIterable {
        case jurors, entries
    }

    static let jurorColumns = ["juror", "changes_podium", "podium_without", "spearman", "severity_effect", "sentence"]
    static let entryColumns = [
        "place", "entry", "country", "score", "corrected_score", "gold_chance", "silver_chance", "bronze_chance", "medal_chance",
        "rank_low", "rank_high", "contested",
    ]

    /// One row per voting juror: whether leaving them out changes a medal, the podium without them,
    /// their Spearman correlation with the consensus (empty with fewer than three entries), their
    /// severity effect in points of the total and the sentence the table prints.
    var jurorRecords: [Record] {
        results.scores.jurors.map { juror in
            let influence = influences.first { $0.juror == juror.id }
            return Record([
                ("juror", .text(juror.roleName)),
                ("changes_podium", .bool(influence?.changesPodium)),
                ("podium_without", .text(influence.map { podiumText($0.podium) })),
                ("spearman", .ratio(correlations[juror.id] ?? nil, places: 3)),
                ("severity_effect", .ratio(severity?.jurorEffects[juror.id], places: 3)),
                ("sentence", .text(influence?.sentence)),
            ])
        }
    }

    /// One row per ranked entry, in ranking order: its place and score, its severity-corrected
    /// score, its chances over the resamples, its rank interval and whether its medal is contested.
    var entryRecords: [Record] { entryRecords(only: nil) }

    /// The entry rows, of some entries only when `only` is given.
    func entryRecords(only: Set<EntryID>?) -> [Record] {
        let lines = Dictionary(uncertaintyLines.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
        let contestedHolders = Set(contested.map(\.holder))
        return results.ranking.places.filter { only?.contains($0.entry) ?? true }.map { place in
            let line = lines[place.entry]
            return Record([
                ("place", .integer(Int64(place.place))),
                ("entry", .integer(place.entry.rawValue)),
                ("country", .text(results.scores.entry(place.entry)?.country.rawValue)),
                ("score", .fixed(place.score, places: 6)),
                ("corrected_score", .ratio(severity?.corrected[place.entry], places: 6)),
                ("gold_chance", .ratio(line?.placeChances[0], places: 4)),
                ("silver_chance", .ratio(line?.placeChances[1], places: 4)),
                ("bronze_chance", .ratio(line?.placeChances[2], places: 4)),
                ("medal_chance", .ratio(line?.medalChance, places: 4)),
                ("rank_low", .ratio(line?.lowRank, places: 1)),
                ("rank_high", .ratio(line?.highRank, places: 1)),
                ("contested", .bool(place.medal == nil ? nil : contestedHolders.contains(place.entry))),
            ])
        }
    }

    func render(format: OutputFormat, rows: Rows = .jurors) -> String {
        switch format {
        case .json:
            return JSONWriter.document(jsonValue)
        case .csv:
            return rows == .jurors
                ? Renderer.list(jurorRecords, columns: Self.jurorColumns, format: .csv)
                : Renderer.list(entryRecords, columns: Self.entryColumns, format: .csv)
        case .table:
            return table
        }
    }

    var table: String {
        var text = Renderer.visible(results.heading) + "\n" + Renderer.visible(declarationLine) + "\n\nIn short:\n"
        text += (summary + (results.ranking.podium.isEmpty ? [] : [verdict])).map { "- " + Renderer.visible($0) + "\n" }.joined()

        text += "\nPodium under each view:\n"
        text += Renderer.table([["VIEW", "PODIUM"]] + viewLines.map { [$0.0, $0.1] })
        if let condorcetNote { text += Renderer.visible(condorcetNote) + "\n" }

        text += "\nHow sure each place is: " + Renderer.visible(uncertaintyMethod) + "\n"
        let rows = certaintyRows
        if !rows.isEmpty {
            text += Renderer.table([["PLACE", "ENTRY"] + Self.certaintyColumns] + rows.map { row in row.map(Renderer.visible) })
            let others = uncertaintyLines.count - rows.count
            if others > 0 { text += "\(others.grouped) other \(others == 1 ? "entry" : "entries") won no medal in any resample.\n" }
        }

        if results.ranking.method == .weightedMean && !weights.isEmpty {
            text += "\nThe weights:\n" + weights.map { "- " + Renderer.visible(weightSentence($0)) + "\n" }.joined()
        }

        if let severity {
            text +=
                "\nEach juror's severity (least squares, in points of the total: + gave more than the jury, - less; overall level \(fixed(severity.overall, places: 3))):\n"
            text += Renderer.table(
                [["JUROR", "EFFECT"]]
                    + results.scores.jurors.map { juror in
                        [juror.roleName, severity.jurorEffects[juror.id].map { Explanation.signed($0) } ?? "n/a (scored nothing)"]
                    })
        }

        text += "\nLeave one juror out:\n" + influences.map { "- " + Renderer.visible($0.sentence) }.joined(separator: "\n") + "\n"
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

    /// `results explain --format json`.
    var jsonValue: JSONValue {
        .object(headMembers + analysisMembers + robustnessMembers)
    }

    /// The edition, its declaration, its settings and the summary.
    private var headMembers: [(key: String, value: JSONValue)] {
        let declaration: JSONValue =
            results.scores.declaration.map { declaration in
                Record([
                    ("hash", .text(declaration.hash)), ("declared_at", .time(declaration.declaredAt, zone: .gmt)),
                    ("declared_by", .text(declaration.declaredBy)), ("recorded_late", .bool(declaration.recordedLate)),
                ]).jsonValue
            } ?? .null
        let settings = Record([
            ("method", .text(results.ranking.method.rawValue)), ("resamples", .integer(Int64(self.settings.resamples))),
            ("seed", .integer(self.settings.seed)), ("interval_level", .decimal(self.settings.intervalLevel)),
            ("keep_chance", .decimal(self.settings.keepChance)), ("weight_radius", .decimal(self.settings.weightRadius)),
        ]).jsonValue
        let contested: [JSONValue] = self.contested.map { place in
            .object([
                (key: "medal", value: .string(place.medal.rawValue)), (key: "entry", value: .integer(place.holder.rawValue)),
                (key: "country", value: .text(results.scores.entry(place.holder)?.country.rawValue)),
                (key: "reasons", value: .texts(place.reasons.map(Self.reasonCode))),
                (key: "sentence", value: .string(place.sentence)),
            ])
        }
        return [
            (key: "edition", value: .integer(results.scores.edition.year)),
            (key: "declaration", value: declaration),
            (key: "settings", value: settings),
            (key: "summary", value: .texts(summary)),
            (key: "contested", value: .array(contested)),
        ]
    }

    /// The podium under every view, the resampled chances, the weights and the severity.
    private var analysisMembers: [(key: String, value: JSONValue)] {
        let views: [JSONValue] = viewLines.map { Record([("method", .text($0.0)), ("podium", .text($0.1))]).jsonValue }
        let uncertainty: JSONValue =
            self.uncertainty.map { uncertainty in
                .object([
                    (key: "resamples", value: .integer(uncertainty.resamples)), (key: "exact", value: .bool(uncertainty.exact)),
                    (key: "seed", value: .integer(settings.seed)), (key: "level", value: .decimal(settings.intervalLevel)),
                    (key: "entries", value: .array(entryRecords.map(\.jsonValue))),
                ])
            } ?? .null
        let weights: [JSONValue] = self.weights.map { boundary in
            .object([
                (key: "after_place", value: .integer(boundary.place)), (key: "above", value: .integer(boundary.above.rawValue)),
                (key: "below", value: .integer(boundary.below.rawValue)), (key: "radius", value: .ratio(boundary.radius, places: 6)),
                (key: "raise", value: .texts(boundary.raise)), (key: "lower", value: .texts(boundary.lower)),
                (key: "sentence", value: .string(weightSentence(boundary))),
            ])
        }
        let severity: JSONValue =
            self.severity.map { severity in
                let jurors: [JSONValue] = results.scores.jurors.map { juror in
                    Record([("juror", .text(juror.roleName)), ("effect", .ratio(severity.jurorEffects[juror.id], places: 6))]).jsonValue
                }
                return .object([(key: "overall", value: .ratio(severity.overall, places: 6)), (key: "jurors", value: .array(jurors))])
            } ?? .null
        return [
            (key: "podium_by_method", value: .array(views)),
            (key: "condorcet_among", value: .array(condorcet.among.map { .integer($0.rawValue) })),
            (key: "uncertainty", value: uncertainty),
            (key: "weights", value: .array(weights)),
            (key: "severity", value: severity),
        ]
    }

    /// Leave-one-juror-out, agreement and the jurors' correlations.
    private var robustnessMembers: [(key: String, value: JSONValue)] {
        let influences: [JSONValue] = self.influences.map {
            Record([
                ("juror", .text(matrix.name(of: $0.juror))), ("changes_podium", .bool($0.changesPodium)),
                ("podium_without", .text(podiumText($0.podium))), ("sentence", .text($0.sentence)),
            ]).jsonValue
        }
        let spearman: [JSONValue] = results.scores.jurors.map { juror in
            Record([("juror", .text(juror.roleName)), ("spearman", .ratio(correlations[juror.id] ?? nil, places: 3))]).jsonValue
        }
        return [
            (key: "leave_one_juror_out", value: .array(influences)),
            (key: "verdict", value: .string(verdict)),
            (key: "kendalls_w", value: .ratio(agreement.w, places: 4)),
            (key: "chi_square", value: .ratio(agreement.chiSquare, places: 4)),
            (key: "degrees_of_freedom", value: .integer(agreement.degreesOfFreedom)),
            (key: "p_value", value: .ratio(agreement.pValue, places: 4)),
            (key: "agreement", value: .string(agreement.sentence)),
            (key: "spearman", value: .array(spearman)),
        ]
    }

    /// A stable code for each reason a place is contested.
    static func reasonCode(_ reason: ContestedPlace.Reason) -> String {
        switch reason {
        case .keeps: "keep_chance"
        case .interval: "rank_interval"
        case .weights: "weight_radius"
        case .shared: "shared_place"
        }
    }
}
