import CFCTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One finished (or killed) run of a child process, with what it cost.
struct ChildRun: Sendable {
    /// The exit status, or nil when a signal ended the process.
    var status: Int32?
    /// The signal that ended the process, if one did.
    var signal: Int32?
    /// Whether the process was killed for running past its deadline.
    var timedOut: Bool
    /// Wall-clock time from spawn to exit, for the log only: on a shared machine it says as much
    /// about the neighbours as about cfc. Tests bound `work`.
    var seconds: Double
    /// What cfc reported of its work, or nil when it wrote no report (killed, crashed).
    var work: WorkReport?
    /// The child's peak resident set size, in bytes.
    var peakRSSBytes: Int
    /// How `peakRSSBytes` was measured.
    var memorySource: String
    /// Standard output.
    var stdout: [UInt8]
    /// Standard error.
    var stderr: [UInt8]

    var peakRSSMegabytes: Double { Double(peakRSSBytes) / Double(1 << 20) }
}

/// Runs a child with `posix_spawn` and reaps it with `wait4`, with standard input from a file
/// and standard output and standard error to files (a chatty child never blocks on a pipe).
///
/// Peak memory: `ru_maxrss` of a spawned child is not the child's alone. Linux carries the
/// high-water mark of the address space a process had before `exec` into its `maxrss`, and
/// `posix_spawn` runs on the parent's address space until then, so the number read by `wait4`
/// (or `getrusage(RUSAGE_CHILDREN)`, which also mixes every child) is at least the test process's
/// own peak. So when GNU `/usr/bin/time` is there, the child runs under it: `time` is small, forks
/// the child from itself and reports the child's own peak (`%M`). Otherwise the `wait4` number is
/// used: an upper bound, so a bound on it still holds for cfc.
enum ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// `/usr/bin/time` when it is GNU time (it takes `-f %M -o FILE`), else nil.
    static let gnuTime: String? = {
        #if os(Linux)
            let path = "/usr/bin/time"
            guard FileManager.default.isExecutableFile(atPath: path),
                FileManager.default.isExecutableFile(atPath: "/bin/true")
            else { return nil }
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: path)
            probe.arguments = ["-f", "%M", "-o", "/dev/null", "/bin/true"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return nil }
            probe.waitUntilExit()
            return probe.terminationStatus == 0 ? path : nil
        #else
            return nil
        #endif
    }()

    /// Runs `executable` with `arguments`, feeding it `standardInput`, and kills it (SIGKILL to
    /// its process group) when it is still running after `killAfter` seconds.
    static func run(
        _ executable: URL, _ arguments: [String], standardInput: URL, scratch: URL, killAfter: Double
    ) throws -> ChildRun {
        let stdoutPath = scratch.appendingPathComponent("child.stdout").path
        let stderrPath = scratch.appendingPathComponent("child.stderr").path
        let usagePath = scratch.appendingPathComponent("child.rusage").path
        let workURL = scratch.appendingPathComponent("child.work.json")
        try? FileManager.default.removeItem(atPath: usagePath)
        try? FileManager.default.removeItem(at: workURL)

        var command = [executable.path] + arguments
        if let gnuTime {
            command = [gnuTime, "-f", "%M", "-o", usagePath] + command
        }

        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A process group of its own, so that a timeout kills `time` and the child together.
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var variables = ProcessInfo.processInfo.environment
        variables[WorkReport.variable] = workURL.path
        let environment = variables.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pid = pid_t()
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "posix_spawn \(command[0]): \(String(cString: strerror(spawned)))")
        }

        var rawStatus: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let reaped = wait4(pid, &rawStatus, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 {
                if errno == EINTR { continue }
                throw SpawnError(description: "wait4: \(String(cString: strerror(errno)))")
            }
            if !timedOut, seconds(clock.now - start) > killAfter {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            usleep(1_000)
        }
        let elapsed = seconds(clock.now - start)

        // Decoded by hand: the W* macros are not imported into Swift.
        let termination = rawStatus & 0x7F
        var status: Int32? = termination == 0 ? (rawStatus >> 8) & 0xFF : nil
        var signal: Int32? = termination != 0 && termination != 0x7F ? termination : nil
        #if canImport(Darwin)
            var peak = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            var peak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        var memorySource = "wait4 (an upper bound: it includes the test process's own peak)"

        // GNU time writes "Command exited with non-zero status N" or "Command terminated by
        // signal N" first, then the format: the peak RSS in kilobytes.
        if gnuTime != nil, let report = try? String(contentsOfFile: usagePath, encoding: .utf8) {
            let lines = report.split(separator: "\n")
            if let last = lines.last, let kilobytes = Int(last.trimmingCharacters(in: .whitespaces)) {
                peak = kilobytes * 1024
                memorySource = "/usr/bin/time"
            }
            let signalPrefix = "Command terminated by signal "
            if let line = lines.first(where: { $0.hasPrefix(signalPrefix) }),
                let number = Int32(line.dropFirst(signalPrefix.count))
            {
                signal = number
                status = nil
            }
        }
        let stdout = FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? []
        let stderr = FileManager.default.contents(atPath: stderrPath).map { [UInt8]($0) } ?? []
        return ChildRun(
            status: status, signal: signal, timedOut: timedOut, seconds: elapsed, work: WorkReport.read(workURL),
            peakRSSBytes: peak, memorySource: memorySource, stdout: stdout, stderr: stderr)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
