import Foundation

/// Runs a program to completion with a deadline.
///
/// Built on `posix_spawn` rather than Foundation's `Process`: on Linux, `Process` learns that a
/// child exited when a socket it shares with the child closes, and `pg_ctl start` hands every open
/// descriptor down to the server it leaves running, so the exit of pg_ctl (or of `runuser` around
/// it) would never be noticed. Here the child gets only stdin, stdout and stderr, and we wait with
/// `waitpid` ourselves.
enum Subprocess {
    /// Runs `executable` and returns its output; throws when it cannot be launched or overruns `timeout`.
    ///
    /// Output goes to temporary files rather than pipes, so no descendant can hold us up waiting
    /// for an end of file.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String],
        timeout: TimeInterval
    ) throws -> SubprocessResult {
        let name = executable.lastPathComponent
        let scratch = FileManager.default.temporaryDirectory
        let outputURL = scratch.appendingPathComponent("ecpa-\(UUID().uuidString).out")
        let errorURL = scratch.appendingPathComponent("ecpa-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let pid = try spawn(
            executable, arguments, environment: environment, output: outputURL, errorOutput: errorURL)

        let deadline = Date().addingTimeInterval(timeout)
        var delay: useconds_t = 1_000
        var status = try reap(pid, name: name)
        while status == nil {
            if Date() >= deadline {
                kill(pid, SIGTERM)
                let grace = Date().addingTimeInterval(5)
                while try reap(pid, name: name) == nil {
                    if Date() >= grace {
                        kill(pid, SIGKILL)
                        _ = try reap(pid, name: name, blocking: true)
                        break
                    }
                    usleep(20_000)
                }
                throw LocalClusterError.timedOut(program: name, seconds: Int(timeout))
            }
            usleep(delay)
            delay = min(delay * 2, 50_000)
            status = try reap(pid, name: name)
        }
        return SubprocessResult(
            status: status ?? -1,
            output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        )
    }

    /// The exit status of `pid` once it has ended (128 + n when killed by signal n), else nil.
    private static func reap(_ pid: pid_t, name: String, blocking: Bool = false) throws -> Int32? {
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        } while result == -1 && errno == EINTR
        if result == 0 { return nil }
        guard result == pid else {
            throw LocalClusterError.commandFailed(program: name, message: "could not be waited for (\(String(cString: strerror(errno)))).")
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func spawn(
        _ executable: URL, _ arguments: [String], environment: [String: String], output: URL, errorOutput: URL
    ) throws -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorOutput.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // As `postgres`, the current folder (say /root) may be out of reach: start from "/".
        var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            posix_spawn_file_actions_addchdir_np(&actions, "/")
            flags |= Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            let library = dlopen(nil, RTLD_NOW)
            if let symbol = dlsym(library, "posix_spawn_file_actions_addchdir_np") {
                typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
                _ = unsafeBitCast(symbol, to: AddChdir.self)(&actions, "/")
            }
            if let symbol = dlsym(library, "posix_spawn_file_actions_addclosefrom_np") {
                typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
                _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
            } else {
                markDescriptorsCloseOnExec()
            }
        #endif
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, flags)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw LocalClusterError.commandFailed(
                program: executable.lastPathComponent,
                message: "could not be launched (\(String(cString: strerror(status)))).")
        }
        return pid
    }

    #if !canImport(Darwin)
        /// Where glibc lacks closefrom for posix_spawn (before 2.34): make every descriptor above
        /// stderr close on exec, so the server cannot inherit one.
        private static func markDescriptorsCloseOnExec() {
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
                let flags = fcntl(descriptor, F_GETFD)
                if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
            }
        }
    #endif

    /// The first executable called `name` on the `PATH` of `environment`, or in `extraDirectories`.
    static func find(_ name: String, environment: [String: String], extraDirectories: [String] = []) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + extraDirectories
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
