import Foundation

/// A medal place whose holder is not sure (issue "what the numbers say", item 6), with every
/// reason found and one plain sentence.
public struct ContestedPlace: Hashable, Sendable {
    /// Why a place is contested.
    public enum Reason: Hashable, Sendable {
        /// The holder keeps this medal in fewer resamples than the threshold.
        case keeps(chance: Double)
        /// The holder's rank interval reaches a place with another medal or none.
        case interval(low: Double, high: Double)
        /// A change of the weights by less than the threshold would swap the holder with `other`.
        case weights(radius: Double, other: EntryID)
        /// The place is shared.
        case shared
    }

    public var medal: Medal
    public var holder: EntryID
    public var reasons: [Reason]
    /// E.g. "Silver is contested: Lithuania keeps it in 64% of resamples; a 4% change in the
    /// weights would give it to Hungary."
    public var sentence: String
}

/// The thresholds that make a place contested; the edition declares them before scoring.
public struct ContestThresholds: Hashable, Sendable {
    /// Contested when the holder keeps its medal in fewer resamples than this share, e.g. 0.8.
    public var keepChance: Double
    /// Contested when a change of the weights by less than this share would swap it, e.g. 0.1.
    public var weightRadius: Double

    public init(keepChance: Double, weightRadius: Double) {
        self.keepChance = keepChance
        self.weightRadius = weightRadius
    }
}

/// The contested medal places of a ranking, gold first: a place is contested when its holder's
/// chance of keeping its medal is below the threshold, its rank interval reaches a place with
/// another medal or none, a change of the weights below the threshold would swap it with an entry
/// across a boundary, or the place is shared. A rank interval's ends count by the best place of
/// their group: a rank of 1.5, a gold shared by two, still holds gold. The sentence names the
/// holder in its first reason.
public func contestedPlaces(
    _ ranking: Ranking, uncertainty: RankUncertainty?, weights: [WeightBoundary], thresholds: ContestThresholds,
    name: (EntryID) -> String
) -> [ContestedPlace] {
    let lines = Dictionary(uncertainty?.lines.map { ($0.entry, $0) } ?? [], uniquingKeysWith: { first, _ in first })
    var contested: [ContestedPlace] = []
    for place in ranking.places {
        guard let medal = place.medal else { continue }
        var reasons: [ContestedPlace.Reason] = []
        var phrases: [String] = []
        if let line = lines[place.entry], let index = Medal.allCases.firstIndex(of: medal) {
            let keeps = line.placeChances[index]
            if keeps < thresholds.keepChance {
                reasons.append(.keeps(chance: keeps))
                phrases.append("\(name(place.entry)) keeps it in \(percent(keeps)) of resamples")
            }
            // A rank of 1.5 is a gold shared by two: the best place of its group, so rounded down.
            let reach = [Medal(place: Int(line.lowRank.rounded(.down))), Medal(place: Int(line.highRank.rounded(.down)))]
            if reach.contains(where: { $0 != medal }) {
                reasons.append(.interval(low: line.lowRank, high: line.highRank))
                let whose = phrases.isEmpty ? name(place.entry) + "'s" : "its"
                phrases.append("\(whose) rank could be anywhere from \(rankText(line.lowRank)) to \(rankText(line.highRank))")
            }
        }
        let swaps = weights.filter { ($0.above == place.entry || $0.below == place.entry) && ($0.radius ?? 1) < thresholds.weightRadius }
        if let swap = swaps.min(by: { ($0.radius ?? 1) < ($1.radius ?? 1) }), let radius = swap.radius {
            let other = swap.above == place.entry ? swap.below : swap.above
            reasons.append(.weights(radius: radius, other: other))
            let holder = phrases.isEmpty ? name(place.entry) : "it"
            phrases.append("a \(percent(radius)) change in the weights would swap \(holder) with \(name(other))")
        }
        if place.sharedPlace {
            reasons.append(.shared)
            phrases.append(phrases.isEmpty ? "\(name(place.entry)) shares it" : "it is shared")
        }
        guard !reasons.isEmpty else { continue }
        let title = medal.rawValue.prefix(1).uppercased() + medal.rawValue.dropFirst()
        contested.append(
            ContestedPlace(
                medal: medal, holder: place.entry, reasons: reasons,
                sentence: "\(title) is contested: " + phrases.joined(separator: "; ") + "."))
    }
    return contested
}
