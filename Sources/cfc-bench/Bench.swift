import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCSupport
import CFCWorkloads
import Checks
import DistributionIR
import DistributionLanguage
import YAMLSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// `swift run -c release cfc-bench [--sizes small,medium,large,max,max2x] [--repetitions N] [--cfc PATH]`
///
/// Times libyaml's bare event parser over each workload (the floor) and each cfc stage over the
/// same bytes, in one run, and prints MB/s per stage and ratios to the floor (medians of N
/// repetitions). Then runs the `cfc` executable end to end (process start included) for the
/// targets: large compile of both formats with output, max check (and its growth when the
/// behaviors double), small compile, and several files compiled in parallel.
@main
struct Bench {
    static func main() {
        if CommandLine.arguments.dropFirst().first == "--measure-process" {
            measureProcessMode()
            return
        }
        var sizes = Workload.Size.all
        var repetitions = 5
        var cfcPath: String? = nil
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--sizes":
                let names = (arguments.next() ?? "").split(separator: ",").map(String.init)
                sizes = Workload.Size.all.filter { names.contains($0.name) }
            case "--repetitions": repetitions = Int(arguments.next() ?? "") ?? 5
            case "--cfc": cfcPath = arguments.next()
            default:
                print("usage: cfc-bench [--sizes small,medium,large,max,max2x] [--repetitions N] [--cfc PATH]")
                exit(64)
            }
        }
        let cfc = cfcPath ?? siblingExecutable("cfc")
        let directory = makeTemporaryDirectory()
        // The workloads and outputs come to a few hundred megabytes: never leave them behind.
        defer { removeTree(directory) }
        print("cfc benchmark: medians of \(repetitions) runs; ratios are stage time / libyaml's bare parse of the same bytes\n")
        print(
            pad("size", 7) + pad("input", 10, right: true) + pad("floor", 11, right: true) + "  "
                + ["tree", "lower", "check", "json", "xml", "write", "all"].map { pad($0, 13, right: true) }.joined())
        var files: [String: String] = [:]
        for size in sizes {
            let text = Workload.yaml(size)
            let bytes = Array(text.utf8)
            let path = directory + "/\(size.name).yaml"
            FileIO.writeStandardError([])
            try? FileIO.writeAtomically(bytes, to: path)
            files[size.name] = path
            let stages = measureStages(bytes, path: path, outputDirectory: directory + "/out-\(size.name)", repetitions: repetitions)
            let megabytes = Double(bytes.count) / 1_000_000
            var line =
                pad(size.name, 7) + pad(formatBytes(bytes.count), 10, right: true)
                + pad(String(format1(megabytes / stages.floor)) + " MB/s", 11, right: true) + "  "
            for time in [stages.tree, stages.lower, stages.check, stages.json, stages.xml, stages.write, stages.total] {
                line += pad("\(format1(time / stages.floor))x \(format0(megabytes / time))MB/s", 13, right: true)
            }
            print(line)
        }
        print("\nin-process peak memory: \(formatBytes(peakMemoryBytes()))")

        guard access(cfc, X_OK) == 0 else {
            print("\nno cfc executable at \(cfc); build it with 'swift build -c release' for the end-to-end runs")
            return
        }
        print("\nend to end (the cfc process, start included; wall time, median of \(repetitions)):")
        if let large = files["large"], let largeBytes = try? FileIO.read(large) {
            // Into a fresh directory each time, as on a clean checkout in CI; then over the
            // previous run's files, as on a developer's machine or a pipeline's cached
            // workspace (cfc then reads the 2,000 files and leaves those that are unchanged).
            // Each run gets a directory of its own: deleting the previous run's 2,000 files just
            // before makes ext4's inode allocator skip the freshly freed ones, a cost of the
            // benchmark's own churn that a clean checkout does not have.
            // Ratios are to a floor measured right before each run (`pairedFloor`).
            let run = ProcessRun.median(
                (0..<max(1, repetitions)).map { attempt in
                    measureProcess(
                        [cfc, "compile", "--format", "both", "--output", directory + "/e2e-large-\(attempt)", large], 1,
                        floorOf: largeBytes)
                })
            let output = directory + "/e2e-large-0"
            let input = Double(fileSize(large))
            print(
                "  large   cfc compile --format both --output (fresh directory): \(format0(run.seconds * 1000)) ms = \(format1(run.floorRatio))x the floor (target 3x; CPU \(format0(run.cpuSeconds * 1000)) ms on \(processorCount()) cores, \(format0(run.systemSeconds * 1000)) ms of it in the kernel); peak memory \(formatBytes(run.peakBytes)) = \(format1(Double(run.peakBytes) / input))x the input (target 4x)"
            )
            let again = measureProcess([cfc, "compile", "--format", "both", "--output", output, large], repetitions, floorOf: largeBytes)
            print(
                "  large   the same, over the previous output: \(format0(again.seconds * 1000)) ms = \(format1(again.floorRatio))x the floor"
            )
            // On a disk file system, creating 2,000 files right after deleting the previous run's
            // 2,000 costs the kernel a varying 0.1 to 0.4 s (ext4 avoids reusing freshly freed
            // inodes); memory-backed storage shows what the process itself costs.
            if FileIO.isDirectory("/dev/shm") {
                let memoryOutput = "/dev/shm/cfc-bench-\(getpid())"
                let inMemory = measureProcess(
                    [cfc, "compile", "--format", "both", "--output", memoryOutput, large], repetitions,
                    floorOf: largeBytes, before: { removeTree(memoryOutput) })
                removeTree(memoryOutput)
                print(
                    "  large   the same into a fresh directory on tmpfs: \(format0(inMemory.seconds * 1000)) ms = \(format1(inMemory.floorRatio))x the floor (CPU \(format0(inMemory.cpuSeconds * 1000)) ms, \(format0(inMemory.systemSeconds * 1000)) ms of it in the kernel)"
                )
            }
        }
        if let max = files["max"], let maxBytes = try? FileIO.read(max) {
            let run = measureProcess([cfc, "check", max], repetitions, floorOf: maxBytes)
            print("  max     cfc check: \(format1(run.seconds * 1000)) ms = \(format1(run.floorRatio))x the floor (target 10x)")
            if let max2x = files["max2x"] {
                let doubled = measureProcess([cfc, "check", max2x], repetitions)
                print(
                    "  max2x   cfc check with twice the behaviors: \(format1(doubled.seconds * 1000)) ms = \(format2(doubled.seconds / run.seconds))x the time of max (well under 4x wanted)"
                )
            }
        }
        if let small = files["small"] {
            let run = measureProcess([cfc, "compile", small], repetitions * 4)
            print("  small   cfc compile of \(formatBytes(fileSize(small))): \(format1(run.seconds * 1000)) ms (target 10 ms)")
        }
        if let medium = files["medium"] {
            var copies: [String] = []
            for index in 0..<4 {
                let copy = directory + "/medium-\(index).yaml"
                let text = Workload.yaml(.medium, seed: 2026 &+ UInt64(index))
                    .replacingAll("site-", with: "s\(index)-")
                try? FileIO.writeAtomically(Array(text.utf8), to: copy)
                copies.append(copy)
            }
            _ = medium
            let together = measureProcess([cfc, "compile", "--output", directory + "/parallel"] + copies, repetitions)
            var sequential = 0.0
            for copy in copies {
                sequential += measureProcess([cfc, "compile", "--output", directory + "/sequential", copy], repetitions).seconds
            }
            print(
                "  4 files cfc compile a b c d: \(format0(together.seconds * 1000)) ms; one at a time: \(format0(sequential * 1000)) ms (\(format2(sequential / together.seconds))x on \(processorCount()) cores)"
            )
        }
    }

    struct Stages {
        var floor = 0.0, tree = 0.0, lower = 0.0, check = 0.0, json = 0.0, xml = 0.0, write = 0.0
        var total: Double { tree + lower + check + json + xml + write }
    }

    static func measureStages(_ bytes: [UInt8], path: String, outputDirectory: String, repetitions: Int) -> Stages {
        var samples: [Stages] = []
        for repetition in 0..<repetitions {
            var stages = Stages()
            let sink = DiagnosticCollector()
            let source = SourceFile(path: path, bytes: bytes)
            stages.floor = time { _ = YAMLParser.countEvents(bytes) }
            var document: YAMLDocument? = nil
            stages.tree = time { document = YAMLParser.parse(source, sink: sink) }
            guard let document else { fatalError("the workload does not parse: \(sink.diagnostics)") }
            var model: ConfigModel? = nil
            stages.lower = time { model = lowerConfigFile(document, sink: sink) }
            guard let model, !sink.hasErrors else { fatalError("the workload does not lower: \(sink.diagnostics.prefix(3))") }
            stages.check = time { Checker.check(model, locator: YAMLSourceLocator(document: document), sink: sink) }
            guard !sink.hasErrors else {
                fatalError("the workload has errors: \(sink.sortedDiagnostics.filter { $0.severity == .error }.prefix(3))")
            }
            var documents: [EmittedDocument] = []
            stages.json = time {
                for distribution in model.distributions {
                    documents.append(
                        EmittedDocument(
                            logicalPath: "\(distribution.name).distribution.json", mediaType: "application/json",
                            distributionName: distribution.name, bytes: DocumentFormat.json.print(emitDistributionConfig(distribution))))
                }
            }
            stages.xml = time {
                for distribution in model.distributions {
                    documents.append(
                        EmittedDocument(
                            logicalPath: "\(distribution.name).distribution.xml", mediaType: "application/xml",
                            distributionName: distribution.name, bytes: DocumentFormat.xml.print(emitDistributionConfig(distribution))))
                }
            }
            // A directory of its own each time, all removed at the end of the benchmark: deleting
            // thousands of files here would make the end-to-end runs that follow pay for it
            // (ext4 skips recently freed inodes when it allocates, at a cost per file).
            stages.write = time { try? OutputWriting.write(documents, to: outputDirectory + "-\(repetition)") }
            samples.append(stages)
        }
        func median(_ key: KeyPath<Stages, Double>) -> Double {
            let sorted = samples.map { $0[keyPath: key] }.sorted()
            return sorted[sorted.count / 2]
        }
        return Stages(
            floor: median(\.floor), tree: median(\.tree), lower: median(\.lower), check: median(\.check),
            json: median(\.json), xml: median(\.xml), write: median(\.write))
    }

    static func time(_ body: () -> Void) -> Double {
        let start = now()
        body()
        return now() - start
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `cfc-bench --measure-process PATH ARGUMENTS…`: runs the command once and prints its wall
    /// seconds and peak memory in bytes.
    ///
    /// On Linux a child's peak memory (`ru_maxrss`) starts from what its parent's address space
    /// held when it forked, which for this benchmark is hundreds of megabytes of workloads. So
    /// the benchmark re-executes itself in this mode, a small process, and measures from here:
    /// what `/usr/bin/time` does, without needing it installed.
    static func measureProcessMode() {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        guard !arguments.isEmpty else { exit(64) }
        let run = spawnAndWait(arguments)
        print("\(run.seconds) \(run.peakBytes) \(run.cpuSeconds) \(run.systemSeconds)")
    }

    /// Runs a process `repetitions` times through `--measure-process`; the median wall time,
    /// the largest peak memory, and the median CPU time (user and system, all threads), which
    /// varies less than wall time on a busy machine.
    ///
    /// With `floorOf`, each run's `floorRatio` is its wall time over libyaml's parse of those
    /// bytes measured just before it (`pairedFloor`).
    static func measureProcess(
        _ arguments: [String], _ repetitions: Int, floorOf floorBytes: [UInt8]? = nil,
        before: () -> Void = {}
    ) -> ProcessRun {
        var runs: [ProcessRun] = []
        for _ in 0..<max(1, repetitions) {
            before()
            // The previous run's output is flushed first, so that the kernel writing it back
            // slows neither this floor nor this run; and the floor is the faster of one
            // measured before the run and one after (the ratio errs high, not low).
            if floorBytes != nil { sync() }
            let floorBefore = floorBytes.map(pairedFloor)
            guard let output = captureOutput([CommandLine.arguments[0], "--measure-process"] + arguments) else { return ProcessRun() }
            let fields = output.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard fields.count == 4, let seconds = Double(fields[0]), let bytes = Int(fields[1]),
                let cpu = Double(fields[2]), let system = Double(fields[3])
            else { return ProcessRun() }
            var run = ProcessRun(seconds: seconds, peakBytes: bytes, cpuSeconds: cpu, systemSeconds: system)
            if let floorBytes, let floorBefore {
                let floor = min(floorBefore, pairedFloor(floorBytes))
                run.floorRatio = floor > 0 ? seconds / floor : 0
            }
            runs.append(run)
        }
        return ProcessRun.median(runs)
    }

    /// One measured process run, or the medians of several (the largest peak memory).
    struct ProcessRun {
        var seconds = 0.0, peakBytes = 0, cpuSeconds = 0.0, systemSeconds = 0.0
        /// The wall time over the floor measured just before the run (see `measureProcess`).
        var floorRatio = 0.0

        static func median(_ runs: [ProcessRun]) -> ProcessRun {
            guard !runs.isEmpty else { return ProcessRun() }
            func middle(_ key: KeyPath<ProcessRun, Double>) -> Double { runs.map { $0[keyPath: key] }.sorted()[runs.count / 2] }
            return ProcessRun(
                seconds: middle(\.seconds), peakBytes: runs.map(\.peakBytes).max() ?? 0,
                cpuSeconds: middle(\.cpuSeconds), systemSeconds: middle(\.systemSeconds), floorRatio: middle(\.floorRatio))
        }
    }

    /// libyaml's bare parse of `bytes`, the fastest of three: measured next to each process run
    /// that is compared with it, since these machines' speed drifts from minute to minute (a
    /// floor from the start of the benchmark made the same run read 2.9x or 3.3x).
    static func pairedFloor(_ bytes: [UInt8]) -> Double {
        (0..<3).map { _ in time { _ = YAMLParser.countEvents(bytes) } }.min() ?? 0
    }

    /// The standard output of a process, or nil when it cannot be run.
    static func captureOutput(_ arguments: [String]) -> String? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        for pointer in argv { free(pointer) }
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs a process once: its wall time and peak memory.
    static func spawnAndWait(_ arguments: [String]) -> (seconds: Double, peakBytes: Int, cpuSeconds: Double, systemSeconds: Double) {
        let start = now()
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        for pointer in argv { free(pointer) }
        guard spawned == 0 else { return (0, 0, 0, 0) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return (now() - start, Int(usage.ru_maxrss) * 1024, seconds(usage.ru_utime) + seconds(usage.ru_stime), seconds(usage.ru_stime))
    }

    /// `rm -rf path`, untimed.
    static func removeTree(_ path: String) {
        var pid: pid_t = 0
        let arguments = ["/bin/rm", "-rf", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        if posix_spawn(&pid, "/bin/rm", nil, nil, &argv, environ) == 0 {
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        for pointer in argv { free(pointer) }
    }

    static func peakMemoryBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    static func processorCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    static func siblingExecutable(_ name: String) -> String {
        let me = CommandLine.arguments[0]
        guard let slash = me.lastIndex(of: "/") else { return name }
        return String(me[..<slash]) + "/" + name
    }

    static func makeTemporaryDirectory() -> String {
        var template = Array("/tmp/cfc-bench-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return "/tmp" }
            return String(cString: base)
        }
    }

    static func formatBytes(_ count: Int) -> String {
        if count >= 1_000_000 { return format1(Double(count) / 1_000_000) + " MB" }
        if count >= 1_000 { return format1(Double(count) / 1_000) + " kB" }
        return "\(count) B"
    }

    static func format0(_ value: Double) -> String { String(Int(value.rounded())) }
    static func format1(_ value: Double) -> String { fixed(value, 1) }
    static func format2(_ value: Double) -> String { fixed(value, 2) }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = abs(scaled % Int(scale))
        let text = String(fraction)
        return "\(whole).\(String(repeating: "0", count: digits - text.count))\(text)"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
