import Foundation

/// One fact of the archive with its certainty.
///
/// Archive rule: an unknown fact has no value, whatever it is given, so nothing is invented. A
/// missing value that is confirmed (or inferred) means "known to be none", such as the theme of
/// the unthemed editions before 2005.
public struct Fact<Wrapped: Sendable & Equatable>: Sendable, Equatable {
    /// The value, nil when unknown or known to be none.
    public let value: Wrapped?
    /// How sure the archive is of it.
    public let certainty: Certainty

    /// Makes a fact; an unknown fact drops its value.
    public init(_ value: Wrapped?, _ certainty: Certainty) {
        self.value = certainty == .unknown ? nil : value
        self.certainty = certainty
    }

    /// A fact that was not found.
    public static var unknown: Fact { Fact(nil, .unknown) }

    /// Whether the fact is that there was none (no theme, no medal given).
    public var isKnownNone: Bool { value == nil && certainty != .unknown }
}
