/// The database identity of an edition of the award (one year).
public struct EditionID: DatabaseID {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
}
