/// The database identity of a juror seat (one person on one edition's jury).
public struct JurorID: DatabaseID {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
}
