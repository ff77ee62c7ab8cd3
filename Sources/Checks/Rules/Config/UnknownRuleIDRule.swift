import CFCDiagnostics
import CFCSupport
import DistributionIR
import PathPatterns
import Routing

/// Flags an `ignore:` entry that names no rule, which would silently suppress nothing.
struct UnknownRuleIDRule: Rule {
    static let description = RuleDescription(
        id: "config.unknown_rule_id", name: "Unknown Rule ID", category: .config, severity: .warning,
        summary: "An ignore: entry names no cfc rule.",
        fix: "Correct the rule id (cfc explain lists them all) or remove the entry.",
        rationale: """
            An ignore: entry that matches no rule (a typo, or a rule renamed without an alias) \
            suppresses nothing, so the finding it meant to acknowledge still fails the build, or, \
            worse, the intended suppression is silently lost.
            """,
        sources: ["docs/rules.md"],
        passingExamples: [
            RuleExample.with(
                """
                ignore: [https.redirect_billing]
                """)
        ],
        failingExamples: [
            RuleExample.with(
                """
                ignore: [↓https.redirect_biling]
                """)
        ])

    func check(_ context: CheckContext) {
        let known = RuleRegistry.idSet
        // Paths are made only for an id that is reported (most lists are empty).
        func check(_ ids: [String], _ path: @autoclosure () -> ConfigPath) {
            for (index, id) in ids.enumerated() where !known.contains(id) {
                let suggestion = Suggestions.closest(to: id, in: RuleRegistry.ids)
                context.report(
                    "'\(id)' is not a cfc rule id", at: path().appending("ignore").appending(index: index),
                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "cfc explain lists the rules")
            }
        }
        check(context.distribution.policy.ignore, context.distribution.path)
        for behavior in context.routing.behaviors where !behavior.behavior.ignore.isEmpty {
            check(behavior.behavior.ignore, behavior.path)
        }
    }
}
