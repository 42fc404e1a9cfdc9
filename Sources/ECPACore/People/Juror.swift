import Foundation

/// A seat on an edition's jury (DESIGN.md section 1): a login role from a member state, voting or
/// advisory (advisory experts have no vote), one of them possibly the chair.
public struct Juror: Sendable, Equatable {
    public var id: JurorID
    public var editionID: EditionID
    public var roleName: String
    public var country: CountryCode
    public var displayName: String
    public var voting: Bool
    public var chair: Bool

    public init(
        id: JurorID, editionID: EditionID, roleName: String, country: CountryCode, displayName: String,
        voting: Bool = true, chair: Bool = false
    ) {
        self.id = id
        self.editionID = editionID
        self.roleName = roleName
        self.country = country
        self.displayName = displayName
        self.voting = voting
        self.chair = chair
    }
}

/// Why a juror does not score an entry: the structural own-country rule or a declared conflict.
public struct Conflict: Sendable, Equatable {
    /// Where the conflict comes from.
    public enum Source: String, Sendable, Codable {
        case ownCountry = "own country"
        case declared
    }

    public var juror: JurorID
    public var entry: EntryID
    public var source: Source
    public var reason: String

    public init(juror: JurorID, entry: EntryID, source: Source, reason: String) {
        self.juror = juror
        self.entry = entry
        self.source = source
        self.reason = reason
    }
}
