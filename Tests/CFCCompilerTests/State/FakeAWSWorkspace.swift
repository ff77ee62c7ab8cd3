import CFCTestSupport
import Foundation
import Testing

/// A directory for driving the `cfc` executable against the fake aws CLI (fake_aws.py): the
/// example config as `site.yaml`, `bin/aws` (the fake, with the faults asked for), and the fake's
/// database and call log under `aws/`.
struct FakeAWSWorkspace {
    static let example = TestPaths.packageRoot.appendingPathComponent("examples/legacy-forwarded-values.yaml")
    static let fake = TestPaths.packageRoot.appendingPathComponent("Tests/CFCCompilerTests/State/fake_aws.py")

    let directory: URL
    var awsPath: String { directory.appendingPathComponent("bin/aws").path }

    init() throws {
        directory = TestPaths.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: Self.example, to: directory.appendingPathComponent("site.yaml"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("aws"), withIntermediateDirectories: true)
        try setFaults([:])
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Rewrites `bin/aws` with `environment` for the fake, and starts its kill counter again.
    func setFaults(_ environment: [String: String]) throws {
        for marker in ["aws/kill-count.json", "aws/kill-fired"] {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(marker))
        }
        var script = "#!/bin/sh\nFAKE_AWS_DIR='\(directory.appendingPathComponent("aws").path)'\nexport FAKE_AWS_DIR\n"
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { script += "\(name)='\(value)'\nexport \(name)\n" }
        script += "exec python3 '\(Self.fake.path)' \"$@\"\n"
        let path = directory.appendingPathComponent("bin/aws")
        try script.write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    /// `cfc apply site.yaml --yes` (or `target`) against the fake, polling every 10 ms.
    func apply(_ extra: [String] = [], target: String = "site.yaml") throws -> ProcessResult {
        try Processes.cfc(["apply", target, "--yes", "--aws", awsPath, "--poll-interval", "0.01"] + extra, currentDirectory: directory)
    }

    /// The fake's database: `distributions` by id, `invalidations` in order.
    func database() throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("aws/db.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func distributions() throws -> [String: [String: Any]] {
        (try database()["distributions"] as? [String: [String: Any]]) ?? [:]
    }

    func invalidations() throws -> [[String: Any]] {
        (try database()["invalidations"] as? [[String: Any]]) ?? []
    }

    /// The calls made so far, as `cloudfront OPERATION`.
    func calls() throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent("aws/calls.log"), encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").prefix(2).joined(separator: " ")
        }
    }

    func state() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("cfc-state.json"), encoding: .utf8)
    }

    func edit(_ old: String, _ new: String, file: String = "site.yaml") throws {
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}
