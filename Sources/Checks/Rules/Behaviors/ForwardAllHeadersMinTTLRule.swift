import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `min-ttl` above 0 when legacy forwarded values forward all headers.
struct ForwardAllHeadersMinTTLRule: Rule {
    static let description = RuleDescription(
        id: "behaviors.forward_all_headers_min_ttl", name: "Forwarding All Headers Needs MinTTL 0", category: .behaviors,
        severity: .error,
        summary: "Forwarded values forward all headers (*) but min-ttl is not 0.",
        fix:
            "Set min-ttl to 0, or forward a list of headers instead of all of them (better: use a cache policy and an origin request policy).",
        rationale: """
            Forwarding all headers makes every request unique to the origin, so CloudFront does not \
            cache; the API requires MinTTL 0 when Headers is *.
            """,
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html"],
        passingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: true, headers: ["*"]}
                  min-ttl: 0
                  default-ttl: 0
                  max-ttl: 0
                """)
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  forwarded-values: {query-string: true, headers: ["*"]}
                  min-ttl: ↓5
                  default-ttl: 5
                  max-ttl: 5
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors {
            guard let forwarded = behavior.behavior.forwardedValues, forwarded.headers.contains("*"),
                let minimum = behavior.behavior.minTTL, minimum != 0
            else { continue }
            context.report(
                "min-ttl must be 0 when all headers are forwarded", at: behavior.path.appending("min-ttl"),
                hint: "set min-ttl: 0")
        }
    }
}
