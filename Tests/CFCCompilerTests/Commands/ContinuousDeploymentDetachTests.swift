import CFCTestSupport
import Foundation
import Testing

/// Removing `continuous-deployment-policy-id` from a distribution that has a policy attached
/// must detach it: CloudFront takes an absent ContinuousDeploymentPolicyId as "no change", so
/// the update document carries an explicit empty one.
@Suite struct ContinuousDeploymentDetachTests {
    static let live = TestPaths.packageRoot.appendingPathComponent(
        "Tests/CFCImportTests/RealConfigs/awscli-get-distribution-config-output.json")

    private func planDocument(livePolicy: String?, written: String?) throws -> (plan: ProcessResult, document: [String: Any]) {
        let scratch = TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.live)) as? [String: Any])
        var config = try #require(object["DistributionConfig"] as? [String: Any])
        config["ContinuousDeploymentPolicyId"] = livePolicy
        object["DistributionConfig"] = config
        let previous = scratch.appendingPathComponent("live.json")
        try JSONSerialization.data(withJSONObject: object).write(to: previous)
        let yaml = scratch.appendingPathComponent("site.yaml")
        #expect(try Processes.cfc(["import", Self.live.path, "--name", "site", "--output", yaml.path]).status == 0)
        if let written {
            let text = try String(contentsOf: yaml, encoding: .utf8)
                .replacingOccurrences(
                    of: "distributions:\n  site:\n", with: "distributions:\n  site:\n    continuous-deployment-policy-id: \(written)\n")
            try text.write(to: yaml, atomically: true, encoding: .utf8)
        }
        let output = scratch.appendingPathComponent("out")
        let plan = try Processes.cfc(["plan", "--previous", previous.path, yaml.path, "--output", output.path])
        let data = try Data(contentsOf: output.appendingPathComponent("site.distribution.json"))
        return (plan, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    @Test func removingThePolicySendsAnEmptyIDThatDetachesIt() throws {
        let (plan, document) = try planDocument(livePolicy: "cdp-0123456789", written: nil)
        #expect(plan.status == 2, "2: changes planned. \(plan.stderr)")
        #expect(plan.stdout.contains("continuous-deployment-policy-id: removed (was cdp-0123456789)"), "\(plan.stdout)")
        #expect(document["ContinuousDeploymentPolicyId"] as? String == "")
    }

    @Test func keepingThePolicySendsIt() throws {
        let (plan, document) = try planDocument(livePolicy: "cdp-0123456789", written: "cdp-0123456789")
        #expect(plan.status == 0 && plan.stdout.contains("unchanged"), "\(plan.stdout)")
        #expect(document["ContinuousDeploymentPolicyId"] as? String == "cdp-0123456789")
    }

    @Test func noPolicyOnEitherSideSendsNone() throws {
        let (_, document) = try planDocument(livePolicy: nil, written: nil)
        #expect(document["ContinuousDeploymentPolicyId"] == nil)
    }
}
