import APIDocument
import CFCCompiler
import CFCDiagnostics
import CFCTestSupport
import DistributionIR
import Foundation
import Testing

/// Continuous deployment policies declared beside the distributions: the limits AWS documents
/// for them (botocore's doc strings: weight 0 to 0.15, stickiness 300–3600 s with idle at most
/// maximum, a header starting aws-cf-cd-), and a primary distribution naming one.
@Suite struct ContinuousDeploymentLanguageTests {
    static func site(
        policy: String = "type: SingleWeight\n      single-weight-config: {weight: 0.1}",
        primary: String = "continuous-deployment-policy: canary"
    ) -> String {
        """
        version: 1
        distributions:
          www:
            \(primary)
            origins:
              app: {domain-name: app.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            default-cache-behavior: {target-origin-id: app, viewer-protocol-policy: https-only, cache-policy: CachingOptimized}
        continuous-deployment-policies:
          canary:
            staging-distribution-dns-names: [d111111abcdef8.cloudfront.net]
            traffic-config:
              \(policy)

        """
    }

    @Test func thePrimaryNamesItsPolicy() throws {
        let id = "6f9a0d2c-2a1b-4c3d-9e8f-0123456789ab"
        var options = CompileOptions()
        options.companionIDs = CompanionIDs([.continuousDeploymentPolicy: ["canary": id]])
        let result = Pipeline().compile(source: SourceFile(path: "site.yaml", bytes: Array(Self.site().utf8)), options: options)
        #expect(result.diagnostics.filter { $0.severity != .note }.isEmpty, "\(TestCompiler.renderedDiagnostics(result))")
        let distribution = try #require(result.documents.first { $0.logicalPath == "www.distribution.json" })
        #expect(String(decoding: distribution.bytes, as: UTF8.self).contains("\"ContinuousDeploymentPolicyId\": \"\(id)\""))
        let policy = try #require(result.documents.first { $0.logicalPath == "canary.continuous-deployment-policy.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(policy.bytes)) as? [String: Any])
        #expect(json["Name"] == nil, "CloudFront gives these policies no name")
        #expect(((json["TrafficConfig"] as? [String: Any])?["SingleWeightConfig"] as? [String: Any])?["Weight"] as? Double == 0.1)
    }

    @Test(arguments: [
        ("type: SingleWeight\n      single-weight-config: {weight: 0.2}", "schema.range", "0.2"),
        (
            "type: SingleWeight\n      single-weight-config: {weight: 0.1, session-stickiness-config: {idle-ttl: 900, maximum-ttl: 600}}",
            "schema.range", "idle-ttl 900 is longer than maximum-ttl 600"
        ),
        (
            "type: SingleWeight\n      single-weight-config: {weight: 0.1, session-stickiness-config: {idle-ttl: 60, maximum-ttl: 600}}",
            "schema.range", "60"
        ),
        (
            "type: SingleHeader\n      single-header-config: {header: x-staging, value: 'yes'}", "schema.staging_header",
            "header 'x-staging' does not start with aws-cf-cd-"
        ),
        ("type: SingleHeader\n      single-weight-config: {weight: 0.1}", "schema.missing_key", "single-header-config"),
    ])
    func aPolicyCloudFrontWouldRefuseIsAnError(_ policy: String, _ id: String, _ summary: String) throws {
        let result = TestCompiler.compile(Self.site(policy: policy))
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.id == DiagnosticID(id), "\(error.summary)")
        #expect(error.summary.contains(summary), "\(error.summary)")
        #expect(result.documents.isEmpty)
    }

    @Test func thePolicyIsGivenOnce() throws {
        let result = TestCompiler.compile(
            Self.site(
                primary: "continuous-deployment-policy: canary\n    continuous-deployment-policy-id: 6f9a0d2c-2a1b-4c3d-9e8f-0123456789ab"))
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(TestCompiler.renderedDiagnostics(result))")
        #expect(error.id == "schema.policy_keys")
    }
}
