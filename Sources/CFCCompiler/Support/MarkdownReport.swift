import CFCDiagnostics
import CFCSupport
import DistributionIR
import Planning

/// Plans, diffs and drift reports as Markdown for a pull-request comment: a summary table, one
/// collapsible section per distribution, and the invalidation with its reasons and cost.
///
/// Everything from the configs (names, values, paths) is escaped, so a value cannot close a
/// table, start HTML or mention someone; and the comment stays under GitHub's 65,536-character
/// limit, sections beyond it replaced by a note saying how many were left out.
public enum MarkdownReport {
    /// GitHub's limit on a comment's body, in characters.
    public static let commentLimit = 65_536

    /// `cfc plan --format markdown`.
    public static func plan(_ plan: Plan) -> [UInt8] {
        var summary = "### cfc plan\n\n| Distribution | Action | Changes | Invalidation |\n| --- | --- | --- | --- |\n"
        var sections: [String] = []
        for entry in plan.entries {
            let cost = plan.cost(of: entry)
            let invalidation =
                entry.invalidation.isEmpty
                ? "none"
                : "\(cost.paths) path\(cost.paths == 1 ? "" : "s") (\(cost.billable) billable, USD \(plan.formatUSD(cost.usd)))"
            summary += "| \(cell(entry.distribution.name)) | \(entry.action.rawValue) | \(entry.changes.count) | \(invalidation) |\n"
            guard entry.action != .unchanged || !entry.invalidation.isEmpty else { continue }
            var section =
                "<details><summary>\(inline(entry.distribution.name)): \(entry.action.rawValue)"
                + " (\(entry.changes.count) change\(entry.changes.count == 1 ? "" : "s"))</summary>\n\n"
            section += changeTable(entry.changes)
            if !entry.invalidation.isEmpty {
                section += "\nInvalidation after the deployment:\n\n| Path | Why |\n| --- | --- |\n"
                for item in entry.invalidation.entries {
                    section += "| \(code(item.path)) | \(cell(item.reasons.joined(separator: "; "))) |\n"
                }
            }
            section += "\n</details>\n"
            sections.append(section)
        }
        return assemble(summary, sections)
    }

    /// `cfc diff --format markdown`.
    public static func diff(_ outcome: DiffCommand.Outcome) -> [UInt8] {
        var summary = "### cfc diff\n\n| Distribution | Changes |\n| --- | --- |\n"
        var sections: [String] = []
        for name in outcome.added { summary += "| \(cell(name)) | only in the new config |\n" }
        for name in outcome.removed { summary += "| \(cell(name)) | only in the old config |\n" }
        for (name, changes) in outcome.changes {
            summary += "| \(cell(name)) | \(changes.isEmpty ? "none" : String(changes.count)) |\n"
            guard !changes.isEmpty else { continue }
            sections.append(
                "<details><summary>\(inline(name)) (\(changes.count) change\(changes.count == 1 ? "" : "s"))</summary>\n\n"
                    + changeTable(changes) + "\n</details>\n")
        }
        return assemble(summary, sections)
    }

    /// `cfc drift --format markdown`.
    public static func drift(_ outcome: DriftCommand.Outcome) -> [UInt8] {
        var summary = "### cfc drift\n\n| Distribution | Id | Status |\n| --- | --- | --- |\n"
        var sections: [String] = []
        for entry in outcome.entries {
            summary += "| \(cell(entry.name)) | \(entry.id.map(code) ?? "") | \(entry.status.rawValue) |\n"
            guard entry.status == .drifted else { continue }
            sections.append(
                "<details><summary>\(inline(entry.name)): what applying the config would change</summary>\n\n"
                    + changeTable(entry.changes) + "\n</details>\n")
        }
        if !outcome.companions.isEmpty {
            summary += "\n| Companion | Id | Status |\n| --- | --- | --- |\n"
            for finding in outcome.companions {
                summary +=
                    "| \(cell("\(finding.kind.noun) \(finding.name)")) | \(finding.id.map(code) ?? "") | \(finding.status.rawValue) |\n"
            }
        }
        return assemble(summary, sections)
    }

    static func changeTable(_ changes: [ConfigChange]) -> String {
        var table = "| Member | Change |\n| --- | --- |\n"
        for change in changes {
            let what: String
            switch change.kind {
            case .modified where change.isSensitiveChange: what = "(sensitive value changed)"
            case .modified(let old, let new): what = "\(code(old)) → \(code(new))"
            case .added(let value): what = "added \(code(value))"
            case .removed(let value): what = "removed (was \(code(value)))"
            case .moved(let from, let to): what = "moved from position \(from) to \(to)"
            }
            table += "| \(code(change.path)) | \(what) |\n"
        }
        return table
    }

    /// The summary, then as many whole sections as fit under the limit, then a note.
    static func assemble(_ summary: String, _ sections: [String]) -> [UInt8] {
        var text = summary + "\n"
        let reserve = 200
        var left = 0
        for (index, section) in sections.enumerated() {
            if text.count + section.count + reserve > commentLimit {
                left = sections.count - index
                break
            }
            text += section + "\n"
        }
        if left > 0 {
            text +=
                "_\(left) more section\(left == 1 ? " is" : "s are") left out to stay within GitHub's comment limit; run the command locally for the rest._\n"
        }
        return Array(text.utf8)
    }

    /// The HTML escapes every context needs; a value from the files is also made visible
    /// (`VisibleText`), so no control character or line break survives.
    private static let html: [Unicode.Scalar: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;"]

    /// Text for a table cell: no table or HTML syntax, no emphasis or links, no mentions.
    static func cell(_ text: String) -> String { escaped(text, cellEscapes) }
    private static let cellEscapes = html.merging([
        "|": "\\|", "@": "@\u{200B}", "`": "\\`", "*": "\\*", "_": "\\_",
        "[": "\\[", "]": "\\]", "\\": "\\\\",
    ]) { $1 }

    /// Text inside `<summary>`: HTML-escaped, no mentions.
    static func inline(_ text: String) -> String { escaped(text, inlineEscapes) }
    private static let inlineEscapes = html.merging(["@": "@\u{200B}"]) { $1 }

    /// A value as inline code: in a table cell, `<code>` with HTML escapes, since backticks
    /// inside a value cannot be escaped in a code span and a pipe would end the cell (inside
    /// code a mention does not notify).
    static func code(_ text: String) -> String { "<code>" + escaped(text, codeEscapes) + "</code>" }
    private static let codeEscapes = html.merging(["|": "&#124;"]) { $1 }

    private static func escaped(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in VisibleText.escaped(text).unicodeScalars {
            if let replacement = replacements[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
