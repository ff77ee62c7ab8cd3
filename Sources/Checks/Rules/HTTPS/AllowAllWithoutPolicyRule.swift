import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior that serves plain HTTP to requests no `require-https` pattern covers: the
/// configuration does not say whether plain HTTP is intended.
struct AllowAllWithoutPolicyRule: Rule {
    static let description = RuleDescription(
        id: "https.allow_all_without_policy", name: "Plain HTTP Without a Policy", category: .https, severity: .warning,
        summary: "A behavior serves plain HTTP and no require-https pattern says whether that is intended.",
        fix: "Use redirect-to-https or https-only; if plain HTTP is intended for these paths, add the rule to the behavior's ignore: list.",
        rationale: """
            allow-all serves objects over HTTP, where they can be read and changed in transit. \
            redirect-to-https keeps old HTTP links working (GET and HEAD get a 301 to the HTTPS URL) \
            while every response travels encrypted. When plain HTTP is deliberate (feeds for old \
            clients), say so by suppressing this rule on the behavior.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - path-pattern: /feeds/*
                    target-origin-id: app
                    viewer-protocol-policy: allow-all
                    cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
                    ignore: [https.allow_all_without_policy]
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: redirect-to-https, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /feeds/*, target-origin-id: app, viewer-protocol-policy: ↓allow-all, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ])

    func check(_ context: CheckContext) {
        let required = context.distribution.policy.requireHTTPS.map(PathPattern.init)
        let routing = context.routing
        for (position, behavior) in routing.behaviors.enumerated() where behavior.behavior.viewerProtocolPolicy == .allowAll {
            if context.searchBudget.isExhausted { return }
            let earlier = routing.earlierOverlaps[position].map { routing.behaviors[$0].pattern }
            guard
                let example = PatternAlgebra.witness(
                    allOf: [behavior.pattern], noneOf: earlier + required,
                    budget: context.searchBudget
                ).example
            else { continue }
            context.report(
                "\(behavior.displayName) serves plain HTTP (GET http://\(context.exampleHost)\(example)) and no require-https pattern covers it",
                at: behavior.path.appending("viewer-protocol-policy"),
                hint: "use redirect-to-https, or add 'ignore: [\(Self.description.id.rawValue)]' to the behavior if plain HTTP is intended")
        }
    }
}
