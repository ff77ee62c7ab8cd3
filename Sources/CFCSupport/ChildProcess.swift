#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs another program (the `aws` CLI) the way a careful pipeline step would: no shell between
/// (each argument reaches the program as given, so nothing in a config can become shell code),
/// bounded in time and in output, and killed, with everything it started, when it overruns.
public enum ChildProcess {
    /// What a run produced.
    public struct Result: Sendable, Equatable {
        /// The exit status; for a program ended by a signal, 128 plus the signal's number, as a
        /// shell reports it.
        public var status: Int32
        /// Standard output, at most `maxOutputBytes`.
        public var standardOutput: [UInt8]
        /// Standard error, at most `maxOutputBytes`.
        public var standardError: [UInt8]
        /// Whether the program ran out of time and was killed.
        public var timedOut: Bool
        /// Whether output beyond `maxOutputBytes` was dropped.
        public var truncated: Bool
    }

    /// Why a program could not be run at all.
    public struct LaunchError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong, for a diagnostic.
        public var message: String
        public var description: String { message }
    }

    /// The program called `name` on `searchPath` (a `PATH`-style list), as a shell would find it,
    /// or nil. A name with a slash is taken as a path.
    public static func find(_ name: String, searchPath: String?) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            var status = stat()
            if stat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, the current environment (with `environment`'s
    /// entries set or replaced), `input` on standard input, for at most `timeoutSeconds`.
    ///
    /// The program runs in a process group of its own with the signal mask and dispositions
    /// reset (cfc blocks its termination signals in every thread, which a child would inherit);
    /// on timeout the whole group gets SIGTERM, then SIGKILL two seconds later.
    ///
    /// - Throws: `LaunchError` when the program cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: [UInt8] = [],
        timeoutSeconds: Double, maxOutputBytes: Int = 64 << 20
    ) throws(LaunchError) -> Result {
        var inputPipe: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0, pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
            for fd in inputPipe + outputPipe + errorPipe where fd >= 0 { close(fd) }
            throw LaunchError(message: "cannot create pipes to run \(executable): \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for fd in inputPipe + outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var variables: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") { variables[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
            pointer += 1
        }
        for (name, value) in environment { variables[name] = value }
        var envp: [UnsafeMutablePointer<CChar>?] = variables.keys.sorted().map { strdup("\($0)=\(variables[$0] ?? "")") } + [nil]
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer {
            for entry in envp { free(entry) }
            for entry in argv { free(entry) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &argv, &envp)
        close(inputPipe[0])
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(inputPipe[1])
            close(outputPipe[0])
            close(errorPipe[0])
            throw LaunchError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }

        // Non-blocking ends, so one poll loop can feed the input and drain both outputs without
        // either pipe filling and stalling the other.
        for fd in [inputPipe[1], outputPipe[0], errorPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var result = Result(status: 0, standardOutput: [], standardError: [], timedOut: false, truncated: false)
        var inputOffset = 0
        var inputOpen = true
        if input.isEmpty {
            close(inputPipe[1])
            inputOpen = false
        }
        var open = (output: true, error: true)
        let start = monotonicSeconds()
        var killedAt: Double? = nil
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.output || open.error {
            let now = monotonicSeconds()
            if killedAt == nil, now - start > timeoutSeconds {
                result.timedOut = true
                kill(-pid, SIGTERM)
                killedAt = now
            } else if let killed = killedAt, now - killed > 2 {
                kill(-pid, SIGKILL)
            }
            var fds: [pollfd] = []
            if open.output { fds.append(pollfd(fd: outputPipe[0], events: Int16(POLLIN), revents: 0)) }
            if open.error { fds.append(pollfd(fd: errorPipe[0], events: Int16(POLLIN), revents: 0)) }
            if inputOpen { fds.append(pollfd(fd: inputPipe[1], events: Int16(POLLOUT), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), 100)
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputPipe[1] {
                    let written = input.withUnsafeBytes { write(entry.fd, $0.baseAddress! + inputOffset, $0.count - inputOffset) }
                    if written > 0 { inputOffset += written }
                    if written < 0 && errno != EAGAIN || inputOffset >= input.count {
                        close(inputPipe[1])
                        inputOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let isOutput = entry.fd == outputPipe[0]
                    let room = maxOutputBytes - (isOutput ? result.standardOutput.count : result.standardError.count)
                    if count > room { result.truncated = true }
                    let kept = buffer[0..<max(0, min(count, room))]
                    if isOutput { result.standardOutput += kept } else { result.standardError += kept }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    if entry.fd == outputPipe[0] { open.output = false } else { open.error = false }
                }
            }
        }
        if inputOpen { close(inputPipe[1]) }
        close(outputPipe[0])
        close(errorPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // The group may outlive its leader (a child that kept no pipe open): end it too.
        if result.timedOut { kill(-pid, SIGKILL) }
        let signal = status & 0x7F
        result.status = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return result
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
