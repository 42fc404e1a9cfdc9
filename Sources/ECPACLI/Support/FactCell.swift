import ECPACore
import Foundation

/// An archive fact as printed: in tables and CSV a trailing "?" marks an inferred value, "unknown"
/// one not found and a word such as "none" one known not to exist; in JSON an object with the
/// value and its certainty.
struct FactCell: Sendable, Equatable {
    /// The value as people read it (a country's name), nil when unknown or none.
    var text: String?
    /// The country code, for country facts.
    var code: String?
    /// How sure the archive is.
    var certainty: Certainty
    /// What a fact known to be none reads as ("none", "no theme").
    var noneText = "none"
    /// The kind of award, for lists of awards without a place.
    var label: String?

    /// The key printed under tables that show fact cells.
    static let legend = "A trailing ? marks an inferred fact (not confirmed by a source); unknown: not found; none: known not to exist."

    /// A text fact.
    static func text(_ fact: Fact<String>, none: String = "none") -> FactCell {
        FactCell(text: fact.value, certainty: fact.certainty, noneText: none)
    }

    /// A country fact, shown by name.
    static func country(_ fact: Fact<CountryCode>, label: String? = nil) -> FactCell {
        FactCell(text: fact.value.map(Self.name), code: fact.value?.rawValue, certainty: fact.certainty, label: label)
    }

    /// The winners of one medal: nobody known, one country, or the countries sharing the place.
    static func medal(_ awards: [ArchiveAward]) -> FactCell {
        guard let first = awards.first else { return FactCell(certainty: .unknown) }
        guard awards.count > 1 else { return country(first.winner) }
        let winners = awards.map(\.winner)
        return FactCell(
            text: winners.map { $0.value.map(Self.name) ?? "unknown" }.joined(separator: " / "),
            code: winners.map { $0.value?.rawValue ?? "?" }.joined(separator: "/"),
            certainty: winners.map(\.certainty).max() ?? .unknown)
    }

    static func name(_ code: CountryCode) -> String { Country.named(code)?.name ?? code.rawValue }

    var display: String {
        if certainty == .unknown { return "unknown" }
        let shown = text ?? noneText
        return certainty == .inferred ? shown + "?" : shown
    }

    /// `{"award": ..., "value": ..., "code": ..., "certainty": ...}`; `award` and `code` only where they apply.
    var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let label { members.append((key: "award", value: .string(label))) }
        members.append((key: "value", value: .text(text)))
        if let code { members.append((key: "code", value: .string(code))) }
        members.append((key: "certainty", value: .string(certainty.rawValue)))
        return .object(members)
    }

    /// Cells with labels, grouped: "runner-up: France, Romania; special distinction: Poland?".
    static func display(_ cells: [FactCell]) -> String {
        var groups: [(label: String?, items: [String])] = []
        for cell in cells {
            if let last = groups.last, last.label == cell.label {
                groups[groups.count - 1].items.append(cell.display)
            } else {
                groups.append((cell.label, [cell.display]))
            }
        }
        return groups.map { group in
            (group.label.map { $0 + ": " } ?? "") + group.items.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
