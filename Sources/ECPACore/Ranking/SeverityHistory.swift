import Foundation

/// Juror severity across years (issue "what the numbers say", item 7): for each person who sat on
/// the jury of several editions (the same login role), their juror effect in each edition's
/// severity fit (`SeverityFit`: + lenient, - harsh, in points of the total), the average of those
/// effects, and for each criterion of each edition the mean of their scores beside the jury's.
/// Only voting seats count: advisory experts do not score.
public struct SeverityHistory: Sendable, Equatable {
    /// One edition's scores as the history reads them: the edition, its voting jurors and the
    /// matrix of their scores (eligible competing entries only, as the ranking sees them).
    public struct ScoredEdition: Sendable {
        public var edition: Edition
        public var jurors: [Juror]
        public var matrix: ScoreMatrix

        /// An edition with its voting jurors and its score matrix.
        public init(edition: Edition, jurors: [Juror], matrix: ScoreMatrix) {
            self.edition = edition
            self.jurors = jurors
            self.matrix = matrix
        }
    }

    /// One criterion of one edition: the mean of the person's scores on it and the mean of every
    /// voting juror's scores on it (theirs included), over the edition's ranked entries.
    public struct CriterionMeans: Hashable, Sendable {
        /// The criterion's code in that edition's scheme.
        public var code: String
        /// The criterion's name in that edition's scheme.
        public var name: String
        /// The mean of the person's scores on it; nil when they gave none.
        public var jurorMean: Decimal?
        /// How many scores `jurorMean` is over.
        public var jurorScores: Int
        /// The mean of the whole jury's scores on it; nil when nobody gave one.
        public var juryMean: Decimal?
        /// How many scores `juryMean` is over.
        public var juryScores: Int

        /// The person's mean minus the jury's; nil when either is missing.
        public var difference: Decimal? {
            guard let jurorMean, let juryMean else { return nil }
            return jurorMean - juryMean
        }
    }

    /// One edition whose jury the person sat on, with a vote.
    public struct Seat: Sendable, Equatable {
        /// The edition's year.
        public var year: Int
        /// The edition's phase: in `scoring` the numbers can still change.
        public var phase: Phase
        /// The country they sat for.
        public var country: CountryCode
        /// Their juror effect in that edition's severity fit, in points of the total (+ lenient,
        /// - harsh); nil when they gave no complete total, or no fit can be made.
        public var effect: Double?
        /// How many entries they gave a complete total (every criterion scored): what their effect rests on.
        public var entriesScored: Int
        /// Each criterion of the edition's scheme, in the scheme's order.
        public var criteria: [CriterionMeans]
    }

    /// One person, by login role, with every included edition they sat on the jury of.
    public struct Member: Sendable, Equatable {
        /// The login role, the same in every edition.
        public var role: String
        /// Their name as the latest edition records it.
        public var name: String
        /// The editions, oldest first.
        public var seats: [Seat]

        /// The seats that have an effect.
        public var effects: [Double] { seats.compactMap(\.effect) }

        /// The plain mean of their per-edition effects, each edition counting once whatever its
        /// number of entries; nil when no seat has an effect.
        public var averageEffect: Double? {
            let effects = self.effects
            return effects.isEmpty ? nil : effects.reduce(0, +) / Double(effects.count)
        }
    }

    /// The years of the editions read (scoring, frozen or published), oldest first.
    public var years: [Int]
    /// Years the archive knows only from the research notes: no scores, so left out.
    public var archivedYears: [Int]
    /// Years of editions in ecpa that have not reached scoring: no scores yet, so left out.
    public var unscoredYears: [Int]
    /// The people shown, by login role.
    public var members: [Member]

