import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Says when the path-pattern analysis gave up: a check ran out of `pattern-search-steps`, so
/// its findings for the distribution may be incomplete, or the routing table could not decide
/// whether some behaviors are reachable (they are then taken as reachable).
///
/// Deciding whether one glob is covered by a union of others can take time exponential in the
/// number of patterns; ordinary configs need a few thousand steps, a file written to be slow
/// could otherwise keep the checker busy for hours. The checker reports this rule after the
/// others have run, since it is about their budgets.
struct PatternSearchBudgetRule: Rule {
    static let description = RuleDescription(
        id: "ordering.pattern_search_budget", name: "Pattern Search Budget", category: .ordering, severity: .warning,
        summary: "The path-pattern analysis reached its step budget, so some findings may be missing.",
        fix:
            "Replace overlapping wildcard patterns with ones that have literal prefixes, or raise the budget with --max-pattern-search-steps (and pattern-search-steps on the distribution).",
        rationale: """
            cfc answers questions about cache behavior patterns (does this behavior serve any \
            request, which earlier behavior takes this path, is this require-https path ever served \
            over HTTP) exactly, by searching the product of the patterns' automata. With many \
            overlapping wildcard patterns that search can grow exponentially, so the checks of a \
            distribution together may spend at most pattern-search-steps automaton steps \
            (5,000,000 by default, which a file can lower but only --max-pattern-search-steps \
            raises, and never more than 1,000,000 plus 1,000 per byte of the distribution; \
            ordinary configs, a thousand behaviors included, spend none). A question left \
            undecided is never guessed: a behavior is taken as reachable, and a require-https path \
            that cannot be proven safe is an error of its own. This warning names the checks that \
            stopped early.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /x, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /??*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /*y, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                pattern-search-steps: 1
                ↓cache-behaviors:
                  - {path-pattern: /x, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /??*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /*y, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ])

    /// Nothing of its own: see `report`.
    func check(_ context: CheckContext) {}

    /// Reports, in `context`, that the checks `gaveUp` (rule ids, in registry order) ran out
    /// of budget and that the reachability of the behaviors `undecided` is unknown.
    static func report(gaveUp: [String], undecided: [RoutedBehavior], in context: CheckContext) {
        guard !gaveUp.isEmpty || !undecided.isEmpty else { return }
        let steps = context.distribution.policy.patternSearchSteps
        var parts: [String] = []
        if !undecided.isEmpty {
            let names =
                undecided.prefix(3).map(\.displayName).joined(separator: ", ")
                + (undecided.count > 3 ? " and \(undecided.count - 3) more" : "")
            parts.append("whether \(names) can serve any request is undecided (taken as reachable)")
        }
        if !gaveUp.isEmpty {
            parts.append(
                "\(gaveUp.joined(separator: ", ")) stopped early, so \(gaveUp.count == 1 ? "its" : "their") findings may be incomplete")
        }
        context.report(
            "the path-pattern analysis reached its budget of \(steps) steps: " + parts.joined(separator: "; "),
            at: context.distribution.path.appending("cache-behaviors"), pointAtKey: true,
            hint: "use fewer overlapping wildcard patterns, or raise the budget with --max-pattern-search-steps")
    }
}
