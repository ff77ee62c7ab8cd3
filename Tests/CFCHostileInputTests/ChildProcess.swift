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
    /// Wall-clock time from spawn to exit.
    var seconds: Double
    /// The child's own peak resident set size (`ru_maxrss` from `wait4`), in bytes.
    var peakRSSBytes: Int
    /// Standard output.
    var stdout: [UInt8]
    /// Standard error.
    var stderr: [UInt8]

    var peakRSSMegabytes: Double { Double(peakRSSBytes) / Double(1 << 20) }
}

/// Spawns a child with `posix_spawn` and reaps it with `wait4`, so that the resource usage read
/// is that one child's, whatever else the test process runs in parallel (`getrusage(RUSAGE_CHILDREN)`
/// would mix every child ever waited for). Standard input comes from a file; standard output and
/// standard error go to files, so a chatty child can never block on a full pipe.
enum ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with `arguments`, feeding it `standardInput`, and kills it (SIGKILL)
    /// when it is still running after `killAfter` seconds.
    static func run(
        _ executable: URL, _ arguments: [String], standardInput: URL, scratch: URL, killAfter: Double
    ) throws -> ChildRun {
        let stdoutPath = scratch.appendingPathComponent("child.stdout").path
        let stderrPath = scratch.appendingPathComponent("child.stderr").path

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pid = pid_t()
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "posix_spawn \(executable.path): \(String(cString: strerror(spawned)))")
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
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(1_000)
        }
        let elapsed = seconds(clock.now - start)

        // Decoded by hand: the W* macros are not imported into Swift.
        let termination = rawStatus & 0x7F
        let status: Int32? = termination == 0 ? (rawStatus >> 8) & 0xFF : nil
        let signal: Int32? = termination != 0 && termination != 0x7F ? termination : nil
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)           // bytes on Darwin
        #else
        let peak = Int(usage.ru_maxrss) * 1024    // kilobytes on Linux
        #endif
        let stdout = FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? []
        let stderr = FileManager.default.contents(atPath: stderrPath).map { [UInt8]($0) } ?? []
        return ChildRun(status: status, signal: signal, timedOut: timedOut, seconds: elapsed,
                        peakRSSBytes: peak, stdout: stdout, stderr: stderr)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
