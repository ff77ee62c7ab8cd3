import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags `redirect-to-https` on a behavior that allows methods with a body: HTTP/1.0 clients
/// get 403, others a 307 that makes them send the body twice.
struct RedirectWithBodyMethodsRule: Rule {
    static let description = RuleDescription(
        id: "https.redirect_with_body_methods", name: "Redirect With Body Methods", category: .https, severity: .warning,
        summary: "A behavior redirects HTTP to HTTPS while allowing POST, PUT, PATCH or DELETE.",
        fix:
            "Use https-only for behaviors that accept POST, PUT, PATCH or DELETE, so clients fail fast instead of losing the body in a redirect.",
        rationale: """
            For POST, PUT, DELETE, OPTIONS and PATCH over HTTP, redirect-to-https answers 307 \
            (Temporary Redirect) on HTTP/1.1 and above, so the client sends the request and its body \
            again, and 403 (Forbidden) below HTTP/1.1. An API is better served https-only, which \
            rejects plain HTTP at once instead of inviting a second upload. OPTIONS alone (the \
            GET, HEAD, OPTIONS combination) is not flagged: a CORS preflight has no body to re-send.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /fonts/*
                    target-origin-id: app
                    viewer-protocol-policy: redirect-to-https
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: [GET, HEAD, OPTIONS]
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: https-only
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
                """),
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /api/*
                    target-origin-id: app
                    viewer-protocol-policy: ↓redirect-to-https
                    allowed-methods: [GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
                    cache-policy-id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                """)
        ])

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors where behavior.behavior.viewerProtocolPolicy == .redirectToHTTPS {
            let bodyMethods = behavior.behavior.allowedMethods.filter(\.carriesBody)
            guard !bodyMethods.isEmpty else { continue }
            let names = bodyMethods.map(\.rawValue).joined(separator: ", ")
            context.report(
                "\(behavior.displayName) redirects HTTP to HTTPS but allows \(names): HTTP/1.0 clients get 403, others a 307 that re-sends the body",
                at: behavior.path.appending("viewer-protocol-policy"),
                hint: "use https-only for APIs")
        }
    }
}
