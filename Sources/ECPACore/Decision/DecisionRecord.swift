import Foundation

/// The jury's decision record of an edition (issue "what the jury decides", item 5): per medal the
/// reasons its rapporteur wrote and the minority views, and the chair's sign-off, after which
/// nothing in it changes. Its canonical text is what the sign-off hashes into the ledger.
public struct DecisionRecord: Hashable, Sendable {
    public var edition: EditionID
    public var reasons: [MedalReasons]
    public var minorityViews: [MinorityView]
    public var signoff: DecisionSignoff?

    public init(edition: EditionID, reasons: [MedalReasons], minorityViews: [MinorityView], signoff: DecisionSignoff?) {
        self.edition = edition
        self.reasons = reasons.sorted { $0.medal < $1.medal }
        self.minorityViews = minorityViews.sorted { ($0.medal, $0.id) < ($1.medal, $1.id) }
        self.signoff = signoff
    }

    /// Whether nothing has been written yet: no rapporteur named, no minority view.
    public var isEmpty: Bool { reasons.isEmpty && minorityViews.isEmpty }

    /// A medal's reasons, if its rapporteur is named.
    public func reasons(for medal: Medal) -> MedalReasons? { reasons.first { $0.medal == medal } }

    /// A medal's minority views, in the order first written.
    public func minorityViews(for medal: Medal) -> [MinorityView] { minorityViews.filter { $0.medal == medal } }

    /// The record as the sign-off hashes it, byte for byte as sql/0034's ecpa.decision_record_text
    /// writes it: a first line naming the edition, then per medal (gold, silver, bronze) its
    /// reasons and its minority views in the order first written, each a JSON array on a line of
    /// its own, e.g. `["gold", "reasons", 12, "The jury found..."]` and `["gold", "minority", 13, "..."]`.
    public var canonicalText: String {
        var text = "ecpa decision record of edition \(edition.rawValue)\n"
        for medal in Medal.allCases {
            if let reasons = reasons(for: medal) {
                text +=
                    "[\(JSONText.string(medal.rawValue)), \"reasons\", \(reasons.rapporteur.rawValue), \(reasons.reasons.map(JSONText.string) ?? "null")]\n"
            }
            for view in minorityViews(for: medal) {
                text += "[\(JSONText.string(medal.rawValue)), \"minority\", \(view.juror.rawValue), \(JSONText.string(view.text))]\n"
            }
        }
        return text
    }

    /// The SHA-256 of the canonical text, as 64 lowercase hexadecimal digits.
    public var hash: String { SHA256.hex(canonicalText) }

    /// The score ledger's note of a sign-off with this hash, as ecpa.sign_record writes it.
    public static func ledgerNote(edition: EditionID, hash: String) -> String {
        "sign decision record of edition \(edition.rawValue) sha256:\(hash)"
    }

}