    /// The history of `editions`. Without `role`, everyone who held a voting seat in at least two
    /// of them; with it, that person alone, however many seats they held (none: `members` is empty).
    public init(editions: [ScoredEdition], archivedYears: [Int] = [], unscoredYears: [Int] = [], role: String? = nil) {
        let editions = editions.sorted { $0.edition.year < $1.edition.year }
        years = editions.map(\.edition.year)
        let included = Set(years)
        self.archivedYears = Array(Set(archivedYears).subtracting(included)).sorted()
        self.unscoredYears = Array(Set(unscoredYears).subtracting(included)).sorted()
        var seats: [String: [(seat: Seat, name: String)]] = [:]
        for scored in editions {
            let effects = IntegrityExtras(scored.matrix).severityFit()?.jurorEffects ?? [:]
            let means = Self.criterionMeans(scored.matrix)
            let counted = Set(scored.matrix.jurors)
            for juror in scored.jurors where juror.voting && counted.contains(juror.id) {
                if let role, juror.roleName != role { continue }
                let scoredEntries = Set(scored.matrix.entries).filter { scored.matrix.total(entry: $0, juror: juror.id) != nil }.count
                let seat = Seat(
                    year: scored.edition.year, phase: scored.edition.phase, country: juror.country,
                    effect: effects[juror.id], entriesScored: scoredEntries, criteria: means(juror.id))
                seats[juror.roleName, default: []].append((seat, juror.displayName))
            }
        }
        let least = role == nil ? 2 : 1
        members = seats.keys.sorted().compactMap { login in
            guard let held = seats[login], held.count >= least else { return nil }
            return Member(role: login, name: held.last?.name ?? login, seats: held.map(\.seat))
        }
    }

    /// For each voting juror, each criterion's means: sums every score given to a ranked entry,
    /// once, in exact decimals.
    private static func criterionMeans(_ matrix: ScoreMatrix) -> (JurorID) -> [CriterionMeans] {
        let entries = Set(matrix.entries), jurors = Set(matrix.jurors)
        var jurySums: [String: (sum: Decimal, count: Int)] = [:]
        var jurorSums: [JurorID: [String: (sum: Decimal, count: Int)]] = [:]
        matrix.forEachScore { cell, value in
            guard entries.contains(cell.entry), jurors.contains(cell.juror), !value.isNaN,
                matrix.isRequired(entry: cell.entry, juror: cell.juror)
            else { return }
            jurySums[cell.criterion, default: (0, 0)].sum += value
            jurySums[cell.criterion, default: (0, 0)].count += 1
            jurorSums[cell.juror, default: [:]][cell.criterion, default: (0, 0)].sum += value
            jurorSums[cell.juror, default: [:]][cell.criterion, default: (0, 0)].count += 1
        }
        func mean(_ total: (sum: Decimal, count: Int)?) -> Decimal? {
            guard let total, total.count > 0 else { return nil }
            return total.sum / Decimal(total.count)
        }
        return { juror in
            matrix.scheme.criteria.map { criterion in
                let own = jurorSums[juror]?[criterion.code], jury = jurySums[criterion.code]
                return CriterionMeans(
                    code: criterion.code, name: criterion.name, jurorMean: mean(own), jurorScores: own?.count ?? 0,
                    juryMean: mean(jury), juryScores: jury?.count ?? 0)
            }
        }
    }

    /// One sentence on the editions left out: the archive's research notes, which hold no scores,
    /// and, when there are any, the editions in ecpa that have none yet.
    public var leftOut: String {
        var text: String
        switch archivedYears.count {
        case 0: text = "The archive's research notes add no other edition, so none is left out."
        case 1: text = "The archive's research notes on the \(archivedYears[0]) edition hold no scores, so it is left out."
        default:
            text =
                "The archive's research notes on \(archivedYears.count) other editions (\(archivedYears[0]) to \(archivedYears[archivedYears.count - 1])) hold no scores, so they are left out."
        }
        if !unscoredYears.isEmpty {
            let listed = unscoredYears.map(String.init).joined(separator: ", ")
            text += unscoredYears.count == 1 ? " The \(listed) edition has no scores yet." : " The \(listed) editions have no scores yet."
        }
        return text
    }
}
