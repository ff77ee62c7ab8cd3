import CFCCompiler
import CFCSupport
import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` against a fake aws CLI (State/fake_aws.py) that enforces If-Match, changes ETags,
/// keeps caller references idempotent, deploys after a poll, refuses an invalidation before the
/// deployment, and injects faults: PreconditionFailed, throttling, a hung call, and a CLI that
/// dies after the create took effect.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct ApplyTests {
    private func workspace() throws -> FakeAWSWorkspace { try FakeAWSWorkspace() }

    @Test func createThenUpdateThenInvalidateAfterTheDeployment() throws {
        let w = try workspace()
        defer { w.remove() }
        let created = try w.apply()
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let state = try String(contentsOf: w.directory.appendingPathComponent("cfc-state.json"), encoding: .utf8)
        #expect(state.contains("\"legacy\"") && state.contains("\"config-sha256\""), "\(state)")
        let nothing = try w.apply()
        #expect(nothing.status == 0 && nothing.stdout.contains("nothing to do"), "\(nothing.stdout)")
        // The origin moves: an update, then (after Deployed) an invalidation.
        try w.edit("blog-origin.example.com", "blog-origin-2.example.com")
        let updated = try w.apply()
        #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
        let log = try w.calls()
        let update = try #require(log.lastIndex(of: "cloudfront update-distribution"))
        let invalidation = try #require(log.lastIndex(of: "cloudfront create-invalidation"))
        let deployedCheck = try #require(log.lastIndex(of: "cloudfront get-distribution"))
        #expect(update < deployedCheck && deployedCheck < invalidation, "\(log)")
        #expect((try w.database()["invalidations"] as? [Any])?.count == 1)
    }

    @Test func preconditionFailedIsReportedNotRetried() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        let before = try Data(contentsOf: w.directory.appendingPathComponent("cfc-state.json"))
        try w.edit("(legacy cache settings)", "(edited)")
        try w.setFaults(["FAKE_AWS_FAIL": "update-distribution=PreconditionFailed"])
        let result = try w.apply()
        #expect(result.status == 1)
        #expect(result.stderr.contains("changed by someone else") && result.stderr.contains("[apply.failed]"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("site.yaml:9:3: error:"), "at the distribution's name: \(result.stderr)")
        #expect(try w.calls().filter { $0 == "cloudfront update-distribution" }.count == 1, "never retried blindly")
        #expect(try Data(contentsOf: w.directory.appendingPathComponent("cfc-state.json")) == before)
    }

    @Test func aHungOrThrottledCallStopsTheRunWithItsReason() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.setFaults(["FAKE_AWS_HANG": "get-distribution-config"])
        let hung = try w.apply(["--aws-timeout", "1"])
        #expect(hung.status == 1)
        #expect(hung.stderr.contains("did not finish in time"), "\(hung.stderr)")
        try w.setFaults(["FAKE_AWS_FAIL": "get-distribution-config=Throttling"])
        let throttled = try w.apply()
        #expect(throttled.status == 1 && throttled.stderr.contains("Throttling"), "\(throttled.stderr)")
    }

    /// The CLI dies after the create took effect and before cfc could record it: the next run
    /// finds the distribution by its caller reference, and there is still one distribution.
    @Test func aCreateThatWasNotRecordedIsFoundAgain() throws {
        let w = try workspace()
        defer { w.remove() }
        try w.setFaults(["FAKE_AWS_DIE_AFTER": "create-distribution"])
        let interrupted = try w.apply()
        #expect(interrupted.status == 1)
        #expect(!FileManager.default.fileExists(atPath: w.directory.appendingPathComponent("cfc-state.json").path))
        try w.setFaults([:])
        // The config changed meanwhile, so the create is refused as DistributionAlreadyExists.
        try w.edit("(legacy cache settings)", "(second run)")
        let resumed = try w.apply()
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("created by an earlier run"), "\(resumed.stdout)")
        let distributions = try #require(try w.database()["distributions"] as? [String: Any])
        #expect(distributions.count == 1)
        let live = try #require((distributions.values.first as? [String: Any])?["config"] as? [String: Any])
        #expect(live["Comment"] as? String == "blog.example.com (second run)")
    }

    @Test func withoutConsentNothingHappens() throws {
        let w = try workspace()
        defer { w.remove() }
        let result = try Processes.cfc(
            ["apply", "site.yaml", "--aws", w.directory.appendingPathComponent("bin/aws").path],
            currentDirectory: w.directory)
        #expect(result.status == 1 && result.stderr.contains("[apply.needs_confirmation]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.directory.appendingPathComponent("aws/db.json").path))
    }

    /// A distribution dropped from the configs is only reported, unless --allow-delete: then it
    /// is disabled, waited for, and deleted with the ETag after the deployment.
    @Test func deletionOnlyWhenAllowed() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("\n  legacy:\n", "\n  blog:\n")
        let kept = try w.apply()
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(
            kept.stdout.contains("distribution legacy (") && kept.stdout.contains("not deleted (--allow-delete deletes it)"),
            "\(kept.stdout)")
        #expect((try w.database()["distributions"] as? [String: Any])?.count == 2)
        let deleted = try w.apply(["--allow-delete"])
        #expect(deleted.status == 0, "\(deleted.stdout)\(deleted.stderr)")
        #expect(deleted.stdout.contains("legacy: disabling") && deleted.stdout.contains("legacy: deleted"), "\(deleted.stdout)")
        #expect((try w.database()["distributions"] as? [String: Any])?.count == 1)
        let state = try String(contentsOf: w.directory.appendingPathComponent("cfc-state.json"), encoding: .utf8)
        #expect(!state.contains("\"legacy\"") && state.contains("\"blog\""), "\(state)")
    }

    /// --no-wait cannot invalidate (the old config may still be live), so the invalidation
    /// stays owed in the state file, and the next run makes it once the distribution is deployed.
    @Test func noWaitLeavesTheInvalidationOwedToTheNextRun() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("blog-origin.example.com", "blog-origin-2.example.com")
        let quick = try w.apply(["--no-wait"])
        #expect(quick.status == 0, "\(quick.stdout)\(quick.stderr)")
        #expect(quick.stdout.contains("recorded as owed"), "\(quick.stdout)")
        #expect(try w.invalidations().isEmpty)
        #expect(try w.state().contains("\"pending-invalidation\""))
        // cfc plan shows what is owed, with its reason.
        let plan = try Processes.cfc(["plan", "site.yaml", "--refresh", "--aws", w.awsPath], currentDirectory: w.directory)
        #expect(plan.status == 2 && plan.stdout.contains("owed by an earlier cfc apply"), "\(plan.stdout)\(plan.stderr)")
        let next = try w.apply()
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        #expect(next.stdout.contains("invalidating 1 path"), "\(next.stdout)")
        #expect(try w.invalidations().count == 1)
        #expect(!(try w.state()).contains("pending-invalidation"))
    }

    @Test func waitInvalidationsWaitsUntilCompleted() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("blog-origin.example.com", "blog-origin-2.example.com")
        try w.setFaults(["FAKE_AWS_POLLS": "3"])
        let result = try w.apply(["--wait-invalidations"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("InProgress, waiting") && result.stdout.contains(" completed after ")
                || result.stdout.contains(" completed\n"), "\(result.stdout)")
        let calls = try w.calls()
        #expect(calls.filter { $0 == "cloudfront get-invalidation" }.count == 3, "\(calls)")
    }

    /// On a terminal, a wait is one status line rewritten in place with the elapsed time; in a
    /// log, plain lines. (`script` gives cfc a terminal.)
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func aTerminalShowsOneLiveStatusLine() throws {
        let w = try workspace()
        defer { w.remove() }
        try w.setFaults(["FAKE_AWS_POLLS": "3"])
        let command = ShellQuoting.commandLine([
            TestPaths.cfcExecutable.path, "apply", "site.yaml", "--yes", "--aws", w.awsPath, "--poll-interval", "1.2",
        ])
        let terminal = try Processes.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], currentDirectory: w.directory)
        #expect(terminal.status == 0, "\(terminal.stdout)")
        // Rewritten at each poll and each second between: the timings themselves are the machine's.
        let statusLines = terminal.stdout.components(separatedBy: "\r\u{1B}[2Klegacy: E").dropFirst()
        #expect(
            statusLines.filter { $0.contains(" InProgress, ") && $0.contains("s elapsed") }.count >= 2,
            "\(terminal.stdout.debugDescription)")
        #expect(
            terminal.stdout.contains("\r\u{1B}[2Klegacy: deployed after "),
            "the status line gives way to the result: \(terminal.stdout.debugDescription)")
        #expect(!terminal.stdout.contains("waiting ("), "no plain progress lines on a terminal")
        try w.edit("blog-origin.example.com", "blog-origin-2.example.com")
        let plain = try w.apply()
        #expect(plain.stdout.contains("InProgress, waiting (0s so far)") && !plain.stdout.contains("\u{1B}"), "\(plain.stdout)")
    }

    /// Deleting is said in red where colours are on, and only there.
    @Test func deletionIsRedWhereColoursAreOn() throws {
        let w = try workspace()
        defer { w.remove() }
        #expect(try w.apply().status == 0)
        try w.edit("\n  legacy:\n", "\n  blog:\n")
        let coloured = try w.apply(["--allow-delete", "--color", "always"])
        #expect(coloured.status == 0, "\(coloured.stderr)")
        #expect(
            coloured.stdout.contains("\u{1B}[31mdistribution legacy (") && coloured.stdout.contains("\u{1B}[31mlegacy: deleting"),
            "\(coloured.stdout.debugDescription)")
        #expect(!coloured.stdout.contains("\u{1B}[31mblog"), "only deletions are red")
    }
}
