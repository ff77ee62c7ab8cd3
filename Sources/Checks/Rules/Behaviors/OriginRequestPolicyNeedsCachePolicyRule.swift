import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin request policy on a behavior without a cache policy.
struct OriginRequestPolicyNeedsCachePolicyRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.origin_request_policy_without_cache_policy", name: "Origin Request Policy Without Cache Policy",
        category: .behaviors, severity: .error,
        summary: "A behavior has an origin request policy but no cache policy.",
        fix: "Add a cache-policy-id to the behavior (and move legacy forwarded-values settings into the policies).",
        rationale: """
            "To use an origin request policy, you must attach a cache policy to the same cache \
            behavior. You cannot use an origin request policy in a cache behavior without a cache \
            policy." A behavior with legacy forwarded values and an origin request policy is refused.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-how-origin-request-policies-and-cache-policies-work-together.html"
        ],
        passingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  origin-request-policy-id: 216adef6-5c7f-47e4-b989-5492eafa07d3
                """)
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: true}
                  origin-request-policy-id: ↓216adef6-5c7f-47e4-b989-5492eafa07d3
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for routed in context.routing.behaviors where routed.behavior.originRequestPolicyId != nil && routed.behavior.cachePolicyId == nil {
            context.report(
                "\(context.describe(routed)) has an origin request policy but no cache policy",
                at: context.policyPath("origin-request-policy", of: routed),
                hint: "add cache-policy-id; an origin request policy works only beside a cache policy")
        }
    }
}
