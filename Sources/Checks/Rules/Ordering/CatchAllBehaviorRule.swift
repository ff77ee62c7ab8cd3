import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a cache behavior with the pattern `*` (or `/*`): it takes every request, so the
/// behaviors after it and the default behavior are never used.
struct CatchAllBehaviorRule: Rule {
    static let description = RuleDescription(
        id: "ordering.catch_all_behavior", name: "Catch-All Cache Behavior", category: .ordering, severity: .error,
        summary: "A cache behavior matches every path, so every behavior after it, and the default behavior, is unreachable.",
        fix: "Move the behavior's settings to default-cache-behavior and remove the behavior.",
        rationale: """
            The default cache behavior already serves every request that no cache behavior matches; \
            its pattern is * and cannot be changed. A cache behavior with * or /* takes every request \
            that reaches it, so nothing after it in the list, and not the default behavior, is ever \
            used. Put those settings on the default behavior instead.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: ↓/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ])

    func check(_ context: CheckContext) {
        guard let catchAll = context.routing.behaviors.first(where: { !$0.isDefault && $0.pattern.isCatchAll }),
            let position = catchAll.index
        else { return }
        let later = context.routing.behaviors.dropFirst(position + 1)
        let laterCount = later.filter { !$0.isDefault }.count
        let what =
            laterCount == 0
            ? "the default behavior is" : "the \(laterCount) behavior\(laterCount == 1 ? "" : "s") after it and the default behavior are"
        context.report(
            "\(catchAll.displayName) matches every request, so \(what) never used",
            at: catchAll.path.appending("path-pattern"),
            hint: "move these settings to default-cache-behavior and remove this behavior",
            notes: later.map {
                .init("\(context.describe($0)) is never used", at: $0.isDefault ? $0.path : $0.path.appending("path-pattern"))
            })
    }
}
