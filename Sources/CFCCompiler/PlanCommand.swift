import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

/// What `cfc plan` and `cfc diff` do: read both sides, pair their distributions by name, and
/// compare them.
public enum PlanCommand {
    /// What a plan run asks for.
    public struct Request: Sendable {
        /// The previous config, if any (nothing previous: everything is created).
        public var previous: String?
        /// The new cfc YAML file.
        public var new: String
        /// The distribution to plan, or nil for all.
        public var distribution: String?
        /// The distribution id for the apply commands.
        public var distributionID: String?
        /// A file listing changed object paths, one per line.
        public var changedPaths: String?
        /// Limits and prices.
        public var budget = InvalidationBudget()

        /// Creates a request.
        public init(previous: String?, new: String) {
            self.previous = previous
            self.new = new
        }
    }

    /// The outcome of a plan run.
    public struct Outcome: Sendable {
        /// The plan, when both sides were read.
        public var plan: Plan?
        /// The files to write with `--output`: documents, batches and `plan.json`.
        public var documents: [EmittedDocument]
        /// Problems.
        public var diagnostics: [Diagnostic]
        /// The files read, for rendering diagnostics.
        public var sources: [SourceFile]
    }

    /// Builds the plan.
    public static func run(_ request: Request, options: CompileOptions = CompileOptions()) -> Outcome {
        let sink = DiagnosticCollector()
        var sources: [SourceFile] = []
        // The new side is compiled with every check: a plan is for configs that would compile.
        var checkOptions = options
        checkOptions.formats = []
        let compiled = Pipeline().compile(path: request.new, options: checkOptions)
        for diagnostic in compiled.diagnostics where diagnostic.severity != .note { sink.emit(diagnostic) }
        if let source = compiled.source { sources.append(source) }
        guard !compiled.hasErrors, var newDistributions = compiled.model?.distributions else {
            return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
        }
        if let name = request.distribution {
            newDistributions = newDistributions.filter { $0.name == name }
            if newDistributions.isEmpty {
                sink.emit(Diagnostic(id: "plan.distribution", severity: .error, summary: "'\(request.new)' has no distribution named '\(name)'", file: request.new))
                return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
            }
        }

        var previous: ConfigInput? = nil
        if let path = request.previous {
            let name = request.distribution ?? (newDistributions.count == 1 ? newDistributions[0].name : ConfigInput.stem(of: path))
            previous = ConfigInput.read(path, name: name, options: options, sink: sink)
            if let source = previous?.source { sources.append(source) }
            if previous == nil { return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources) }
        }

