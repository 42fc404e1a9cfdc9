import Foundation

/// A text people type outside the entry form (a theme, a name, a comment, a reason), with the
/// longest it may be. sql/0029 holds the stored rows to the same numbers (SharedRulesTests holds
/// both sides to them); the entry form's own limits are in `EntryForm`.
public enum FreeText: String, CaseIterable, Hashable, Sendable {
    /// An edition's theme.
    case theme
    /// The city of the Best Practice Conference.
    case hostCity = "host city"
    /// A person's full name (secretariat or national representative).
    case personName = "person's name"
    /// A person's e-mail address.
    case email = "e-mail address"
    /// A juror's name as the jury list shows it.
    case jurorName = "juror's name"
    /// A juror's comment kept with their scores or abstention.
    case comment
    /// Why: a late acceptance, an ineligible entry, a declared conflict, a jury override.
    case reason
    /// Why a juror revises a score in the deliberation: one line.
    case revisionReason = "reason for a revision"
    /// The jury's reasons for a medal, written by its rapporteur for the decision record.
    case medalReasons = "jury's reasons"
    /// A juror's minority view on a medal, in the decision record.
    case minorityView = "minority view"

    /// The most characters (Unicode code points, as PostgreSQL's char_length counts) the text may have.
    public var limit: Int {
        switch self {
        case .theme: 300
        case .hostCity: 100
        case .personName, .jurorName: 200
        case .email: 254
        case .comment, .reason: 2_000
        case .revisionReason: 500
        case .medalReasons, .minorityView: 4_000
        }
    }

    /// Whether the text may hold line breaks and tabs (the control characters a long text needs).
    public var multiline: Bool {
        switch self {
        case .comment, .reason, .medalReasons, .minorityView: true
        default: false
        }
    }

    /// What is wrong with a text given for this field, or nil when it may be stored. A text that
    /// shows nothing (only spaces or invisible marks, `VisibleText`) counts as empty.
    public func problem(with text: String) -> FreeTextProblem? {
        if !VisibleText.has(text) { return .empty }
        let count = text.unicodeScalars.count
        if count > limit { return .tooLong(count: count, limit: limit) }
        if let scalar = ControlCharacters.first(in: text, multiline: multiline) { return .controlCharacter(scalar) }
        if self == .email, !EntryForm.looksLikeEmail(text) { return .notAnEmailAddress(text) }
        return nil
    }
}

/// What is wrong with a typed text, as facts; `sentence(naming:)` words it after the name of the
/// place it was typed in (a flag such as --theme).
public enum FreeTextProblem: Hashable, Sendable {
    /// Nothing but spaces, or nothing at all.
    case empty
    /// Longer than the field allows.
    case tooLong(count: Int, limit: Int)
    /// A character a terminal would act on, such as the escape character.
    case controlCharacter(Unicode.Scalar)
    /// Not shaped like an e-mail address (the entry form's contact address is held to the same).
    case notAnEmailAddress(String)

    /// E.g. "--theme has 301 characters; the limit is 300. Shorten it."
    public func sentence(naming place: String, wanted: String) -> String {
        switch self {
        case .empty:
            return "\(place) is empty; give \(wanted)."
        case .tooLong(let count, let limit):
            return "\(place) has \(count.grouped) characters; the limit is \(limit.grouped). Shorten it."
        case .controlCharacter(let scalar):
            return "\(place) contains the control character \(ControlCharacters.name(scalar)), which cannot be stored; remove it."
        case .notAnEmailAddress(let text):
            return "\(place) \"\(text)\" does not look like an e-mail address such as name@example.org."
        }
    }
}
