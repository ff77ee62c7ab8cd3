import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a `…-policy-id` that no CloudFront policy can have: not an id of AWS's managed policies
/// and not of the form CloudFront gives every policy (a UUID). Such a value is
/// usually a policy's name written where its id belongs, which botocore's validation accepts
/// and CloudFront refuses only when the distribution is created or updated.
struct PolicyIDFormRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.policy_id_form", name: "Malformed Policy Id", category: .behaviors, severity: .error,
        summary: "A cache, origin request or response headers policy id is not of the form CloudFront's policy ids have.",
        fix:
            "Name a managed policy with cache-policy, origin-request-policy or response-headers-policy; give a policy of your own by its id, as `aws cloudfront list-cache-policies --type custom` shows it.",
        rationale: """
            A behavior points at its policies by id, and CloudFront's policy ids, managed and \
            custom alike, are UUIDs (the managed CachingOptimized policy \
            is 658327ea-f89d-4fab-a63d-7e88639e58f6). A value of any other form matches no policy, \
            so CloudFront refuses the distribution (NoSuchCachePolicy and its kin) only when it is \
            created or updated; botocore's client-side validation accepts any string. A \
            well-formed id that is not a managed one is accepted: it may be a policy of your own.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                    origin-request-policy-id: 0d3ffc3b-8b1f-4e9a-9a42-6a6f1c2e8b7d
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy: CachingDisabled
                    response-headers-policy: SecurityHeadersPolicy
                """),
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: ↓CachingDisabled
                    response-headers-policy-id: ↓67f7725c-6f97-4210-82d7-5512b31e9d0
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for routed in context.routing.behaviors {
            let behavior = routed.behavior
            let policies: [(key: String, noun: String, id: String?, idForName: (String) -> String?)] = [
                ("cache-policy", "cache policy", behavior.cachePolicyId, { ManagedPolicies.cachePolicy(named: $0)?.id }),
                (
                    "origin-request-policy", "origin request policy", behavior.originRequestPolicyId,
                    { ManagedPolicies.originRequestPolicy(named: $0)?.id }
                ),
                (
                    "response-headers-policy", "response headers policy", behavior.responseHeadersPolicyId,
                    { ManagedPolicies.responseHeadersPolicy(named: $0)?.id }
                ),
            ]
            for policy in policies {
                // A declared policy not created yet holds a placeholder, never sent.
                guard let id = policy.id, !ManagedPolicies.isWellFormedID(id), !CompanionReference.isPlaceholder(id) else { continue }
                let hint: String
                if policy.idForName(id) != nil {
                    hint = "'\(id)' is a managed \(policy.noun)'s name: write '\(policy.key): \(id)'"
                } else {
                    hint = "give the id of a policy of your own, or name a managed one with '\(policy.key)'"
                }
                context.report(
                    "\(context.describe(routed)): '\(id)' is not the id of any \(policy.noun) (CloudFront's ids are UUIDs)",
                    at: routed.path.appending(policy.key + "-id"), hint: hint)
            }
        }
    }
}
