import CFCTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A run stopped by SIGINT or SIGTERM takes away everything it had staged and exits 130 or
/// 143; what a killed run left is removed by the next; resource limits end a run with a
/// message, never a silent signal death (issue 14, classes 10 and 11).
@Suite struct InterruptionTests {
    static let example = TestPaths.examples.appendingPathComponent("default-domain.yaml")

    /// A config with `count` distributions, so that a run has many files staged.
    static func config(distributions count: Int) throws -> String {
        let text = try String(contentsOf: example, encoding: .utf8)
        let body = String(text[text.range(of: "  docs:")!.lowerBound...])
        return "version: 1\ndistributions:\n" + (0..<count).map { body.replacingOccurrences(of: "  docs:", with: "  docs\($0):") }.joined()
    }

    /// The entries of `directory` that are cfc temporaries.
    static func temporaries(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix(".cfc-") }
    }

    enum Stop: String, CaseIterable, Sendable { case interrupt, terminate }

    /// Starts `cfc compile first.yaml fifo --output out`: cfc stages the first file's documents,
    /// then waits for the FIFO's writer, which never comes; the test stops it there.
    @Test(arguments: Stop.allCases, [false, true])
    func aStoppedRunLeavesNothingBehind(_ stop: Stop, outputExists: Bool) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.yaml")
        try Self.config(distributions: 20).write(to: first, atomically: true, encoding: .utf8)
        let fifo = directory.appendingPathComponent("second.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let output = directory.appendingPathComponent("out")
        let before = "kept from an earlier run\n"
        if outputExists {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try before.write(to: output.appendingPathComponent("docs0.distribution.json"), atomically: true, encoding: .utf8)
        }

        let process = Process()
        process.executableURL = TestPaths.cfcExecutable
        process.arguments = ["compile", first.path, fifo.path, "--format", "both", "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (bounded by a count of polls, not by a time to assert) until the first file's 40
        // documents are staged.
        let stagedHere = outputExists ? output : directory
        var staged = 0
        for _ in 0..<6_000 where staged < 40 {
            usleep(10_000)
            staged = Self.temporaries(in: stagedHere).reduce(0) { count, name in
                let path = stagedHere.appendingPathComponent(name).path
                let inside = (try? FileManager.default.contentsOfDirectory(atPath: path))?.count
                return count + (inside ?? 1)
            }
        }
        #expect(staged >= 40, "cfc never staged the first file's documents")
        switch stop {
        case .interrupt: process.interrupt()
        case .terminate: process.terminate()
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == (stop == .interrupt ? 130 : 143))
        #expect(Self.temporaries(in: directory).isEmpty)
        if outputExists {
            #expect(Self.temporaries(in: output).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["docs0.distribution.json"])
            #expect(try String(contentsOf: output.appendingPathComponent("docs0.distribution.json"), encoding: .utf8) == before)
        } else {
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// Temporaries of a process that is gone are removed by the next run into that directory;
    /// those of a live process, and names that only look similar, are not; a link among them
    /// is removed, never followed.
    @Test func theNextRunRemovesWhatAKilledRunLeft() throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "precious\n".write(to: elsewhere.appendingPathComponent("keep"), atomically: true, encoding: .utf8)

        // A process id that has finished: a child that ran and was reaped.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let live = getpid()
        let files = [
            ".cfc-\(dead)-0-abc-docs.distribution.json.tmp", ".cfc-\(live)-0-abc-docs.distribution.json.tmp",
            ".cfc-notes.tmp", ".cfc-\(dead)-keep.txt",
        ]
        for name in files { try "x".write(to: output.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        let deadDirectory = output.appendingPathComponent(".cfc-\(dead)-staging.tmp")
        try FileManager.default.createDirectory(at: deadDirectory, withIntermediateDirectories: true)
        try "x".write(to: deadDirectory.appendingPathComponent("a.json"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: deadDirectory.appendingPathComponent("link"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent(".cfc-\(dead)-link.tmp"), withDestinationURL: elsewhere)

        let result = try Processes.cfc(["compile", Self.example.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        #expect(
            left == [
                ".cfc-\(live)-0-abc-docs.distribution.json.tmp", ".cfc-notes.tmp", ".cfc-\(dead)-keep.txt",
                "docs.distribution.json",
            ])
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("keep"), encoding: .utf8) == "precious\n")
    }

    /// An output path that cannot be made (its last name is too long) leaves none of the
    /// directories made on the way to it.
    @Test(arguments: [["compile"], ["plan"], ["import"]])
    func anOutputThatCannotBeMadeLeavesNoDirectories(_ command: [String]) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input =
            command == ["import"]
            ? TestPaths.packageRoot.appendingPathComponent("Tests/CFCImportTests/Fixtures/legacy-website/input.json").path
            : Self.example.path
        let output = String(repeating: "a/", count: 300) + String(repeating: "x", count: 300)
        let result = try Processes.cfc(command + [input, "--output", output], currentDirectory: directory)
        #expect(result.status != 0)
        // import makes no directories (its output is one file, beside others): its error is
        // the missing directory.
        #expect(
            result.stderr.contains(command == ["import"] ? "no such file or directory" : "file name too long"),
            "\(result.stderr.suffix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// Runs `cfc` under a shell that first sets `limit` (`ulimit` arguments).
    static func cfcUnderLimit(_ limit: String, _ arguments: [String], in directory: URL) throws -> ProcessResult {
        try Processes.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit \(limit) && exec \"$0\" \"$@\"", TestPaths.cfcExecutable.path] + arguments,
            currentDirectory: directory)
    }

    /// Beyond `ulimit -f` a write fails with EFBIG, reported as `io.write`; nothing is left.
    @Test(arguments: [["compile", "--format", "both", "--output", "out"], ["plan", "--output", "out"]])
    func aFileSizeLimitIsAnErrorNotASignal(_ command: [String]) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.cfcUnderLimit("-f 1", command + [Self.example.path], in: directory)
        #expect(result.status == 1, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("file too large [io.write]"), "\(result.stderr)")
        #expect(Self.temporaries(in: directory).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    /// With almost no file descriptors cfc says so and exits 71, before any work.
    @Test(arguments: [4, 6, 8])
    func tooFewDescriptorsIsAMessage(_ descriptors: Int) throws {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.cfcUnderLimit("-n \(descriptors)", ["compile", Self.example.path, "--output", "out"], in: directory)
        #expect(result.status == 71, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("too few file descriptors"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
