import CFCTestSupport
import Foundation
import Testing

/// `kill -9` of `cfc apply` at each of its steps (the fake aws kills its parent before a call
/// takes effect, or after it took effect and before cfc hears of it), then a plain second run:
/// it must converge. One distribution per name, the live config as configured, the invalidation
/// made exactly once (its caller reference is kept while it is owed) and only after the
/// deployment, nothing owed left in the state file, and a third run with nothing to do.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct ApplyInterruptionTests {
    /// The aws calls of a create, in the order cfc makes them.
    static let createSteps = ["create-distribution#1", "get-distribution-config#1", "get-distribution#1", "get-distribution#2"]
    /// The aws calls of an update that is followed by an invalidation.
    static let updateSteps = [
        "get-distribution-config#1", "update-distribution#1", "get-distribution-config#2", "get-distribution#1",
        "get-distribution#2", "create-invalidation#1",
    ]
    /// A distribution is InProgress for one poll, so the wait is a step of its own.
    static let polls = ["FAKE_AWS_POLLS": "2"]

    private func killed(_ workspace: FakeAWSWorkspace, at step: String, _ moment: String) throws {
        try workspace.setFaults(Self.polls.merging(["FAKE_AWS_KILL": "\(step)@\(moment)"]) { $1 })
        let run = try workspace.apply()
        #expect(run.status != 0, "the run was to be killed at \(step)@\(moment): \(run.stdout)")
        let calls = try workspace.calls()
        #expect(
            FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent("aws/kill-fired").path),
            "the kill at \(step)@\(moment) never fired: \(calls)")
        try workspace.setFaults(Self.polls)
    }

    private func expectConverged(_ workspace: FakeAWSWorkspace, comment: String, invalidations: Int, _ step: String) throws {
        let resumed = try workspace.apply()
        #expect(resumed.status == 0, "after a kill at \(step): \(resumed.stdout)\(resumed.stderr)")
        let distributions = try workspace.distributions()
        #expect(distributions.count == 1, "after a kill at \(step): \(distributions.keys)")
        let config = try #require(distributions.values.first?["config"] as? [String: Any])
        #expect(config["Comment"] as? String == comment, "after a kill at \(step)")
        let made = try workspace.invalidations()
        #expect(made.count == invalidations, "after a kill at \(step): \(made)")
        let state = try workspace.state()
        #expect(!state.contains("pending-invalidation"), "after a kill at \(step): \(state)")
        let again = try workspace.apply()
        #expect(again.status == 0 && again.stdout.contains("nothing to do"), "after a kill at \(step): \(again.stdout)\(again.stderr)")
    }

    @Test(arguments: createSteps, ["before", "after"])
    func killedWhileCreating(_ step: String, _ moment: String) throws {
        let workspace = try FakeAWSWorkspace()
        defer { workspace.remove() }
        try killed(workspace, at: step, moment)
        try expectConverged(workspace, comment: "blog.example.com (legacy cache settings)", invalidations: 0, "\(step)@\(moment)")
    }

    @Test(arguments: updateSteps, ["before", "after"])
    func killedWhileUpdating(_ step: String, _ moment: String) throws {
        let workspace = try FakeAWSWorkspace()
        defer { workspace.remove() }
        try workspace.setFaults(Self.polls)
        #expect(try workspace.apply().status == 0)
        // The origin moves and the comment changes: an update, then an invalidation.
        try workspace.edit("blog-origin.example.com", "blog-origin-2.example.com")
        try workspace.edit("(legacy cache settings)", "(moved)")
        try killed(workspace, at: step, moment)
        try expectConverged(workspace, comment: "blog.example.com (moved)", invalidations: 1, "\(step)@\(moment)")
        let batch = try #require(try workspace.invalidations().first?["batch"] as? [String: Any])
        let paths = try #require((batch["Paths"] as? [String: Any])?["Items"] as? [String])
        #expect(!paths.isEmpty)
    }
}
