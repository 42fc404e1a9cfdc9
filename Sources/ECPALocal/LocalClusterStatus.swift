/// Whether the embedded local PostgreSQL cluster exists and runs.
public enum LocalClusterStatus: Sendable, Equatable {
    /// No data directory has been initialised yet.
    case notCreated
    /// The data directory exists but no server is running on it.
    case stopped
    /// A server is running on the data directory, with this postmaster process id.
    case running(pid: Int32)
}
