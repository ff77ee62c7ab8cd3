import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a behavior that targets an origin group and allows POST, PUT, PATCH or DELETE.
struct OriginGroupMethodsRule: Rule {
    static let description = RuleDescription(
        id: "origins.group_methods", name: "Origin Group Methods", category: .origins, severity: .error,
        summary: "A behavior whose target is an origin group allows POST, PUT, PATCH or DELETE.",
        fix: "Allow only GET and HEAD (or GET, HEAD and OPTIONS) on behaviors that target an origin group, or target a single origin.",
        rationale: """
            CloudFront fails over to the secondary origin only for GET, HEAD and OPTIONS requests, \
            and the API refuses a cache behavior associated with an origin group whose allowed \
            methods include the others ("The parameter AllowedMethods cannot include POST, PUT, \
            PATCH, or DELETE for a cached behavior associated with an origin group").
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
            "https://github.com/aws/aws-cdk/issues/32450",
        ],
        passingExamples: [
            """
            origins:
              primary: {domain-name: a.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
              secondary: {domain-name: b.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            origin-groups:
              failover:
                members: [primary, secondary]
                failover-criteria: {status-codes: [500, 502, 503, 504]}
            default-cache-behavior:
              target-origin-id: failover
              viewer-protocol-policy: redirect-to-https
              allowed-methods: [GET, HEAD, OPTIONS]
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        failingExamples: [
            """
            origins:
              primary: {domain-name: a.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
              secondary: {domain-name: b.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            origin-groups:
              failover:
                members: [primary, secondary]
                failover-criteria: {status-codes: [500, 502, 503, 504]}
            default-cache-behavior:
              target-origin-id: failover
              viewer-protocol-policy: https-only
              allowed-methods: ↓[GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE]
              cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6
            """
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let groups = context.config.originGroups
        guard !groups.isEmpty else { return }
        for routed in context.routing.behaviors {
            let target = routed.behavior.targetOriginId
            guard let group = groups.first(where: { $0.id == target }) else { continue }
            let writes = routed.behavior.allowedMethods.filter { ![.get, .head, .options].contains($0) }
            guard !writes.isEmpty else { continue }
            context.report(
                "\(context.describe(routed)) targets origin group '\(group.id)' but allows \(writes.map(\.rawValue).joined(separator: ", "))",
                at: routed.path.appending("allowed-methods"),
                hint: "CloudFront fails over only GET, HEAD and OPTIONS: allow [GET, HEAD] or [GET, HEAD, OPTIONS], or target one origin",
                notes: [
                    CheckContext.Note(
                        "the origin group is defined here", at: context.distribution.path.appending("origin-groups").appending(group.id))
                ])
        }
    }
}
