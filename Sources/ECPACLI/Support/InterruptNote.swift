import Foundation

/// What Ctrl-C prints before the program ends as Ctrl-C always ends it, while a command that keeps
/// its work safe on disk (the entry walkthrough) wants to say where that work is and how to go on.
///
/// The handler runs inside a signal, so it only writes bytes prepared beforehand and re-raises
/// the signal with its default action: the exit status stays the usual one for Ctrl-C (130).
enum InterruptNote {
    /// The note's bytes, prepared before the handler is installed; read only by the handler.
    nonisolated(unsafe) private static var bytes: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var previous = sigaction()
    nonisolated(unsafe) private static var installed = false

    /// Prints `note` on standard error when Ctrl-C ends the program; nil takes the note away and
    /// puts back what Ctrl-C did before. A program started with Ctrl-C ignored keeps ignoring it.
    static func set(_ note: String?) {
        if installed {
            sigaction(SIGINT, &previous, nil)
            installed = false
        }
        bytes?.deallocate()
        bytes = nil
        guard let note else { return }
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        guard unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { return }
        let text = Array(note.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = buffer.initialize(from: text)
        bytes = buffer
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if let bytes = InterruptNote.bytes, let base = bytes.baseAddress {
                _ = write(STDERR_FILENO, base, bytes.count)
            }
            Foundation.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, &previous)
        installed = true
    }
}
