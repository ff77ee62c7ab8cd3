import CFCTestSupport
import Foundation
import Testing

/// `cfc apply PLAN-DIR`: a plan written by `cfc plan --output` is applied exactly as reviewed
/// (its documents byte for byte), from any directory, and refused when anything it was made
/// against has changed: the live config, the state file, or one of its own documents.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct SavedPlanApplyTests {
    /// A workspace with the distribution created, then edited so that the plan is an update
    /// followed by an invalidation, planned into `plan/`.
    private func planned() throws -> FakeAWSWorkspace {
        let workspace = try FakeAWSWorkspace()
        #expect(try workspace.apply().status == 0)
        try workspace.edit("blog-origin.example.com", "blog-origin-2.example.com")
        let plan = try plan(workspace)
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        return workspace
    }

    private func plan(_ workspace: FakeAWSWorkspace) throws -> ProcessResult {
        try Processes.cfc(
            ["plan", "site.yaml", "--refresh", "--aws", workspace.awsPath, "--output", "plan"],
            currentDirectory: workspace.directory)
    }

    private func applyPlan(_ workspace: FakeAWSWorkspace, from directory: URL? = nil) throws -> ProcessResult {
        let elsewhere = directory ?? URL(fileURLWithPath: "/")
        return try Processes.cfc(
            [
                "apply", workspace.directory.appendingPathComponent("plan").path, "--yes", "--aws", workspace.awsPath,
                "--poll-interval", "0.01",
            ], currentDirectory: elsewhere)
    }

    private func file(_ workspace: FakeAWSWorkspace, _ name: String) throws -> Data {
        try Data(contentsOf: workspace.directory.appendingPathComponent("plan/" + name))
    }

    private func json(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func aReviewedPlanIsAppliedAsWrittenFromAnyDirectory() throws {
        let workspace = try planned()
        defer { workspace.remove() }
        let planJSON = try String(decoding: file(workspace, "plan.json"), as: UTF8.self)
        #expect(planJSON.contains("\"state-file\": \"../cfc-state.json\""), "\(planJSON)")
        // The commands name the documents where they are, so they work from anywhere too.
        #expect(planJSON.contains("file://\(workspace.directory.path)/plan/legacy.distribution.json"), "\(planJSON)")
        let before = try workspace.calls().count
        let applied = try applyPlan(workspace)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("distribution legacy: update"), "\(applied.stdout)")
        #expect(
            Array(try workspace.calls()[before...]).filter { $0 != "cloudfront get-distribution" } == [
                "cloudfront get-distribution-config", "cloudfront update-distribution", "cloudfront get-distribution-config",
                "cloudfront create-invalidation",
            ])
        // What CloudFront received is the reviewed documents, member for member.
        let live = try #require(try workspace.distributions().values.first?["config"] as? [String: Any])
        #expect(NSDictionary(dictionary: live) == (try json(file(workspace, "legacy.distribution.json"))))
        let batch = try #require(try workspace.invalidations().first?["batch"] as? [String: Any])
        #expect(NSDictionary(dictionary: batch) == (try json(file(workspace, "legacy.invalidation.json"))))
        let state = try workspace.state()
        #expect(!state.contains("pending-invalidation"), "\(state)")
    }

    @Test func aPlanWhoseLiveConfigMovedIsRefusedNamingTheChange() throws {
        let workspace = try planned()
        defer { workspace.remove() }
        // Someone applies another change after the review.
        try workspace.edit("blog-origin-2.example.com", "blog-origin.example.com")
        try workspace.edit("(legacy cache settings)", "(hotfix)")
        #expect(try workspace.apply().status == 0)
        let before = try workspace.calls()
        let refused = try applyPlan(workspace)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[apply.plan_stale]") && refused.stderr.contains("its live config"), "\(refused.stderr)")
        #expect(refused.stderr.contains("changed since the plan: comment"), "\(refused.stderr)")
        #expect(refused.stderr.contains("plan.json:"), "points into the plan: \(refused.stderr)")
        #expect(!(try workspace.calls()).dropFirst(before.count).contains("cloudfront update-distribution"), "nothing sent")
    }

    @Test func anEditedDocumentIsRefused() throws {
        let workspace = try planned()
        defer { workspace.remove() }
        let document = workspace.directory.appendingPathComponent("plan/legacy.distribution.json")
        let text = try String(contentsOf: document, encoding: .utf8)
        try text.replacingOccurrences(of: "blog-origin-2.example.com", with: "evil.example.com").write(
            to: document, atomically: true, encoding: .utf8)
        let refused = try applyPlan(workspace)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("[apply.plan_invalid]") && refused.stderr.contains("legacy.distribution.json is not the document"),
            "\(refused.stderr)")
        #expect(!(try workspace.calls()).contains("cloudfront update-distribution"))
    }

    /// A plan made when nothing existed is a create; once something else created the
    /// distribution (the state lists it now), applying the plan would make a second one.
    @Test func aCreatePlanIsRefusedOnceTheStateListsTheDistribution() throws {
        let workspace = try FakeAWSWorkspace()
        defer { workspace.remove() }
        #expect(try plan(workspace).status == 2)
        #expect(try workspace.apply().status == 0)
        let refused = try applyPlan(workspace)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the state file now lists it as E"), "\(refused.stderr)")
        #expect(try workspace.distributions().count == 1)
    }

    @Test func aCreatePlanCreatesAndRecordsBesideTheConfig() throws {
        let workspace = try FakeAWSWorkspace()
        defer { workspace.remove() }
        #expect(try plan(workspace).status == 2)
        let applied = try applyPlan(workspace)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let id = try #require(try workspace.distributions().keys.first)
        #expect(try workspace.state().contains("\"id\": \"\(id)\""))
        // Applying the same plan again is refused: it was made when nothing existed.
        #expect(try applyPlan(workspace).status == 1)
        #expect(try workspace.distributions().count == 1)
    }

    /// Killed after the plan's update was sent: the same plan, applied again, finds its update
    /// live and finishes with the wait and the invalidation.
    @Test func aPlanInterruptedAfterItsUpdateIsFinishedByApplyingItAgain() throws {
        let workspace = try planned()
        defer { workspace.remove() }
        try workspace.setFaults(["FAKE_AWS_KILL": "update-distribution#1@after"])
        #expect(try applyPlan(workspace).status != 0)
        try workspace.setFaults([:])
        let finished = try applyPlan(workspace)
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        #expect(finished.stdout.contains("already as configured"), "\(finished.stdout)")
        #expect(try workspace.invalidations().count == 1)
        #expect(!(try workspace.state()).contains("pending-invalidation"))
    }
}
