import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// `cfc drift` against a fake `aws` on PATH that answers get-distribution-config from files:
/// no drift, drift, a distribution not in the state, a stale state, and an aws failure.
@Suite struct DriftTests {
    static let live = TestPaths.packageRoot.appendingPathComponent(
        "Tests/CFCImportTests/RealConfigs/awscli-get-distribution-config-output.json")

    /// A directory with `cli.yaml` imported as EDFDVBD6EXAMPLE, and a fake aws CLI that prints
    /// `live/ID.json` for `cloudfront get-distribution-config --id ID` (and fails, as the real
    /// one does, for an id it has no file for).
    private func workspace() throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        #expect(
            try Processes.cfc(
                ["import", Self.live.path, "--name", "cli", "--output", "cli.yaml", "--id", "EDFDVBD6EXAMPLE"],
                currentDirectory: directory
            ).status == 0)
        let liveDirectory = directory.appendingPathComponent("live")
        try FileManager.default.createDirectory(at: liveDirectory, withIntermediateDirectories: true)
        try Data(contentsOf: Self.live).write(to: liveDirectory.appendingPathComponent("EDFDVBD6EXAMPLE.json"))
        let script = """
            #!/bin/sh
            # A fake aws CLI: get-distribution-config --id ID prints live/ID.json.
            [ "$1 $2 $3" = "cloudfront get-distribution-config --id" ] || { echo "unexpected: $*" >&2; exit 2; }
            file="\(liveDirectory.path)/$4.json"
            [ -f "$file" ] || { echo "An error occurred (NoSuchDistribution) when calling the GetDistributionConfig operation: The specified distribution does not exist." >&2; exit 254; }
            [ -f "\(directory.path)/fail" ] && { echo "An error occurred (AccessDenied): not allowed" >&2; exit 255; }
            cat "$file"

            """
        let aws = directory.appendingPathComponent("bin/aws")
        try FileManager.default.createDirectory(at: aws.deletingLastPathComponent(), withIntermediateDirectories: true)
        try script.write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        return directory
    }

    private func drift(_ directory: URL, _ extra: [String] = []) throws -> ProcessResult {
        try Processes.cfc(
            ["drift", "cli.yaml", "--aws", directory.appendingPathComponent("bin/aws").path] + extra, currentDirectory: directory)
    }

    @Test func noDriftWhenTheLiveConfigIsTheCompiledOne() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try drift(directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "distribution cli (EDFDVBD6EXAMPLE): no drift\n")
    }

    @Test func aChangeBehindCfcsBackIsDrift() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("live/EDFDVBD6EXAMPLE.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var config = try #require(object["DistributionConfig"] as? [String: Any])
        config["Comment"] = "edited in the console"
        object["DistributionConfig"] = config
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let result = try drift(directory)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("distribution cli (EDFDVBD6EXAMPLE): drifted"), "\(result.stdout)")
        #expect(result.stdout.contains("comment: edited in the console → "), "\(result.stdout)")
        let json = try drift(directory, ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["drifted"] as? Bool == true)
        let markdown = try drift(directory, ["--format", "markdown"])
        #expect(markdown.status == 2 && markdown.stdout.contains("| cli | <code>EDFDVBD6EXAMPLE</code> | drifted |"), "\(markdown.stdout)")
    }

    @Test func aDistributionNotInTheStateIsReported() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("cfc-state.json"))
        let result = try drift(directory)
        #expect(result.status == 2)
        #expect(result.stdout.contains("distribution cli: not in the state file"), "\(result.stdout)")
    }

    @Test func aStaleStateAndAnAWSFailureAreErrors() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("live/EDFDVBD6EXAMPLE.json"))
        let stale = try drift(directory)
        #expect(stale.status == 1 && stale.stdout.isEmpty)
        #expect(stale.stderr.contains("[aws.no_such_distribution]"), "\(stale.stderr)")
        #expect(stale.stderr.hasPrefix("cli.yaml:"), "at the distribution's name: \(stale.stderr)")
        try Data(contentsOf: Self.live).write(to: directory.appendingPathComponent("live/EDFDVBD6EXAMPLE.json"))
        try Data().write(to: directory.appendingPathComponent("fail"))
        let denied = try drift(directory)
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("[aws.failed]") && denied.stderr.contains("AccessDenied"), "\(denied.stderr)")
        let missing = try Processes.cfc(["drift", "cli.yaml", "--aws", "/nonexistent/aws"], currentDirectory: directory)
        #expect(missing.status == 1 && missing.stderr.contains("[aws.not_found]"), "\(missing.stderr)")
    }

    /// `cfc plan --refresh` reads the live config and ETag the same way, for the distributions
    /// the state lists, so the plan's update carries the real id and If-Match.
    @Test func planRefreshReadsTheLiveConfig() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = directory.appendingPathComponent("cli.yaml")
        try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(
            of: "distributions:\n  cli:\n", with: "distributions:\n  cli:\n    comment: refreshed\n"
        )
        .write(to: yaml, atomically: true, encoding: .utf8)
        let plan = try Processes.cfc(
            ["plan", "cli.yaml", "--refresh", "--aws", directory.appendingPathComponent("bin/aws").path],
            currentDirectory: directory)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("update-distribution --id EDFDVBD6EXAMPLE --if-match E2QWRUHEXAMPLE"), "\(plan.stdout)")
        #expect(plan.stdout.contains("comment: "), "\(plan.stdout)")
        let both = try Processes.cfc(["plan", "cli.yaml", "--refresh", "--previous", Self.live.path], currentDirectory: directory)
        #expect(both.status == 1 && both.stderr.contains("not both"), "\(both.stderr)")
    }
}
