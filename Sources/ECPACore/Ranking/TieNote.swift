import Foundation

/// How one tie was handled by the cascade (DESIGN section 4: every tie and how it was resolved is
/// printed): the tied entries, the rule that settled them, the outcome and a plain sentence.
public struct TieNote: Hashable, Sendable, Codable {
    /// The tied entries, in the order the rule left them.
    public var entries: [EntryID]
    /// The score they tied at.
    public var score: Decimal
    /// The rule that settled the tie, or `shared-place` when none did.
    public var rule: TieBreakRule
    /// For `highest-weighted-criterion`: the code of the criterion that decided.
    public var criterion: String?
    /// The outcome, best first; a group of several entries is still tied after this rule (and
    /// has a note of its own further on).
    public var groups: [[EntryID]]
    /// E.g. "Finland and Hungary tied at 7.25; settled by the higher mean on Evaluated and
    /// effective (8.50 against 8.00)."
    public var sentence: String

    /// Makes a note.
    public init(
        entries: [EntryID], score: Decimal, rule: TieBreakRule, criterion: String?, groups: [[EntryID]],
        sentence: String, stillShared: Bool? = nil
    ) {
        self.stillShared = stillShared ?? (rule == .sharedPlace)
        self.entries = entries
        self.score = score
        self.rule = rule
        self.criterion = criterion
        self.groups = groups
        self.sentence = sentence
    }

    /// What a shared place's sentence ends with while the jury may still decide it.
    static let flag = ", flagged for a jury decision."

    /// The sentence once the results are frozen, when the jury can decide nothing more: a shared
    /// place is shared, no longer flagged for a decision (a public page says what was decided).
    public var decidedSentence: String {
        sentence.hasSuffix(Self.flag) ? String(sentence.dropLast(Self.flag.count)) + "." : sentence
    }

    /// Whether every tied entry now has a place of its own.
    public var settled: Bool { groups.allSatisfy { $0.count == 1 } }

    /// Whether some of the entries still share a place in the final order: no rule settled the
    /// tie and no jury override did either.
    public var stillShared: Bool

    /// Whether the entries share a place, which the jury should decide.
    public var needsJuryDecision: Bool { stillShared }
}
