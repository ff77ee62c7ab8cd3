import CFCCompiler
import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` against a fake aws CLI (State/fake_aws.py) that enforces If-Match, changes ETags,
/// keeps caller references idempotent, deploys after a poll, refuses an invalidation before the
/// deployment, and injects faults: PreconditionFailed, throttling, a hung call, and a CLI that
/// dies after the create took effect.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct ApplyTests {
    static let example = TestPaths.packageRoot.appendingPathComponent("examples/legacy-forwarded-values.yaml")
    static let fake = TestPaths.packageRoot.appendingPathComponent("Tests/CFCCompilerTests/State/fake_aws.py")

    /// A directory with `site.yaml` and `bin/aws`, the fake with `environment` set.
    private func workspace() throws -> URL {
        let directory = TestPaths.makeTemporaryDirectory()
        try FileManager.default.copyItem(at: Self.example, to: directory.appendingPathComponent("site.yaml"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("aws"), withIntermediateDirectories: true)
        try setFaults([:], in: directory)
        return directory
    }

    private func setFaults(_ environment: [String: String], in directory: URL) throws {
        var script = "#!/bin/sh\nFAKE_AWS_DIR='\(directory.appendingPathComponent("aws").path)'\nexport FAKE_AWS_DIR\n"
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { script += "\(name)='\(value)'\nexport \(name)\n" }
        script += "exec python3 '\(Self.fake.path)' \"$@\"\n"
        let path = directory.appendingPathComponent("bin/aws")
        try script.write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    private func apply(_ directory: URL, _ extra: [String] = []) throws -> ProcessResult {
        try Processes.cfc(["apply", "site.yaml", "--yes", "--aws", directory.appendingPathComponent("bin/aws").path,
                           "--poll-interval", "0.01"] + extra, currentDirectory: directory)
    }

    private func database(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("aws/db.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func calls(_ directory: URL) throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent("aws/calls.log"), encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").prefix(2).joined(separator: " ")
        }
    }

    private func edit(_ directory: URL, _ old: String, _ new: String) throws {
        let url = directory.appendingPathComponent("site.yaml")
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func createThenUpdateThenInvalidateAfterTheDeployment() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try apply(directory)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let state = try String(contentsOf: directory.appendingPathComponent("cfc-state.json"), encoding: .utf8)
        #expect(state.contains("\"legacy\"") && state.contains("\"config-sha256\""), "\(state)")
        let nothing = try apply(directory)
        #expect(nothing.status == 0 && nothing.stdout.contains("nothing to do"), "\(nothing.stdout)")
        // The origin moves: an update, then (after Deployed) an invalidation.
        try edit(directory, "blog-origin.example.com", "blog-origin-2.example.com")
        let updated = try apply(directory)
        #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
        let log = try calls(directory)
        let update = try #require(log.lastIndex(of: "cloudfront update-distribution"))
        let invalidation = try #require(log.lastIndex(of: "cloudfront create-invalidation"))
        let deployedCheck = try #require(log.lastIndex(of: "cloudfront get-distribution"))
        #expect(update < deployedCheck && deployedCheck < invalidation, "\(log)")
        #expect((try database(directory)["invalidations"] as? [Any])?.count == 1)
    }

    @Test func preconditionFailedIsReportedNotRetried() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try apply(directory).status == 0)
        let before = try Data(contentsOf: directory.appendingPathComponent("cfc-state.json"))
        try edit(directory, "(legacy cache settings)", "(edited)")
        try setFaults(["FAKE_AWS_FAIL": "update-distribution=PreconditionFailed"], in: directory)
        let result = try apply(directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("changed by someone else") && result.stderr.contains("[apply.failed]"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("site.yaml:9:3: error:"), "at the distribution's name: \(result.stderr)")
        #expect(try calls(directory).filter { $0 == "cloudfront update-distribution" }.count == 1, "never retried blindly")
        #expect(try Data(contentsOf: directory.appendingPathComponent("cfc-state.json")) == before)
    }

    @Test func aHungOrThrottledCallStopsTheRunWithItsReason() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try apply(directory).status == 0)
        try setFaults(["FAKE_AWS_HANG": "get-distribution-config"], in: directory)
        let hung = try apply(directory, ["--aws-timeout", "1"])
        #expect(hung.status == 1)
        #expect(hung.stderr.contains("did not finish in time"), "\(hung.stderr)")
        try setFaults(["FAKE_AWS_FAIL": "get-distribution-config=Throttling"], in: directory)
        let throttled = try apply(directory)
        #expect(throttled.status == 1 && throttled.stderr.contains("Throttling"), "\(throttled.stderr)")
    }

    /// The CLI dies after the create took effect and before cfc could record it: the next run
    /// finds the distribution by its caller reference, and there is still one distribution.
    @Test func aCreateThatWasNotRecordedIsFoundAgain() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try setFaults(["FAKE_AWS_DIE_AFTER": "create-distribution"], in: directory)
        let interrupted = try apply(directory)
        #expect(interrupted.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("cfc-state.json").path))
        try setFaults([:], in: directory)
        // The config changed meanwhile, so the create is refused as DistributionAlreadyExists.
        try edit(directory, "(legacy cache settings)", "(second run)")
        let resumed = try apply(directory)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("created by an earlier run"), "\(resumed.stdout)")
        let distributions = try #require(try database(directory)["distributions"] as? [String: Any])
        #expect(distributions.count == 1)
        let live = try #require((distributions.values.first as? [String: Any])?["config"] as? [String: Any])
        #expect(live["Comment"] as? String == "blog.example.com (second run)")
    }

    @Test func withoutConsentNothingHappens() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Processes.cfc(["apply", "site.yaml", "--aws", directory.appendingPathComponent("bin/aws").path],
                                       currentDirectory: directory)
        #expect(result.status == 1 && result.stderr.contains("[apply.needs_confirmation]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("aws/db.json").path))
    }

    /// A distribution dropped from the configs is only reported, unless --allow-delete: then it
    /// is disabled, waited for, and deleted with the ETag after the deployment.
    @Test func deletionOnlyWhenAllowed() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try apply(directory).status == 0)
        try edit(directory, "\n  legacy:\n", "\n  blog:\n")
        let kept = try apply(directory)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("distribution legacy (") && kept.stdout.contains("not deleted (--allow-delete deletes it)"), "\(kept.stdout)")
        #expect((try database(directory)["distributions"] as? [String: Any])?.count == 2)
        let deleted = try apply(directory, ["--allow-delete"])
        #expect(deleted.status == 0, "\(deleted.stdout)\(deleted.stderr)")
        #expect(deleted.stdout.contains("legacy: disabling") && deleted.stdout.contains("legacy: deleted"), "\(deleted.stdout)")
        #expect((try database(directory)["distributions"] as? [String: Any])?.count == 1)
        let state = try String(contentsOf: directory.appendingPathComponent("cfc-state.json"), encoding: .utf8)
        #expect(!state.contains("\"legacy\"") && state.contains("\"blog\""), "\(state)")
    }
}
