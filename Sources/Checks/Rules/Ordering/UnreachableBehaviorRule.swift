import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a cache behavior that serves no request: every path its pattern matches is taken by
/// earlier behaviors, by one of them or by several together.
struct UnreachableBehaviorRule: Rule {
    static let description = RuleDescription(
        id: "ordering.unreachable_behavior", name: "Unreachable Cache Behavior", category: .ordering, severity: .error,
        summary: "Every path a cache behavior matches is taken by earlier behaviors, so it never serves a request.",
        fix: "Move the behavior above the behaviors that take its paths (cfc check --suggest-order proposes an order), or remove it.",
        rationale: """
            CloudFront evaluates cache behaviors in the order listed and uses the first whose pattern \
            matches; later behaviors never see those requests. A behavior whose paths are all taken \
            earlier (by one broader pattern, such as /api/* before /api/v2/*, or by several together, \
            such as /x and /??* before /*x) is dead configuration: its settings never apply. cfc \
            decides this exactly, on the patterns' automata.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /api/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: ↓/api/v2/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /x, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /??*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: ↓/*x, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
        ])

    func check(_ context: CheckContext) {
        let routing = context.routing
        var seenPatterns = Set<String>()
        var afterCatchAll = false
        for (position, behavior) in routing.behaviors.enumerated() where !behavior.isDefault {
            // Duplicates and behaviors after a catch-all have rules of their own.
            let isDuplicate = !seenPatterns.insert(behavior.pattern.normalized).inserted
            defer { if behavior.pattern.isCatchAll { afterCatchAll = true } }
            if isDuplicate || afterCatchAll { continue }
            guard !routing.isReachable[position] else { continue }
            let overlaps = routing.earlierOverlaps[position]
            var notes: [CheckContext.Note] = []
            // Out of budget, the finding (decided by the routing table) stands without notes.
            for (offset, other) in overlaps.enumerated() where !context.searchBudget.isExhausted {
                let before = overlaps[..<offset].map { routing.behaviors[$0].pattern }
                guard
                    let example = PatternAlgebra.witness(
                        allOf: [behavior.pattern, routing.behaviors[other].pattern],
                        noneOf: before, budget: context.searchBudget
                    ).example
                else { continue }
                notes.append(
                    .init(
                        "\(routing.behaviors[other].displayName) takes \(example) and the like first",
                        at: routing.behaviors[other].path.appending("path-pattern")))
            }
            let takers = notes.count == 1 ? "an earlier behavior" : "earlier behaviors"
            context.report(
                "\(behavior.displayName) is never used: every path it matches is taken by \(takers)",
                at: behavior.path.appending("path-pattern"),
                hint: "move it above the behaviors that take its paths, or remove it (cfc check --suggest-order proposes an order)",
                notes: notes)
        }
    }
}
