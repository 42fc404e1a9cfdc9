import Foundation

/// Someone who uses the system, identified by their PostgreSQL login role (DESIGN section 2).
public struct Person: Hashable, Sendable, Codable {
    /// The PostgreSQL login role, e.g. "anna_virtanen".
    public var roleName: String
    /// The name shown in lists and reports, e.g. "Anna Virtanen".
    public var displayName: String
    /// What the person does.
    public var kind: PersonKind
    /// An e-mail address, if known.
    public var email: String?
    /// The country a national representative speaks for; required for them.
    public var country: CountryCode?

    /// Makes a person record; `validate()` says whether it may be saved.
    public init(roleName: String, displayName: String, kind: PersonKind, email: String? = nil, country: CountryCode? = nil) {
        self.roleName = roleName
        self.displayName = displayName
        self.kind = kind
        self.email = email
        self.country = country
    }

    /// Every rule the record breaks: an accepted role name, a display name, and (DESIGN section 2)
    /// a known country for a national representative, who acts for that one country only.
    public func validate() -> [PersonError] {
        var errors: [PersonError] = []
        if let reason = RoleName.problem(with: roleName) {
            errors.append(.invalidRoleName(roleName, reason: reason))
        }
        if displayName.allSatisfy(\.isWhitespace) {
            errors.append(.missingDisplayName(roleName: roleName))
        }
        if let country, Country.named(country) == nil {
            errors.append(.unknownCountry(country, roleName: roleName))
        } else if kind == .nationalRepresentative, country == nil {
            errors.append(.missingCountry(roleName: roleName))
        }
        return errors
    }
}
