import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Proves that no request matching a `require-https` pattern is served over plain HTTP: no
/// such request may reach a behavior with `allow-all`, the default behavior included.
struct RequireHTTPSRule: Rule {
    static let description = RuleDescription(
        id: "https.require_https", name: "Require HTTPS", category: .https, severity: .error,
        summary: "A request that require-https covers can reach a behavior that serves plain HTTP.",
        fix:
            "Set the behavior's viewer-protocol-policy to https-only or redirect-to-https, or add an earlier behavior with that policy for the required paths.",
        rationale: """
            With viewer protocol policy allow-all, CloudFront serves a behavior's objects over HTTP \
            as well as HTTPS. AWS's guide asks you to confirm, before using a configuration, that the \
            path pattern of each behavior applies only to the requests you want viewers to use HTTPS \
            for and that behaviors are in the order you want them evaluated. cfc proves it: for each \
            require-https pattern it searches the behaviors' patterns, in evaluation order, for a \
            request that reaches an allow-all behavior, and reports one as an example.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /account/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: allow-all, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                require-https: [/account/*]
                ignore: [https.allow_all_without_policy]
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /acc*, target-origin-id: app, viewer-protocol-policy: ↓allow-all, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /account/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                require-https: [/account/*]
                """),
            RuleExample.withOrigin(
                """
                default-cache-behavior:
                  target-origin-id: app
                  viewer-protocol-policy: ↓allow-all
                  cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                require-https: ["*"]
                """),
        ])

    func check(_ context: CheckContext) {
        let required = context.distribution.policy.requireHTTPS.map(PathPattern.init)
        guard !required.isEmpty else { return }
        let routing = context.routing
        for (position, behavior) in routing.behaviors.enumerated() where behavior.behavior.viewerProtocolPolicy == .allowAll {
            var notes: [CheckContext.Note] = []
            var firstExample: String? = nil
            for (index, pattern) in required.enumerated() {
                let requirement = context.distribution.path.appending("require-https").appending(index: index)
                switch routing.servedExample(position, within: pattern, budget: context.searchBudget) {
                case .none:
                    continue
                case .found(let example):
                    if firstExample == nil { firstExample = example }
                    notes.append(.init("require-https '\(pattern.source)' covers \(example)", at: requirement))
                case .gaveUp:
                    // Unproven is not safe: the requirement fails closed.
                    context.report(
                        "cannot prove that \(context.describe(behavior)) serves no path of require-https '\(pattern.source)' over plain HTTP: "
                            + "the path-pattern analysis reached its budget",
                        at: behavior.path.appending("viewer-protocol-policy"),
                        hint: "set viewer-protocol-policy to https-only (or redirect-to-https), or use fewer overlapping wildcard patterns",
                        notes: [.init("required here", at: requirement)])
                }
            }
            guard let example = firstExample else { continue }
            context.report(
                "GET http://\(context.exampleHost)\(example) is served over plain HTTP by \(context.describe(behavior))",
                at: behavior.path.appending("viewer-protocol-policy"),
                hint:
                    "set viewer-protocol-policy to https-only (or redirect-to-https), or give these paths a behavior of their own earlier in the list",
                notes: notes)
        }
    }
}
