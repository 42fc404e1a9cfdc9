import Foundation

/// The archive's medals counted by country.
///
/// Counting rule: gold, silver and bronze count only placed medals whose award and country are
/// both confirmed (by a source, or computed by ecpa for a published edition). A confirmed award
/// without a place (awarded, runner-up, special distinction) counts as unordered. An award with
/// any inferred fact counts only as uncertain. An award whose country is unknown counts nowhere
/// and is listed as not counted; a medal known not to have been given is no award at all.
public struct MedalTable: Sendable {
    /// One award that the table does not count as confirmed, with its year.
    public typealias Listed = (year: Int, award: ArchiveAward)

    /// The countries, by gold, then silver, then bronze (most first), then name.
    public let rows: [MedalTableRow]
    /// The awards counted in the uncertain column, by year.
    public let uncertain: [Listed]
    /// The awards whose country is unknown, by year.
    public let notCounted: [Listed]

    /// Counts the awards of every archive year.
    public init(editions: [ArchiveEdition]) {
        var rows: [CountryCode: MedalTableRow] = [:]
        var uncertain: [Listed] = []
        var notCounted: [Listed] = []
        for edition in editions.sorted(by: { $0.year < $1.year }) {
            for award in edition.awards {
                let winner = award.winner
                guard let country = winner.value else {
                    if !winner.isKnownNone { notCounted.append((edition.year, award)) }
                    continue
                }
                var row = rows[country] ?? MedalTableRow(country: country)
                if winner.certainty != .confirmed {
                    row.uncertain += 1
                    uncertain.append((edition.year, award))
                } else {
                    switch award.kind.medal {
                    case .gold: row.gold += 1
                    case .silver: row.silver += 1
                    case .bronze: row.bronze += 1
                    case nil: row.unordered += 1
                    }
                }
                rows[country] = row
            }
        }
        self.rows = rows.values.sorted { a, b in
            if a.gold != b.gold { return a.gold > b.gold }
            if a.silver != b.silver { return a.silver > b.silver }
            if a.bronze != b.bronze { return a.bronze > b.bronze }
            return a.name < b.name
        }
        self.uncertain = uncertain
        self.notCounted = notCounted
    }

    /// The row of a country, if it won anything.
    public func row(_ country: CountryCode) -> MedalTableRow? {
        rows.first { $0.country == country }
    }
}
