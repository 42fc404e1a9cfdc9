import Foundation

/// Why a person record cannot be saved.
public enum PersonError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The login role name is not one we accept; the text says why.
    case invalidRoleName(String, reason: String)
    /// A national representative was given no country.
    case missingCountry(roleName: String)
    /// The country is not one the award knows.
    case unknownCountry(CountryCode, roleName: String)
    /// The display name is empty.
    case missingDisplayName(roleName: String)

    /// A plain sentence naming the person concerned.
    public var description: String {
        switch self {
        case .invalidRoleName(_, let reason):
            reason
        case .missingCountry(let roleName):
            "\(roleName) is a national representative, so they need a country (e.g. --country BE)."
        case .unknownCountry(let code, let roleName):
            "\(roleName) is given the country \(code), which is not an EU member state the award knows."
        case .missingDisplayName(let roleName):
            "\(roleName) needs a display name, such as their full name."
        }
    }
}
