import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a cache behavior whose pattern is the same as an earlier one's (`images/*` and
/// `/images/*` are the same pattern).
struct DuplicatePathPatternRule: Rule {
    static let description = RuleDescription(
        id: "ordering.duplicate_path_pattern", name: "Duplicate Path Pattern", category: .ordering, severity: .error,
        summary: "Two cache behaviors have the same path pattern; the second never serves a request.",
        fix: "Remove the second behavior, or merge its settings into the first.",
        rationale: """
            CloudFront compares a request with the patterns in list order and the first match wins, \
            so a second behavior with the same pattern is never used. A pattern with and without its \
            leading slash is the same pattern. CloudFront also rejects duplicate patterns in one \
            distribution.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /img/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: ↓images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        rejectedByAPI: true)

    func check(_ context: CheckContext) {
        let behaviors = context.routing.behaviors
        // Positions, not behaviors: a behavior is a large value, and a thousand copies showed.
        var first: [String: Int] = [:]
        first.reserveCapacity(behaviors.count)
        for (position, behavior) in behaviors.enumerated() where !behavior.isDefault {
            let key = behavior.pattern.normalized
            if let earlierPosition = first[key] {
                let earlier = behaviors[earlierPosition]
                context.report(
                    "\(behavior.displayName) has the same path pattern as \(earlier.displayName); it is never used",
                    at: behavior.path.appending("path-pattern"),
                    hint: "remove one of the two behaviors, or merge their settings",
                    notes: [.init("\(earlier.displayName) takes every request first", at: earlier.path.appending("path-pattern"))])
            } else {
                first[key] = position
            }
        }
    }
}
