import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags continuous deployment on a distribution that supports HTTP/3.
struct ContinuousDeploymentHTTP3Rule: Rule {
    static let description = RuleDescription(
        id: "config.continuous_deployment_http3", name: "Continuous Deployment With HTTP/3", category: .config,
        severity: .error,
        summary: "A distribution with a continuous deployment policy, or a staging distribution, supports HTTP/3.",
        fix: "Use http-version http2 (or http1.1) on distributions that take part in continuous deployment.",
        rationale: "\"You cannot use continuous deployment with a distribution that supports HTTP/3.\"",
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html"],
        passingExamples: [
            RuleExample.with(
                """
                continuous-deployment-policy-id: 0a1b2c3d-1111-2222-3333-444455556666
                http-version: http2
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                continuous-deployment-policy-id: 0a1b2c3d-1111-2222-3333-444455556666
                http-version: ↓http2and3
                """),
            RuleExample.with(
                """
                staging: true
                http-version: ↓http3
                """),
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let config = context.config
        let deploys = !(config.continuousDeploymentPolicyId ?? "").isEmpty || config.staging == true
        guard deploys, config.httpVersion == .http3 || config.httpVersion == .http2and3 else { return }
        context.report(
            "continuous deployment cannot be used with HTTP/3 (http-version \(config.httpVersion.rawValue))",
            at: context.distribution.path.appending("http-version"), hint: "use http2")
    }
}
