import Foundation

/// What a person does in the award (DESIGN section 2): the secretariat runs editions; a national
/// representative sends their own country's entries.
public enum PersonKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// EUCPN secretariat staff, who run the editions.
    case secretariat
    /// The person who sends one country's entries.
    case nationalRepresentative = "national_representative"

    /// In plain words, e.g. "national representative".
    public var displayName: String {
        rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// The raw value, e.g. "national_representative".
    public var description: String { rawValue }
}
