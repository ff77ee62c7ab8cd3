import Foundation
import Synchronization

/// Where things are, for tests: the package root, the examples, the built `cfc`.
public enum TestPaths {
    /// The package's root directory (the one holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("the test support file is not inside the package")
    }()

    /// `examples/`.
    public static var examples: URL { packageRoot.appendingPathComponent("examples") }

    /// Every `examples/*.yaml`, sorted by name.
    public static var exampleFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { examples.appendingPathComponent($0) }
    }

    /// The `cfc` executable built beside the test bundle.
    public static var cfcExecutable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("cfc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/cfc")
    }

    /// A new empty temporary directory, inside one directory per test process that is removed
    /// when the process exits (test runs used to leave every scratch directory behind).
    public static func makeTemporaryDirectory() -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The process's scratch directory, removed at exit.
    public static let scratchRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfc-tests-\(getpid())-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratchRootPath.withLock { $0 = url.path }
        atexit {
            if let path = scratchRootPath.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        return url
    }()
}

/// The scratch root's path for the exit handler, which cannot capture anything.
private let scratchRootPath = Mutex<String?>(nil)
