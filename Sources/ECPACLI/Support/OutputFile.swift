import Foundation

/// A file a command writes for the person (`-o FILE`): written whole or not at all, under a
/// temporary name beside it and then moved into place, and never over a file that exists unless
/// they said `--force`.
struct OutputFile {
    /// The file's path as the person gave it.
    let path: String
    /// Whether an existing file may be replaced.
    let force: Bool
    /// The file's permissions, before the umask: readable by everyone, or only by its owner for
    /// secrets such as first passwords.
    var permissions: mode_t = 0o666

    /// Refuses, having written nothing, when the file exists and may not be replaced: called first,
    /// so that nobody waits for a report that cannot be written.
    func refuseIfExists() throws {
        if !force && FileManager.default.fileExists(atPath: path) { throw exists }
    }

    /// Writes a text whole.
    func write(_ text: String) throws {
        let draft = try open()
        do {
            try draft.write(text)
            try draft.commit()
        } catch {
            draft.discard()
            throw error
        }
    }

    /// Starts the file under a temporary name in its folder; `commit` moves it into place.
    func open() throws -> Draft {
        try refuseIfExists()
        let target = URL(fileURLWithPath: path)
        var template = Array(
            target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).ecpa-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw cannotWrite(errno) }
        let temporary = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, permissions & ~mask)
        return Draft(file: self, temporary: temporary, handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    /// A file being written under its temporary name.
    final class Draft {
        let file: OutputFile
        let temporary: String
        let handle: FileHandle
        private var open = true

        init(file: OutputFile, temporary: String, handle: FileHandle) {
            self.file = file
            self.temporary = temporary
            self.handle = handle
        }

        func write(_ text: String) throws {
            do {
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                throw CLIError("Cannot write \(file.path): \(error.localizedDescription)", status: .noInput)
            }
        }

        /// Moves the whole file into place: over an existing one only with --force, and otherwise
        /// with a hard link, which fails if the name was taken meanwhile.
        func commit() throws {
            try handle.synchronize()
            try handle.close()
            open = false
            defer { unlink(temporary) }
            if file.force {
                guard rename(temporary, file.path) == 0 else { throw file.cannotWrite(errno) }
                return
            }
            if link(temporary, file.path) == 0 { return }
            let failure = errno
            if failure == EEXIST { throw file.exists }
            // A file system without hard links: claim the name, then move the file over it.
            guard failure == EPERM || failure == ENOTSUP || failure == EOPNOTSUPP else { throw file.cannotWrite(failure) }
            let claim = Foundation.open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard claim >= 0 else { throw errno == EEXIST ? file.exists : file.cannotWrite(errno) }
            close(claim)
            guard rename(temporary, file.path) == 0 else {
                let failure = errno
                unlink(file.path)
                throw file.cannotWrite(failure)
            }
        }

        /// Leaves nothing behind.
        func discard() {
            if open { try? handle.close() }
            open = false
            unlink(temporary)
        }
    }

    var exists: CLIError {
        CLIError("\(path) exists already; nothing was written. Choose another name, or add --force to replace it.", status: .conflict)
    }

    func cannotWrite(_ code: Int32) -> CLIError {
        CLIError(
            "Cannot write \(path): \(String(cString: strerror(code))). Check that its folder exists and that you may write in it.", status: .noInput)
    }
}
