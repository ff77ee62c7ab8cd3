import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Without `require-origin-https`, flags an `http-only` origin behind behaviors that require
/// HTTPS from viewers: the content is encrypted only as far as the edge.
struct OriginHTTPOnlyRule: Rule {
    static let description = RuleDescription(
        id: "https.origin_http_only", name: "HTTPS Only to the Edge", category: .https, severity: .warning,
        summary: "Behaviors require HTTPS from viewers, but their origin is reached over plain HTTP.",
        fix:
            "Set the origin's origin-protocol-policy to https-only (or match-viewer), so content is encrypted between CloudFront and the origin too.",
        rationale: """
            Viewers see https:// and a padlock, but CloudFront fetches the content from the origin \
            over HTTP, where it can be read or changed. AWS recommends HTTPS between CloudFront and \
            the origin as well; require-origin-https: true makes this an error.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html"],
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
                custom-origin-config: {origin-protocol-policy: ↓http-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ])

    func check(_ context: CheckContext) {
        guard !context.distribution.policy.requireOriginHTTPS else { return }
        for origin in context.config.origins where origin.customOriginConfig?.originProtocolPolicy == .httpOnly {
            let secured = OriginProtocols.behaviorsRequiringHTTPS(to: origin.id, context.routing, context.config)
            guard let first = secured.first else { continue }
            context.report(
                "origin '\(origin.id)' is reached over plain HTTP although \(first.displayName) requires HTTPS from viewers: content is encrypted only as far as the edge",
                at: context.distribution.path.appending("origins").appending(origin.id).appending("custom-origin-config").appending(
                    "origin-protocol-policy"),
                hint: OriginProtocols.httpsAdvice(for: origin, otherwise: "give the origin a certificate and use https-only"),
                notes: secured.map {
                    .init("\($0.displayName) requires HTTPS from viewers", at: $0.path.appending("viewer-protocol-policy"))
                })
        }
    }
}
