import Foundation

/// Running programs from tests.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String

    /// Creates a result.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs executables and waits for them.
public enum Processes {
    /// Runs `executable` with `arguments`, feeding `input` to standard input, with `environment`
    /// added to the test process's own.
    public static func run(
        _ executable: URL, _ arguments: [String], input: Data? = nil,
        currentDirectory: URL? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot fill one and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs the built `cfc` with `arguments`.
    public static func cfc(
        _ arguments: [String], input: Data? = nil, currentDirectory: URL? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        try run(TestPaths.cfcExecutable, arguments, input: input, currentDirectory: currentDirectory, environment: environment)
    }

    /// Runs the built `cfc` with `arguments`, and reads the work it reports doing
    /// (`CFC_WORK_REPORT`, see `WorkReport`).
    public static func cfcMeasuringWork(_ arguments: [String], input: Data? = nil) throws -> (ProcessResult, WorkReport?) {
        let directory = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("work.json")
        let result = try run(TestPaths.cfcExecutable, arguments, input: input, environment: [WorkReport.variable: report.path])
        return (result, WorkReport.read(report))
    }

    /// Runs a Python 3 script from the package, or returns nil when there is no `python3`.
    public static func python(_ script: String, _ arguments: [String]) throws -> ProcessResult? {
        let candidates = ["/usr/bin/env"]
        guard let env = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return try run(URL(fileURLWithPath: env), ["python3", TestPaths.packageRoot.appendingPathComponent(script).path] + arguments)
    }
}

/// Whether the Python tools some tests drive are installed.
///
/// A developer without Python (or without botocore) can still run `swift test`: those suites
/// are skipped, saying why. CI sets `CFC_REQUIRE_PYTHON=1`, which runs them regardless, so a
/// missing package fails loudly there instead of passing silently.
public enum PythonTools {
    /// Whether `python3` can import every module of `modules`, or CI requires the tests anyway.
    public static func available(_ modules: [String]) -> Bool {
        if ProcessInfo.processInfo.environment["CFC_REQUIRE_PYTHON"] == "1" { return true }
        let imports = modules.map { "import \($0)" }.joined(separator: "; ")
        guard let result = try? Processes.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", imports]) else {
            return false
        }
        return result.status == 0
    }
}
