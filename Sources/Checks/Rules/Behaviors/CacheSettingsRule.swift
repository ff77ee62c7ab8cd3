import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior with neither a cache policy nor legacy forwarded values, or with both.
struct CacheSettingsRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.cache_settings", name: "Cache Policy or Forwarded Values", category: .behaviors, severity: .error,
        summary: "A behavior needs exactly one of cache-policy-id and forwarded-values.",
        fix:
            "Give the behavior a cache-policy-id (for example Managed-CachingOptimized, 658327ea-f89d-4fab-a63d-7e88639e58f6) or legacy forwarded-values, not both and not neither.",
        rationale: """
            A cache behavior must include either a CachePolicyId or ForwardedValues (the legacy \
            settings); AWS recommends a cache policy. Without either the API rejects the behavior, \
            and with both it is unclear which settings apply.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html"],
        passingExamples: [
            RuleExample.with(
                """

                """)
        ],
        failingExamples: [
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            ↓default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: https-only
            """,
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    ↓forwarded-values: {query-string: true}
                """),
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            let settings = behavior.behavior
            if settings.cachePolicyId == nil && settings.forwardedValues == nil {
                context.report(
                    "\(behavior.displayName) has neither cache-policy-id nor forwarded-values", at: behavior.path, pointAtKey: true,
                    hint: "add cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6 (Managed-CachingOptimized) or a policy of your own")
            } else if settings.cachePolicyId != nil && settings.forwardedValues != nil {
                context.report(
                    "\(behavior.displayName) has both cache-policy-id and forwarded-values",
                    at: behavior.path.appending("forwarded-values"), pointAtKey: true,
                    hint: "keep the cache policy and remove forwarded-values (and the TTLs)")
            }
        }
    }
}
