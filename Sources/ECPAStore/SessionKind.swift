/// Which of the award's groups a session's login belongs to, as `ecpa.connections()` reports it.
public enum SessionKind: String, Sendable, CaseIterable {
    case administrator
    case secretariat
    case nationalRepresentative = "national representative"
    case juror
    case reader
    case other
}
