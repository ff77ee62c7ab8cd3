import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags legacy TTLs out of order: `min-ttl` ≤ `default-ttl` ≤ `max-ttl` must hold.
struct TTLOrderRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.ttl_order", name: "TTL Order", category: .behaviors, severity: .error,
        summary: "min-ttl, default-ttl and max-ttl are not in increasing order.",
        fix: "Make min-ttl ≤ default-ttl ≤ max-ttl.",
        rationale: """
            CloudFront keeps objects at least MinTTL and at most MaxTTL seconds, and DefaultTTL when \
            the origin sends no caching headers, so MinTTL ≤ DefaultTTL ≤ MaxTTL. The API rejects \
            other orders with InvalidTTLOrder.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html"],
        passingExamples: [
            RuleExample.withOrigin("""
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  min-ttl: 0
                  default-ttl: 60
                  max-ttl: 3600
                """),
        ],
        failingExamples: [
            RuleExample.withOrigin("""
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  min-ttl: 600
                  default-ttl: ↓60
                  max-ttl: 3600
                """),
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            // Fields read in place: a copy of the whole behavior costs more than the check.
            let (minTTL, defaultTTL, maxTTL) = (behavior.behavior.minTTL, behavior.behavior.defaultTTL, behavior.behavior.maxTTL)
            if let minimum = minTTL, let value = defaultTTL, minimum > value {
                context.report("default-ttl \(value) is below min-ttl \(minimum)", at: behavior.path.appending("default-ttl"),
                               hint: "min-ttl ≤ default-ttl ≤ max-ttl")
            }
            if let value = defaultTTL, let maximum = maxTTL, value > maximum {
                context.report("max-ttl \(maximum) is below default-ttl \(value)", at: behavior.path.appending("max-ttl"),
                               hint: "min-ttl ≤ default-ttl ≤ max-ttl")
            }
        }
    }
}
