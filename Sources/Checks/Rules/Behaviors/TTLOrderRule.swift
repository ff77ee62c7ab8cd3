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
            other orders with InvalidTTLOrder. A TTL that is not written takes CloudFront's default, \
            which follows the others: DefaultTTL is one day or MinTTL when longer, and MaxTTL is one \
            year or, when MinTTL or DefaultTTL is longer than a year, DefaultTTL.
            """,
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesMaxTTL",
        ],
        passingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  min-ttl: 0
                  default-ttl: 60
                  max-ttl: 3600
                """),
            // Without max-ttl, CloudFront raises the maximum to a default TTL above one year.
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  default-ttl: 63072000
                """),
            // And the default TTL to a minimum above one day.
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  min-ttl: 172800
                """),
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: false}
                  min-ttl: 600
                  default-ttl: ↓60
                  max-ttl: 3600
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            // Fields read in place: a copy of the whole behavior costs more than the check.
            let (minTTL, defaultTTL, maxTTL) = (behavior.behavior.minTTL, behavior.behavior.defaultTTL, behavior.behavior.maxTTL)
            if let minimum = minTTL, let value = defaultTTL, minimum > value {
                context.report(
                    "default-ttl \(value) is below min-ttl \(minimum)", at: behavior.path.appending("default-ttl"),
                    hint: "min-ttl ≤ default-ttl ≤ max-ttl")
            }
            if let value = defaultTTL, let maximum = maxTTL, value > maximum {
                context.report(
                    "max-ttl \(maximum) is below default-ttl \(value)", at: behavior.path.appending("max-ttl"),
                    hint: "min-ttl ≤ default-ttl ≤ max-ttl")
            }
        }
    }
}
