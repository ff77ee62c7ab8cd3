import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags legacy TTLs on a behavior that uses a cache policy, where they have no effect.
struct LegacyTTLWithCachePolicyRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.legacy_ttl_with_cache_policy", name: "Legacy TTLs With a Cache Policy", category: .behaviors,
        severity: .warning,
        summary: "min-ttl, default-ttl or max-ttl is set on a behavior that uses a cache policy.",
        fix: "Remove min-ttl, default-ttl and max-ttl from the behavior and set the TTLs in its cache policy.",
        rationale: """
            The behavior-level TTL fields are deprecated legacy settings; with a cache policy, the \
            policy's own MinTTL, DefaultTTL and MaxTTL apply. Values written here are misleading.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html"],
        passingExamples: [
            RuleExample.with(
                """

                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    ↓max-ttl: 60
                """)
        ])

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors where behavior.behavior.cachePolicyId != nil && behavior.behavior.forwardedValues == nil {
            func check(_ key: String, _ value: Int64?) {
                guard value != nil else { return }
                context.report(
                    "\(key) has no effect with a cache policy", at: behavior.path.appending(key), pointAtKey: true,
                    hint: "set TTLs in the cache policy, and remove \(key)")
            }
            check("min-ttl", behavior.behavior.minTTL)
            check("default-ttl", behavior.behavior.defaultTTL)
            check("max-ttl", behavior.behavior.maxTTL)
        }
    }
}
