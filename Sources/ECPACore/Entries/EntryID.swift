/// The database identity of an entry (one project sent by a country).
public struct EntryID: DatabaseID {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
}
