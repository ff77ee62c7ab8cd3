import CFCDiagnostics
import CFCSupport
import DistributionIR
import Planning

/// What `cfc diff` does.
public enum DiffCommand {
    /// The outcome: changes per distribution name.
    public struct Outcome: Sendable {
        /// Changes, per distribution, in the new side's order.
        public var changes: [(name: String, changes: [ConfigChange])]
        /// Distributions on only one side.
        public var added: [String]
        /// Distributions on only the old side.
        public var removed: [String]
        /// Problems.
        public var diagnostics: [Diagnostic]
        /// The files read.
        public var sources: [SourceFile]
        /// Values no output may show.
        public var sensitiveValues: [String] = []
        /// Whether the sides differ.
        public var differ: Bool { !added.isEmpty || !removed.isEmpty || changes.contains { !$0.changes.isEmpty } }
    }

    /// Compares two configs and prints the changes. Exit status as diff(1): 0 the same, 1
    /// different, 2 trouble (then nothing is printed on standard output).
    public static func execute(
        old: String, new: String, distribution: String?, format: PlanCommand.OutputFormat, colors: Bool, options: CompileOptions,
        environments: (old: String?, new: String?)? = nil
    ) -> CommandResult {
        let outcome = run(old: old, new: new, distribution: distribution, options: options, environments: environments)
        guard !outcome.diagnostics.containsErrors else {
            var result = CommandResult(diagnostics: outcome.diagnostics, sources: outcome.sources, exitStatus: .trouble)
            result.sensitiveValues = outcome.sensitiveValues
            return result
        }
        var result = CommandResult(
            diagnostics: outcome.diagnostics, sources: outcome.sources,
            standardOutput: format == .json
                ? renderJSON(outcome) : format == .markdown ? MarkdownReport.diff(outcome) : renderText(outcome, colors: colors),
            exitStatus: outcome.differ ? .different : .success)
        result.sensitiveValues = outcome.sensitiveValues
        return result
    }

    /// Compares two configs (any mix of YAML, API JSON and API XML). With `environments`, each
    /// side's YAML is read with its own environment's values (`cfc diff --env staging --env prod
    /// FILE` compares one file's two environments); else both with `options.environment`.
    public static func run(
        old: String, new: String, distribution: String?, options: CompileOptions = CompileOptions(),
        environments: (old: String?, new: String?)? = nil
    ) -> Outcome {
        let sink = DiagnosticCollector()
        var oldOptions = options
        var newOptions = options
        if let environments {
            oldOptions.environment = environments.old
            newOptions.environment = environments.new
        }
        let defaultName = distribution ?? ConfigInput.stem(of: new)
        let newSide = ConfigInput.read(new, name: defaultName, options: newOptions, sink: sink)
        let newName = distribution ?? (newSide?.distributions.count == 1 ? newSide?.distributions.first?.name : nil) ?? defaultName
        let oldSide = ConfigInput.read(old, name: newName, options: oldOptions, sink: sink)
        var sources: [SourceFile] = []
        for source in (oldSide?.sources ?? []) + (newSide?.sources ?? []) + [oldSide?.source, newSide?.source].compactMap({ $0 })
        where !sources.contains(where: { $0.path == source.path }) {
            sources.append(source)
        }
        let sensitiveValues = (oldSide?.sensitiveValues ?? []) + (newSide?.sensitiveValues ?? [])
        guard var oldSide, var newSide else {
            return Outcome(
                changes: [], added: [], removed: [], diagnostics: sink.diagnostics, sources: sources, sensitiveValues: sensitiveValues)
        }
        if let distribution {
            oldSide.distributions = oldSide.distributions.filter { $0.name == distribution }
            newSide.distributions = newSide.distributions.filter { $0.name == distribution }
        }
        // One API document on a side pairs with the only distribution of the other.
        if oldSide.distributions.count == 1, newSide.distributions.count == 1 {
            oldSide.distributions[0].name = newSide.distributions[0].name
        }
        var changes: [(String, [ConfigChange])] = []
        for distribution in newSide.distributions {
            guard let before = oldSide.distributions.first(where: { $0.name == distribution.name }) else { continue }
            changes.append((distribution.name, SemanticDiff.compare(old: before, new: distribution)))
        }
        let added = newSide.distributions.map(\.name).filter { name in !oldSide.distributions.contains { $0.name == name } }
        let removed = oldSide.distributions.map(\.name).filter { name in !newSide.distributions.contains { $0.name == name } }
        return Outcome(
            changes: changes, added: added, removed: removed, diagnostics: sink.diagnostics, sources: sources,
            sensitiveValues: sensitiveValues)
    }

    /// The diff as text; colours when asked.
    public static func renderText(_ outcome: Outcome, colors: Bool) -> [UInt8] {
        // What comes from the files is escaped before it is painted, so that only the colours'
        // own sequences reach the terminal.
        func paint(_ text: String, _ code: String) -> String {
            let shown = VisibleText.escaped(text)
            return colors ? "\u{1B}[\(code)m" + shown + "\u{1B}[0m" : shown
        }
        var text = ""
        for name in outcome.added { text += paint("+ distribution \(name): only in the new config", "32") + "\n" }
        for name in outcome.removed { text += paint("- distribution \(name): only in the old config", "31") + "\n" }
        for (name, changes) in outcome.changes where !changes.isEmpty {
            text += "distribution \(VisibleText.escaped(name)):\n"
            for change in changes {
                switch change.kind {
                case .added: text += paint("  + " + change.text, "32") + "\n"
                case .removed: text += paint("  - " + change.text, "31") + "\n"
                case .modified: text += paint("  ~ " + change.text, "33") + "\n"
                case .moved: text += paint("  ↕ " + change.text, "36") + "\n"
                }
            }
        }
        return Array(text.utf8)
    }

    /// The diff as JSON: `{"distributions": [{"name": …, "changes": [{"path", "kind", …}]}], "added": […], "removed": […]}`.
    public static func renderJSON(_ outcome: Outcome) -> [UInt8] {
        JSONValue.object([
            "distributions": .array(
                outcome.changes.map { entry in
                    .inlineObject(["name": .string(entry.name), "changes": .array(entry.changes.map(\.json))])
                }),
            "added": .inlineArray(outcome.added.map { .string($0) }),
            "removed": .inlineArray(outcome.removed.map { .string($0) }),
        ]).rendered()
    }
}
