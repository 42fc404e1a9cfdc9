import Foundation

/// The person responsible for a project, whom the secretariat and the jury can contact (Annex I, item 4).
public struct Contact: Hashable, Sendable, Codable {
    /// Full name.
    public var name: String?
    /// The organisation the person works for.
    public var organisation: String?
    /// E-mail address.
    public var email: String?
    /// Telephone number.
    public var phone: String?

    /// Makes contact details; an empty string counts as not given and is stored as nil.
    public init(name: String? = nil, organisation: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = EntryForm.given(name)
        self.organisation = EntryForm.given(organisation)
        self.email = EntryForm.given(email)
        self.phone = EntryForm.given(phone)
    }

    /// Decodes, treating empty strings as not given.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decodeIfPresent(String.self, forKey: .name),
            organisation: try container.decodeIfPresent(String.self, forKey: .organisation),
            email: try container.decodeIfPresent(String.self, forKey: .email),
            phone: try container.decodeIfPresent(String.self, forKey: .phone)
        )
    }

    private enum CodingKeys: String, CodingKey {
        case name, organisation, email, phone
    }
}
