import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin or origin group that no behavior targets.
struct UnusedOriginRule: Rule {
    static let description = RuleDescription(
        id: "origins.unused_origin", name: "Unused Origin", category: .origins, severity: .warning,
        summary: "An origin or origin group is not the target of any behavior.",
        fix: "Point a behavior at the origin, or remove it.",
        rationale: """
            CloudFront sends requests only to the origins that cache behaviors target (directly or \
            through an origin group). An origin nothing routes to is leftover configuration, or a \
            sign that a behavior targets the wrong origin. AWS's guide asks to confirm that cache \
            behaviors route requests to the correct origins.
            """,
        sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"],
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
                custom-origin-config: {origin-protocol-policy: https-only}
              ↓old:
                domain-name: old.example.com
                custom-origin-config: {origin-protocol-policy: https-only}
            default-cache-behavior:
              target-origin-id: app
              viewer-protocol-policy: redirect-to-https
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ])

    func check(_ context: CheckContext) {
        let config = context.config
        let targets = Set(context.routing.behaviors.map(\.behavior.targetOriginId))
        var used = targets
        for group in config.originGroups where targets.contains(group.id) { used.formUnion(group.members) }
        for origin in config.origins where !used.contains(origin.id) {
            context.report(
                "origin '\(origin.id)' is not the target of any behavior",
                at: context.distribution.path.appending("origins").appending(origin.id), pointAtKey: true,
                hint: "remove it, or point a behavior's target-origin-id at it")
        }
        for group in config.originGroups where !targets.contains(group.id) {
            context.report(
                "origin group '\(group.id)' is not the target of any behavior",
                at: context.distribution.path.appending("origin-groups").appending(group.id), pointAtKey: true)
        }
    }
}
