import CFCDiagnostics
import DistributionIR
import PathPatterns
import Routing

/// Flags a cache behavior some of whose paths are taken by an earlier behavior that is not
/// narrower than it (a narrower earlier behavior is the intended specific-before-general order).
struct ShadowedBehaviorRule: Rule {
    static let description = RuleDescription(
        id: "ordering.shadowed_behavior", name: "Partly Shadowed Cache Behavior", category: .ordering, severity: .warning,
        summary: "An earlier behavior that is not narrower takes some of a cache behavior's paths.",
        fix: "Put the more specific behavior first, or make the patterns disjoint.",
        rationale: """
            The first matching behavior wins. When an earlier behavior overlaps a later one without \
            being contained in it (/images/* before *.jpg), requests in the overlap (/images/x.jpg) \
            get the earlier behavior's settings, which is often not what the later behavior's author \
            expected. Putting the specific pattern first, or making the patterns disjoint, makes the \
            routing explicit. A narrower earlier behavior (/images/logo.png before /images/*) is the \
            intended order and is not reported.
            """,
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern"
        ],
        passingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/logo.png, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: /video/*.mp4, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """),
        ],
        failingExamples: [
            RuleExample.with(
                """
                cache-behaviors:
                  - {path-pattern: /images/*, target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                  - {path-pattern: ↓"*.jpg", target-origin-id: app, viewer-protocol-policy: https-only, cache-policy-id: 658327ea-f89d-4fab-a63d-7e88639e58f6}
                """)
        ])

    func check(_ context: CheckContext) {
        let routing = context.routing
        for (position, behavior) in routing.behaviors.enumerated() where !behavior.isDefault {
            // Out of budget every search gives up; stop (the checker says the rule stopped).
            if context.searchBudget.isExhausted { return }
            let overlaps = routing.earlierOverlaps[position]
            guard !overlaps.isEmpty else { continue }
            let earlierPatterns = overlaps.map { routing.behaviors[$0].pattern }
            // Fully covered behaviors are unreachable, a rule of their own.
            if !routing.isReachable[position] { continue }
            var notes: [CheckContext.Note] = []
            var first: (String, String)? = nil
            for (offset, other) in overlaps.enumerated() {
                let otherBehavior = routing.behaviors[other]
                if PatternAlgebra.isSubset(otherBehavior.pattern, of: behavior.pattern, budget: context.searchBudget) != false { continue }
                let before = Array(earlierPatterns[..<offset])
                guard
                    let example = PatternAlgebra.witness(
                        allOf: [behavior.pattern, otherBehavior.pattern], noneOf: before,
                        budget: context.searchBudget
                    ).example
                else { continue }
                if first == nil { first = (example, context.describe(otherBehavior)) }
                notes.append(
                    .init(
                        "\(otherBehavior.displayName) takes \(example) first",
                        at: otherBehavior.path.appending("path-pattern")))
            }
            guard let (example, taker) = first else { continue }
            context.report(
                "\(behavior.displayName) is partly shadowed: GET \(example) is served by \(taker)",
                at: behavior.path.appending("path-pattern"),
                hint: "put the more specific behavior first, or make the patterns disjoint",
                notes: notes)
        }
    }
}
