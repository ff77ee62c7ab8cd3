import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags failover status codes CloudFront does not fail over on.
struct OriginGroupStatusCodesRule: Rule {
    static let description = RuleDescription(
        id: "origins.group_status_codes", name: "Origin Group Status Codes", category: .origins, severity: .error,
        summary: "An origin group fails over on a status code CloudFront does not accept, or on none.",
        fix: "Use status codes from 400, 403, 404, 416, 500, 502, 503 and 504.",
        rationale: """
            An origin group fails over to its secondary origin when the primary answers with one of \
            the failover status codes, and "you can choose any combination of the following status \
            codes: 400, 403, 404, 416, 500, 502, 503, or 504". Any other code, or an empty list, is \
            not a failover criterion CloudFront offers.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html#concept_origin_groups.creating"
        ],
        passingExamples: [
            """
            origins:
              primary: {domain-name: a.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
              secondary: {domain-name: b.example.com, custom-origin-config: {origin-protocol-policy: https-only}}
            origin-groups:
              failover:
                members: [primary, secondary]
                failover-criteria: {status-codes: [400, 403, 404, 416, 500, 502, 503, 504]}
            default-cache-behavior: {target-origin-id: failover, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
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
                failover-criteria: {status-codes: [500, ↓429, ↓501]}
            default-cache-behavior: {target-origin-id: failover, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        ])

    /// The codes AWS lists.
    static let accepted: [Int] = [400, 403, 404, 416, 500, 502, 503, 504]

    func check(_ context: CheckContext) {
        for group in context.config.originGroups {
            let path = context.distribution.path.appending("origin-groups").appending(group.id)
                .appending("failover-criteria").appending("status-codes")
            let codes = group.failoverCriteria.statusCodes
            if codes.isEmpty {
                context.report(
                    "origin group '\(group.id)' has no failover status codes, so it never fails over", at: path,
                    hint: "list the codes to fail over on, such as [500, 502, 503, 504]")
            }
            for (index, code) in codes.enumerated() where !Self.accepted.contains(code) {
                context.report(
                    "origin group '\(group.id)' cannot fail over on \(code)", at: path.appending(index: index),
                    hint: "CloudFront fails over on " + Self.accepted.map(String.init).joined(separator: ", "))
            }
        }
    }
}