        var changedPaths: [String] = []
        if let path = request.changedPaths {
            do {
                let text = String(decoding: try FileIO.read(path), as: UTF8.self)
                changedPaths = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingSpaces() }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            } catch {
                sink.emit(CompilerMessages.unreadable(error))
                return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
            }
        }

        var entries: [Plan.Entry] = []
        var documents: [EmittedDocument] = []
        for distribution in newDistributions {
            var sent = distribution
            let before = previous?.distributions.first { $0.name == distribution.name }
            let action: Plan.Entry.Action
            var changes: [ConfigChange] = []
            var invalidation = InvalidationPlan(entries: [], widenings: [])
            if let before {
                // CloudFront does not let an update change the caller reference: keep the live one.
                sent.config.callerReference = before.config.callerReference
                changes = SemanticDiff.compare(old: before.config, new: sent.config)
                invalidation = InvalidationPlanner.plan(
                    old: APINormalization.normalize(before.config), new: APINormalization.normalize(sent.config),
                    changedPaths: changedPaths, budget: request.budget)
                action = changes.isEmpty ? .unchanged : .update
            } else {
                action = .create
            }
            let document = emitDistributionConfig(sent)
            let json = JSONPrinter.print(document)
            let reference = Plan.invalidationCallerReference(name: distribution.name, paths: invalidation.paths, configJSON: json)
            let entry = Plan.Entry(
                distribution: sent, action: action, etag: previous?.etags[distribution.name], changes: changes,
                invalidation: invalidation, invalidationCallerReference: reference)
            entries.append(entry)
            documents.append(EmittedDocument(logicalPath: "\(distribution.name).distribution.json", mediaType: "application/json",
                                             distributionName: distribution.name, bytes: json))
            documents.append(EmittedDocument(logicalPath: "\(distribution.name).distribution.xml", mediaType: "application/xml",
                                             distributionName: distribution.name, bytes: XMLPrinter.print(document)))
            if !invalidation.isEmpty {
                let batch = Plan.invalidationBatch(entry)
                documents.append(EmittedDocument(logicalPath: "\(distribution.name).invalidation.json", mediaType: "application/json",
                                                 distributionName: distribution.name, bytes: JSONPrinter.print(batch)))
                documents.append(EmittedDocument(logicalPath: "\(distribution.name).invalidation.xml", mediaType: "application/xml",
                                                 distributionName: distribution.name, bytes: XMLPrinter.print(batch)))
            }
        }
        for old in previous?.distributions ?? [] where !newDistributions.contains(where: { $0.name == old.name }) && request.distribution == nil {
            sink.emit(Diagnostic(
                id: "plan.absent_distribution", severity: .warning,
                summary: "distribution '\(old.name)' is in the previous config but not in the new one; cfc never deletes distributions",
                hint: "disable and delete it with the aws CLI if that is intended", file: request.previous))
        }
        let plan = Plan(entries: entries, budget: request.budget, distributionID: request.distributionID)
        documents.append(EmittedDocument(logicalPath: "plan.json", mediaType: "application/json", distributionName: "", bytes: plan.renderJSON()))
        return Outcome(plan: plan, documents: documents, diagnostics: sink.diagnostics, sources: sources)
    }
}

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
        /// Whether the sides differ.
        public var differ: Bool { !added.isEmpty || !removed.isEmpty || changes.contains { !$0.changes.isEmpty } }
    }

    /// Compares two configs (any mix of YAML, API JSON and API XML).
    public static func run(old: String, new: String, distribution: String?, options: CompileOptions = CompileOptions()) -> Outcome {
        let sink = DiagnosticCollector()
        let defaultName = distribution ?? ConfigInput.stem(of: new)
        let newSide = ConfigInput.read(new, name: defaultName, options: options, sink: sink)
        let newName = distribution ?? (newSide?.distributions.count == 1 ? newSide?.distributions.first?.name : nil) ?? defaultName
        let oldSide = ConfigInput.read(old, name: newName, options: options, sink: sink)
        let sources = [oldSide?.source, newSide?.source].compactMap { $0 }
        guard var oldSide, var newSide else {
            return Outcome(changes: [], added: [], removed: [], diagnostics: sink.diagnostics, sources: sources)
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
            changes.append((distribution.name, SemanticDiff.compare(old: before.config, new: distribution.config)))
        }
        let added = newSide.distributions.map(\.name).filter { name in !oldSide.distributions.contains { $0.name == name } }
        let removed = oldSide.distributions.map(\.name).filter { name in !newSide.distributions.contains { $0.name == name } }
        return Outcome(changes: changes, added: added, removed: removed, diagnostics: sink.diagnostics, sources: sources)
    }

    /// The diff as text; colours when asked.
    public static func renderText(_ outcome: Outcome, colors: Bool) -> [UInt8] {
        func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text }
        var text = ""
        for name in outcome.added { text += paint("+ distribution \(name): only in the new config", "32") + "\n" }
        for name in outcome.removed { text += paint("- distribution \(name): only in the old config", "31") + "\n" }
        for (name, changes) in outcome.changes where !changes.isEmpty {
            text += "distribution \(name):\n"
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
            "distributions": .array(outcome.changes.map { entry in
                .inlineObject(["name": .string(entry.name), "changes": .array(entry.changes.map(\.json))])
            }),
            "added": .inlineArray(outcome.added.map { .string($0) }),
            "removed": .inlineArray(outcome.removed.map { .string($0) }),
        ]).rendered()
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
