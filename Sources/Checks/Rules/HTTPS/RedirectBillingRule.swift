import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Notes that CloudFront bills both requests of an HTTP-to-HTTPS redirect.
struct RedirectBillingRule: Rule {
    static let description = RuleDescription(
        id: "https.redirect_billing", name: "Redirects Are Billed Twice", category: .https, severity: .note,
        summary: "Behaviors that redirect HTTP to HTTPS are billed for both the HTTP and the HTTPS request.",
        fix:
            "Nothing to fix if the redirect is intended; to avoid paying for the HTTP request, publish only https:// links and send HSTS so browsers skip it.",
        rationale: """
            When a viewer's HTTP request is redirected to HTTPS, CloudFront charges for both \
            requests: for the HTTP one, the request and the headers returned; for the HTTPS one, the \
            request and the headers and object returned. Links that use https:// avoid the first.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"],
        passingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: https-only
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                """)
        ],
        failingExamples: [
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: ↓redirect-to-https
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                """)
        ])

    func check(_ context: CheckContext) {
        let redirecting = context.routing.behaviors.indices.filter {
            context.routing.behaviors[$0].behavior.viewerProtocolPolicy == .redirectToHTTPS
        }.map { context.routing.behaviors[$0] }
        guard let first = redirecting.first else { return }
        let count = redirecting.count
        context.report(
            "\(count == 1 ? first.displayName : "\(count) behaviors") redirect\(count == 1 ? "s" : "") HTTP to HTTPS; CloudFront bills both the HTTP and the HTTPS request",
            at: first.path.appending("viewer-protocol-policy"),
            hint: "link to https:// URLs so that viewers skip the redirect",
            notes: redirecting.dropFirst().map { .init("\($0.displayName) redirects too", at: $0.path.appending("viewer-protocol-policy")) }
        )
    }
}
