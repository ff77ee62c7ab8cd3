import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior that adds `Strict-Transport-Security` through a managed response headers
/// policy and still serves plain HTTP: the header says "HTTPS only" where the behavior does not
/// hold to it, and browsers ignore it on the HTTP responses.
struct HSTSOverPlainHTTPRule: Rule {
    static let description = RuleDescription(
        id: "https.hsts_over_plain_http", name: "HSTS on a Plain HTTP Behavior", category: .https, severity: .warning,
        summary: "A behavior adds Strict-Transport-Security but serves plain HTTP (viewer-protocol-policy allow-all).",
        fix: "Use viewer-protocol-policy redirect-to-https (or https-only) on the behavior, so that the first visit is upgraded too.",
        rationale: """
            The managed response headers policies SecurityHeadersPolicy, \
            CORS-and-SecurityHeadersPolicy and CORS-with-preflight-and-SecurityHeadersPolicy add \
            Strict-Transport-Security (max-age one year). A browser honours that header only on a \
            response it received over HTTPS, and ignores it over HTTP; on an allow-all behavior a \
            viewer that arrives over HTTP is served over HTTP and never told to switch. \
            redirect-to-https sends such a viewer to HTTPS, where the header then keeps it.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
            "https://www.rfc-editor.org/rfc/rfc6797#section-8.1",
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /app/*
                    target-origin-id: app
                    viewer-protocol-policy: redirect-to-https
                    cache-policy: CachingOptimized
                    response-headers-policy: SecurityHeadersPolicy
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /feeds/*
                    target-origin-id: app
                    viewer-protocol-policy: allow-all
                    cache-policy: CachingOptimized
                    response-headers-policy: SimpleCORS
                    ignore: [https.allow_all_without_policy]
                """),
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /app/*
                    target-origin-id: app
                    viewer-protocol-policy: allow-all
                    cache-policy: CachingOptimized
                    response-headers-policy: ↓SecurityHeadersPolicy
                    ignore: [https.allow_all_without_policy]
                """)
        ])

    func check(_ context: CheckContext) {
        for routed in context.routing.behaviors where routed.behavior.viewerProtocolPolicy == .allowAll {
            guard let id = routed.behavior.responseHeadersPolicyId, let policy = ManagedPolicies.responseHeadersPolicy(id: id),
                policy.setsHSTS
            else { continue }
            context.report(
                "\(context.describe(routed)) adds Strict-Transport-Security (\(policy.name)) but serves plain HTTP, where browsers ignore it",
                at: context.policyPath("response-headers-policy", of: routed),
                hint: "use viewer-protocol-policy: redirect-to-https, so that viewers arriving over HTTP reach HTTPS",
                notes: [
                    CheckContext.Note(
                        "viewer-protocol-policy allow-all serves HTTP here",
                        at: routed.path.appending("viewer-protocol-policy"))
                ])
        }
    }
}
