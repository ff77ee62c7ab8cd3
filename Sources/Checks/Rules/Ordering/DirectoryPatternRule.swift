import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a path pattern that ends in `/`: it matches only the directory path itself, not the
/// files in it.
struct DirectoryPatternRule: Rule {
    static let description = RuleDescription(
        id: "ordering.directory_pattern", name: "Directory Pattern Without Wildcard", category: .ordering, severity: .warning,
        summary: "A path pattern ends in '/', so it matches only that one path and not the files below it.",
        fix: "Add '*' (/images/*) to match what is under the directory, or remove the trailing '/'.",
        rationale: """
            A pattern without a wildcard matches exactly one path. AWS's knowledge center describes \
            the common slip: with the pattern test/, a request for /test/file1.jpg follows the \
            default cache behavior, because the pattern lacks the * of test/*.
            """,
        sources: ["https://repost.aws/knowledge-center/cloudfront-not-following-cache-behavior"],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /test/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: ↓/test/, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ])

    func check(_ context: CheckContext) {
        for behavior in context.routing.behaviors where !behavior.isDefault && behavior.behavior.pathPattern.hasSuffix("/") {
            context.report(
                "path pattern '\(behavior.behavior.pathPattern)' matches only the path \(behavior.pattern.normalized), not the files below it",
                at: behavior.path.appending("path-pattern"),
                hint: "write '\(behavior.behavior.pathPattern)*' to match everything in the directory")
        }
    }
}
