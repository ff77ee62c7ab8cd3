import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags an origin group without exactly two distinct members.
struct OriginGroupMembersRule: Rule {
    static let description = RuleDescription(
        id: "origins.group_members", name: "Origin Group Members", category: .origins, severity: .error,
        summary: "An origin group does not have exactly two different origins.",
        fix: "List exactly two different origins of this distribution in the group's members.",
        rationale: "An origin group is a primary origin and a secondary origin to fail over to: exactly two, and not the same one twice.",
        sources: ["https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginGroup.html"],
        passingExamples: [
            """
            origins:
              a: {domain-name: a.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
              b: {domain-name: b.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            origin-groups:
              ab: {members: [a, b], failover-criteria: {status-codes: [503]}}
            default-cache-behavior: {target-origin-id: ab, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ],
        failingExamples: [
            """
            origins:
              a: {domain-name: a.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            origin-groups:
              ab: {members: ↓[a], failover-criteria: {status-codes: [503]}}
            default-cache-behavior: {target-origin-id: ab, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        for group in context.config.originGroups {
            let path = context.distribution.path.appending("origin-groups").appending(group.id).appending("members")
            if group.members.count != 2 {
                context.report(
                    "origin group '\(group.id)' has \(group.members.count) member\(group.members.count == 1 ? "" : "s"); it needs exactly two",
                    at: path, hint: "list the primary origin, then the secondary")
            } else if group.members[0] == group.members[1] {
                context.report("origin group '\(group.id)' fails over from '\(group.members[0])' to itself", at: path)
            }
        }
    }
}
