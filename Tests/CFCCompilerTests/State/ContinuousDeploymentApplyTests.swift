import CFCTestSupport
import Foundation
import Testing

/// `cfc apply` with a continuous deployment policy, against the fake aws CLI: made before the
/// primary distribution that names its id; CloudFront gives it no name, so one an interrupted
/// run made is found by its staging distribution instead.
@Suite(.enabled(if: PythonTools.available(["json"]), "needs python3"))
struct ContinuousDeploymentApplyTests {
    static let site = """
        version: 1
        distributions:
          www:
            comment: primary
            continuous-deployment-policy: canary
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
              cache-policy: CachingOptimized
        continuous-deployment-policies:
          canary:
            staging-distribution-dns-names: [d111111abcdef8.cloudfront.net]
            traffic-config:
              type: SingleWeight
              single-weight-config: {weight: 0.05}

        """

    private func workspace() throws -> FakeAWSWorkspace {
        let w = try FakeAWSWorkspace()
        try Self.site.write(to: w.directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        return w
    }

    private func policies(_ w: FakeAWSWorkspace) throws -> [String: [String: Any]] {
        (try w.database()["continuous-deployment-policy"] as? [String: [String: Any]]) ?? [:]
    }

    @Test func thePolicyIsMadeFirstAndFoundAgainByItsStagingDistribution() throws {
        let w = try workspace()
        defer { w.remove() }
        try w.setFaults(["FAKE_AWS_KILL": "create-continuous-deployment-policy#1@after"])
        #expect(try w.apply().status != 0)
        #expect(try policies(w).count == 1, "made, not recorded")
        try w.setFaults([:])
        let resumed = try w.apply()
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("made by an earlier run"), "\(resumed.stdout)")
        let id = try #require(try policies(w).keys.first)
        #expect(try policies(w).count == 1, "not made twice")
        let config = try #require(try w.distributions().values.first?["config"] as? [String: Any])
        #expect(config["ContinuousDeploymentPolicyId"] as? String == id)
        #expect(try w.apply().stdout.contains("nothing to do"))
    }
}
