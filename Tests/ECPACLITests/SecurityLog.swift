import Foundation

/// What the security suites tried, one line per check, for scripts/security-doc to count.
///
/// The protocol shared by the permission matrix and the hostile-login suite: when the environment
/// variable `ECPA_SECURITY_LOG` names a file, every call appends one line to it,
/// `<kind> <id> held` when the rule held or `<kind> <id> broken` when it did not. Kinds in use:
/// `cell` (one permission-matrix cell) and `attack` (one hostile-login attack; `broken` means the
/// attack succeeded). Ids contain no white space. Without the variable every call does nothing.
enum SecurityLog {
    /// Appends `<kind> <id> held|broken` to the file named by ECPA_SECURITY_LOG, if set.
    static func record(_ kind: String, _ id: String, held: Bool) {
        TestLog.append([kind, id, held ? "held" : "broken"], toFileIn: "ECPA_SECURITY_LOG")
    }
}
