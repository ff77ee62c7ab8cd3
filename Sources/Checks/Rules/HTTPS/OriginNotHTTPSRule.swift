import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// With `require-origin-https: true`, flags every origin CloudFront can reach over plain HTTP:
/// `http-only`, or `match-viewer` (and S3 REST origins, which follow the viewer) behind a
/// behavior that serves HTTP.
struct OriginNotHTTPSRule: Rule {
    static let description = RuleDescription(
        id: "https.origin_not_https", name: "Origin Reached Over HTTP", category: .https, severity: .error,
        summary: "require-origin-https is set, but CloudFront can fetch from an origin over plain HTTP.",
        fix: "Set every origin's origin-protocol-policy to https-only (S3 REST origins are always HTTPS).",
        rationale: """
            AWS recommends HTTPS between CloudFront and the origin too, so that objects were \
            encrypted when CloudFront got them. An origin is reached over HTTP when its protocol \
            policy is http-only, or when it is match-viewer (S3 REST origins always behave so) and a \
            behavior that targets it accepts plain HTTP from viewers (allow-all).
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-s3-origin.html",
        ],
        passingExamples: [
            RuleExample.with(
                """
                require-origin-https: true
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
            require-origin-https: true
            ignore: [https.origin_http_only]
            """,
            """
            origins:
              app:
                domain-name: app.example.com
                custom-origin-config: {origin-protocol-policy: ↓match-viewer}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: allow-all
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            require-origin-https: true
            ignore: [https.allow_all_without_policy]
            """,
        ])

    func check(_ context: CheckContext) {
        guard context.distribution.policy.requireOriginHTTPS else { return }
        let config = context.config
        for origin in config.origins {
            let originPath = context.distribution.path.appending("origins").appending(origin.id)
            let httpServing = OriginProtocols.behaviorsServingHTTP(to: origin.id, context.routing, config)
            if let custom = origin.customOriginConfig {
                switch custom.originProtocolPolicy {
                case .httpOnly:
                    context.report(
                        "origin '\(origin.id)' is reached over plain HTTP (origin-protocol-policy: http-only)",
                        at: originPath.appending("custom-origin-config").appending("origin-protocol-policy"),
                        hint: OriginProtocols.httpsAdvice(
                            for: origin, otherwise: "use https-only; require-origin-https asks for HTTPS all the way to the origin"))
                case .matchViewer:
                    guard let behavior = httpServing.first else { continue }
                    context.report(
                        "origin '\(origin.id)' follows the viewer's protocol and \(behavior.displayName) accepts plain HTTP, so CloudFront fetches over HTTP",
                        at: originPath.appending("custom-origin-config").appending("origin-protocol-policy"),
                        hint: OriginProtocols.httpsAdvice(
                            for: origin, otherwise: "use https-only, or make the behaviors that target it redirect-to-https or https-only"),
                        notes: httpServing.map {
                            .init("\($0.displayName) serves plain HTTP", at: $0.path.appending("viewer-protocol-policy"))
                        })
                case .httpsOnly:
                    continue
                }
            } else if origin.s3OriginConfig != nil, let behavior = httpServing.first {
                context.report(
                    "S3 origin '\(origin.id)' is fetched with the viewer's protocol and \(behavior.displayName) accepts plain HTTP",
                    at: originPath.appending("domain-name"),
                    hint: "make the behaviors that target it redirect-to-https or https-only",
                    notes: httpServing.map { .init("\($0.displayName) serves plain HTTP", at: $0.path.appending("viewer-protocol-policy")) }
                )
            }
        }
    }
}

/// Which behaviors make CloudFront talk to an origin over which protocol.
enum OriginProtocols {
    /// How to get HTTPS to `origin`: `otherwise`, except for an S3 website endpoint, which has
    /// no HTTPS at all ("Amazon S3 website endpoints do not support HTTPS"), so https-only would
    /// break every request (the advice of `origins.s3_website_endpoint`); the way to HTTPS there
    /// is the bucket's REST endpoint.
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html
    static func httpsAdvice(for origin: Origin, otherwise: String) -> String {
        guard OriginDomains.isS3WebsiteEndpoint(origin.domainName) else { return otherwise }
        return "an S3 website endpoint speaks HTTP only, so keep http-only for it; for HTTPS to the origin, "
            + "use the bucket's REST endpoint (bucket.s3.REGION.amazonaws.com) with origin access control"
    }

    /// Reachable behaviors that target `originID` (directly or through a group) and accept
    /// plain HTTP from viewers.
    static func behaviorsServingHTTP(to originID: String, _ routing: RoutingTable, _ config: DistributionConfig) -> [RoutedBehavior] {
        routing.behaviors.indices.filter { position in
            let behavior = routing.behaviors[position]
            return routing.isReachable[position] && behavior.behavior.viewerProtocolPolicy == .allowAll
                && RoutingTable.origins(targetedBy: behavior.behavior.targetOriginId, in: config).contains(originID)
        }.map { routing.behaviors[$0] }
    }

    /// Reachable behaviors that target `originID` and require HTTPS from viewers.
    static func behaviorsRequiringHTTPS(to originID: String, _ routing: RoutingTable, _ config: DistributionConfig) -> [RoutedBehavior] {
        routing.behaviors.indices.filter { position in
            let behavior = routing.behaviors[position]
            return routing.isReachable[position] && behavior.behavior.viewerProtocolPolicy != .allowAll
                && RoutingTable.origins(targetedBy: behavior.behavior.targetOriginId, in: config).contains(originID)
        }.map { routing.behaviors[$0] }
    }
}
