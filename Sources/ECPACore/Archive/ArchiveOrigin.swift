import Foundation

/// Where an archive year comes from.
public enum ArchiveOrigin: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The secretariat's research notes on past editions (the seed).
    case notes
    /// An edition run and published in ecpa: computed from its frozen results, so confirmed.
    case ecpa

    /// The raw value, e.g. "notes".
    public var description: String { rawValue }
}
