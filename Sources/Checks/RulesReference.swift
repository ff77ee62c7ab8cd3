import CFCDiagnostics
import CFCSupport

/// The rule catalog as documentation: `docs/rules.md`, `cfc explain`, and the rule list.
/// Generated from the rules' descriptions, so the docs and the checks cannot disagree.
public enum RulesReference {
    /// `docs/rules.md`.
    public static func markdown() -> String {
        var text = """
            # cfc rules

            <!-- GENERATED FILE. DO NOT EDIT! Generated from Sources/Checks/Rules;
                 regenerate with: UPDATE_GOLDENS=1 swift test --filter RulesReferenceTests -->

            `cfc check` and `cfc compile` run every rule below. Each has a permanent id. Errors stop
            `cfc compile` from writing anything; warnings do too with `--warnings-as-errors`
            (`cfc check`); notes are shown by `cfc check` only.

            **Suppressing a finding**: list the rule id under `ignore:` on the distribution, or on the
            cache behavior the finding is about:

            ```yaml
            cache-behaviors:
              - path-pattern: /feeds/*
                viewer-protocol-policy: allow-all
                ignore: [https.allow_all_without_policy]   # say why in a comment
            ```

            A suppressed finding is still reported as suppressed in `--format json` and `--format sarif`
            output, never silently dropped; an `ignore:` entry that names no rule is itself a warning.


            """
        for category in RuleCategory.allCases {
            let rules = descriptions.filter { $0.category == category }
            guard !rules.isEmpty else { continue }
            text += "## \(category.title)\n\n| Rule | Severity | What it flags |\n| --- | --- | --- |\n"
            for rule in rules {
                text += "| [`\(rule.id.rawValue)`](#\(anchor(rule))) | \(rule.severity.rawValue) | \(rule.summary) |\n"
            }
            text += "\n"
        }
        for rule in descriptions {
            text += "### \(rule.id.rawValue)\n\n"
            text += "**\(rule.name)** (\(rule.severity.rawValue)). \(rule.summary)\n\n"
            text += rule.rationale + "\n\n"
            text += "Fix: \(rule.fix)\n\n"
            text += "Source" + (rule.sources.count > 1 ? "s" : "") + ": " + rule.sources.joined(separator: ", ") + "\n\n"
            if let failing = rule.failingExamples.first {
                text += "Flagged:\n\n```yaml\n" + example(failing) + "```\n\n"
            }
            if let passing = rule.passingExamples.first {
                text += "Accepted:\n\n```yaml\n" + example(passing) + "```\n\n"
            }
            text += "Suppress: \(rule.suppression).\n\n"
        }
        return text
    }

    /// What `cfc explain ID` prints: a rule's documentation, or what a diagnostic of reading,
    /// lowering or a command means.
    public static func explain(_ id: String) -> String? {
        if let entry = FrontEndDiagnostics.entry(id) {
            return "\(entry.id)\n\n\(entry.meaning)\n\nFix: \(entry.fix)\n\n"
                + "Not a rule of the checks: it is reported when an input cannot be read as a config or a command cannot do its work, and no ignore: entry silences it.\n"
        }
        guard let rule = descriptions.first(where: { $0.id.rawValue == id }) else { return nil }
        var text = "\(rule.id.rawValue): \(rule.name) (\(rule.severity.rawValue))\n\n\(rule.summary)\n\n\(rule.rationale)\n\n"
        text += "Fix: \(rule.fix)\n\n"
        text += "Sources:\n" + rule.sources.map { "  \($0)\n" }.joined()
        if let failing = rule.failingExamples.first { text += "\nFlagged:\n" + indented(example(failing)) }
        if let passing = rule.passingExamples.first { text += "\nAccepted:\n" + indented(example(passing)) }
        text += "\nSuppress: \(rule.suppression).\n"
        return text
    }

    /// The known ids closest to `id`, for "did you mean": a rule or diagnostic id within a few
    /// edits, or those that share its category or name (`require_http` finds
    /// `https.require_https`).
    public static func suggestions(for id: String) -> [String] {
        let known = descriptions.map(\.id.rawValue) + FrontEndDiagnostics.entries.map(\.id)
        if let close = Suggestions.closest(to: id, in: known) { return [close] }
        let name = id.split(separator: ".").last.map(String.init) ?? id
        let byName = known.filter { candidate in
            let candidateName = candidate.split(separator: ".").last.map(String.init) ?? candidate
            return Suggestions.closest(to: name, in: [candidateName]) != nil || candidateName.contains(name) && name.count >= 4
        }
        return Array(byName.prefix(3))
    }

    /// One line per rule.
    public static func list() -> String {
        let width = descriptions.map(\.id.rawValue.count).max() ?? 0
        return descriptions.map { rule in
            rule.id.rawValue + String(repeating: " ", count: width - rule.id.rawValue.count + 2)
                + rule.severity.rawValue.padding(7) + "  " + rule.summary + "\n"
        }.joined()
    }

    static var descriptions: [RuleDescription] { RuleRegistry.rules.map { type(of: $0).description } }

    static func anchor(_ rule: RuleDescription) -> String {
        rule.id.rawValue.filter { $0 != "." }
    }

    /// An example body as a whole file, markers removed.
    static func example(_ body: String) -> String {
        // A rule about several distributions gives its examples as whole files.
        if body.hasPrefix("version: 1\n") { return body.replacing("↓", with: "") }
        let lines = body.replacing("↓", with: "").split(separator: "\n", omittingEmptySubsequences: false)
        return "version: 1\ndistributions:\n  site:\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
