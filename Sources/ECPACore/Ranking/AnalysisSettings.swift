import Foundation

/// How `results explain` and the winners' report weigh the podium (issue "what the numbers say"):
/// the resamples of the rank uncertainty, the generator's seed, the level of the rank intervals and
/// the thresholds that make a medal place contested. Part of the scheme, so it is set before
/// scoring and sealed with the scheme in the edition's declaration when scoring opens; nobody can
/// choose a seed or a threshold after seeing the scores.
public struct AnalysisSettings: Hashable, Sendable, Codable {
    /// How many resamples of the voting jurors are ranked.
    public var resamples: Int
    /// The seed of ecpa's own generator (`SeededGenerator`).
    public var seed: Int64
    /// The central share of the resampled ranks that a rank interval covers, e.g. 0.9.
    public var intervalLevel: Decimal
    /// A medal is contested when its holder keeps it in fewer resamples than this share.
    public var keepChance: Decimal
    /// A medal is contested when a change of the weights by less than this share would swap it.
    public var weightRadius: Decimal

    public init(resamples: Int, seed: Int64, intervalLevel: Decimal, keepChance: Decimal, weightRadius: Decimal) {
        self.resamples = resamples
        self.seed = seed
        self.intervalLevel = intervalLevel
        self.keepChance = keepChance
        self.weightRadius = weightRadius
    }

    /// What a scheme file without an `[analysis]` section declares.
    public static let `default` = AnalysisSettings(
        resamples: 1_000, seed: 1, intervalLevel: Decimal(string: "0.9")!, keepChance: Decimal(string: "0.8")!,
        weightRadius: Decimal(string: "0.1")!)

    /// The fewest and most resamples (sql/0030 holds stored schemes to the same).
    public static let resampleRange = 1...100_000

    /// The thresholds of the contested places.
    public var thresholds: ContestThresholds {
        ContestThresholds(keepChance: keepChance.doubleValue, weightRadius: weightRadius.doubleValue)
    }

    /// The interval level as the uncertainty takes it.
    public var level: Double { intervalLevel.doubleValue }

    /// The seed as the generator takes it.
    public var generatorSeed: UInt64 { UInt64(bitPattern: seed) }

    /// The keys of the `[analysis]` section, in the order a scheme file writes them.
    static let keys = ["resamples", "seed", "interval_level", "keep_chance", "weight_radius"]

    /// The problems of each setting read, by key: resamples a whole number in range, the seed a
    /// whole number from 0, the level and the shares above 0 and below 1 (keep_chance may be 1),
    /// each share with at most 6 decimals.
    static func problems(_ settings: [String: Decimal], lines: [String: Int]) -> [SchemeProblem] {
        var problems: [SchemeProblem] = []
        func report(_ key: String, _ message: String) {
            problems.append(SchemeProblem(line: lines["analysis." + key], field: "analysis." + key, message: message))
        }
        if let resamples = settings["resamples"] {
            let range = AnalysisSettings.resampleRange
            if !isWhole(resamples) || resamples < Decimal(range.lowerBound) || resamples > Decimal(range.upperBound) {
                report("resamples", "must be a whole number from \(range.lowerBound) to \(range.upperBound.grouped).")
            }
        }
        if let seed = settings["seed"], !isWhole(seed) || seed < 0 || seed > Decimal(Int64.max) {
            report("seed", "must be a whole number from 0 to \(Int64.max).")
        }
        for (key, allowsOne) in [("interval_level", false), ("keep_chance", true), ("weight_radius", false)] {
            guard let share = settings[key] else { continue }
            if share <= 0 || share > 1 || (share == 1 && !allowsOne) || !Criterion.isExact(share) {
                let upper = allowsOne ? "at most 1" : "below 1"
                report(key, "must be a share above 0 and \(upper) with at most 6 decimals, e.g. \(key) = \(example(key)).")
            }
        }
        return problems
    }

    /// The settings' problems, without lines.
    public var problems: [SchemeProblem] {
        AnalysisSettings.problems(
            [
                "resamples": Decimal(resamples), "seed": Decimal(seed), "interval_level": intervalLevel,
                "keep_chance": keepChance, "weight_radius": weightRadius,
            ], lines: [:])
    }

    static func example(_ key: String) -> String {
        switch key {
        case "resamples": "\(AnalysisSettings.default.resamples)"
        case "seed": "\(AnalysisSettings.default.seed)"
        case "interval_level": "\(AnalysisSettings.default.intervalLevel)"
        case "keep_chance": "\(AnalysisSettings.default.keepChance)"
        default: "\(AnalysisSettings.default.weightRadius)"
        }
    }

    /// The section as a scheme file writes it.
    var tomlLines: [String] {
        [
            "[analysis]",
            "resamples = \(resamples)",
            "seed = \(seed)",
            "interval_level = \(intervalLevel)",
            "keep_chance = \(keepChance)",
            "weight_radius = \(weightRadius)",
        ]
    }
}

/// Whether a number has no fraction.
private func isWhole(_ value: Decimal) -> Bool {
    var value = value
    var whole = Decimal()
    NSDecimalRound(&whole, &value, 0, .plain)
    return whole == value
}

extension Decimal {
    /// The nearest Double, for statistics that are not exact.
    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
