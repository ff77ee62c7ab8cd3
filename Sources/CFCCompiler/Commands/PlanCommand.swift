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
        /// The state file (default: `cfc-state.json` beside the new config; it need not exist
        /// unless named here).
        public var statePath: String? = nil
        /// Without `previous`: read the live config (and its ETag) of each distribution the state
        /// lists with this aws CLI (`--refresh`), instead of refusing to plan it.
        public var refreshWith: AWSCLI? = nil

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
        /// The state file the plan was made against (it need not exist).
        public var statePath: String? = nil
        /// Values no output may show.
        public var sensitiveValues: [String] = []
    }

    /// How `plan` and `diff` print their result on standard output.
    public enum OutputFormat: String, Sendable, CaseIterable {
        /// For people.
        case text
        /// For tools: one JSON document.
        case json
        /// For a pull-request comment (`MarkdownReport`).
        case markdown
    }

    /// Builds the plan, writes its files into `output` (all or none) when given, and prints it.
    /// Exit status as Terraform's `-detailed-exitcode`: 0 nothing to do, 2 changes planned,
    /// 1 an error.
    public static func execute(_ request: Request, output: String?, format: OutputFormat, options: CompileOptions) -> CommandResult {
        let outcome = run(request, options: options)
        var result = CommandResult(diagnostics: outcome.diagnostics, sources: outcome.sources, exitStatus: .failure)
        result.sensitiveValues = outcome.sensitiveValues
        guard var plan = outcome.plan else { return result }
        var privateFiles: [String] = []
        if let output {
            // The commands name the documents where they are written, and plan.json names the
            // state file from there, so both work from any directory (`cfc apply PLAN-DIR`).
            guard let directory = FilePaths.absolute(output), let statePath = outcome.statePath.flatMap({ FilePaths.absolute($0) }) else {
                result.diagnostics.append(
                    Diagnostic(
                        id: "io.write", severity: .error,
                        summary: "the working directory cannot be named, so the plan's paths cannot be"))
                return result
            }
            plan.documentDirectory = directory
            plan.stateFile = FilePaths.relative(from: directory, to: statePath)
            var documents = outcome.documents
            documents.append(
                EmittedDocument(logicalPath: "plan.json", mediaType: "application/json", distributionName: "", bytes: plan.renderJSON()))
            do {
                try OutputWriting.write(documents, to: output)
            } catch {
                result.diagnostics.append(OutputWriting.writeFailure(error))
                return result
            }
            privateFiles = documents.filter(\.isPrivate).map(\.logicalPath)
        }
        // Whoever reads the plan should know which files in its directory hold secrets (plan.json
        // and the JSON output are for tools, and list every file by its digest).
        let privateNote =
            privateFiles.isEmpty
            ? ""
            : "\nWritten readable by their owner only (mode 0600), since they hold sensitive values: "
                + privateFiles.joined(separator: ", ") + "\n"
        switch format {
        case .text: result.standardOutput = plan.renderText() + Array(privateNote.utf8)
        case .json: result.standardOutput = plan.renderJSON()
        case .markdown: result.standardOutput = MarkdownReport.plan(plan) + Array(privateNote.utf8)
        }
        result.exitStatus = plan.hasChanges ? .changesPlanned : .success
        return result
    }

    /// Builds the plan.
    public static func run(_ request: Request, options: CompileOptions = CompileOptions()) -> Outcome {
        let sink = DiagnosticCollector()
        var sources: [SourceFile] = []
        // Which distributions and companions exist, and their ids: a distribution the state
        // knows is never planned as a create (that would make a second one), and a reference
        // to a companion by name lowers to the id recorded.
        let statePath = StateFile.path(forConfigs: [request.new], explicit: request.statePath, environment: options.environment)
        guard let state = StateFile.read(statePath, mustExist: request.statePath != nil, options: options, sink: sink) else {
            return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
        }
        // The new side is compiled with every check: a plan is for configs that would compile.
        var checkOptions = options
        checkOptions.formats = []
        checkOptions.companionIDs = state.companionIDs
        let compiled = Pipeline().compile(path: request.new, options: checkOptions)
        for diagnostic in compiled.diagnostics where diagnostic.severity != .note { sink.emit(diagnostic) }
        sources += compiled.sources
        guard !compiled.hasErrors, var newDistributions = compiled.model?.distributions else {
            return Outcome(
                plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources, sensitiveValues: compiled.sensitiveValues)
        }
        if let name = request.distribution {
            newDistributions = newDistributions.filter { $0.name == name }
            if newDistributions.isEmpty {
                sink.emit(
                    Diagnostic(
                        id: "plan.distribution", severity: .error, summary: "'\(request.new)' has no distribution named '\(name)'",
                        file: request.new))
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
            guard let file = SourceInput.read(path, options: options, sink: sink) else {
                return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
            }
            changedPaths = String(decoding: file.bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }

        var entries: [Plan.Entry] = []
        var documents: [EmittedDocument] = []
        var livesSeen: [Distribution] = []
        for distribution in newDistributions {
            func place(_ distribution: Distribution) -> SourceRange? { compiled.locator?.keyRange(of: distribution.path) }
            var before = previous?.distributions.first { $0.name == distribution.name }
            var liveETag = previous?.etags[distribution.name]
            if before == nil, let aws = request.refreshWith, let record = state.distributions[distribution.name] {
                do {
                    guard let live = try aws.liveConfig(id: record.id, name: distribution.name, sink: sink) else { continue }
                    before = live.distribution
                    livesSeen.append(live.distribution)
                    liveETag = live.etag
                } catch {
                    sink.emit(DriftMessages.awsFailed(distribution.name, id: record.id, error, at: place(distribution)))
                    continue
                }
            }
            let known = state.distributions[distribution.name]
            let carried = previous?.identities[distribution.name]?.id
            if let known, let carried, known.id != carried {
                sink.emit(
                    PlanMessages.stateMismatch(
                        distribution.name, state: known.id, previous: carried,
                        file: request.previous ?? request.new, at: place(distribution)))
                continue
            }
            if before == nil, let known {
                sink.emit(PlanMessages.needsLiveConfig(distribution.name, id: known.id, file: request.new, at: place(distribution)))
                continue
            }
            let distributionID = request.distributionID ?? carried ?? known?.id
            var (entry, document, configJSON) = planEntry(
                distribution, live: before, etag: liveETag, distributionID: distributionID,
                changedPaths: changedPaths, budget: request.budget)
            // An invalidation an interrupted apply still owes this distribution is part of the plan.
            if let known, known.id == distributionID {
                entry = PendingInvalidations.carry(known.pendingInvalidation, into: entry, configJSON: configJSON, budget: request.budget)
            }
            entry.stateID = known?.id
            entry.documentSHA256 = SHA256.hex(configJSON)
            // Every format for each document, named and typed by the format.
            let batch = entry.invalidation.isEmpty ? nil : Plan.invalidationBatch(entry)
            for format in DocumentFormat.all {
                documents.append(
                    EmittedDocument(
                        logicalPath: format.logicalPath(forDistribution: distribution.name),
                        mediaType: format.mediaType, distributionName: distribution.name,
                        bytes: format == .json ? configJSON : format.print(document),
                        isPrivate: distribution.config.holdsSensitiveValues))
            }
            // What the plan was made against, so that `cfc apply PLAN-DIR` can name what changed since.
            if let before {
                documents.append(
                    EmittedDocument(
                        logicalPath: "\(distribution.name).planned-against.json", mediaType: DocumentFormat.json.mediaType,
                        distributionName: distribution.name,
                        bytes: DocumentFormat.json.print(emitDistributionConfig(before)),
                        isPrivate: before.config.holdsSensitiveValues))
            }
            for format in DocumentFormat.all {
                guard let batch else { break }
                let bytes = format.print(batch)
                if format == .json { entry.invalidationBatchSHA256 = SHA256.hex(bytes) }
                documents.append(
                    EmittedDocument(
                        logicalPath: "\(distribution.name).invalidation.\(format.fileExtension)",
                        mediaType: format.mediaType, distributionName: distribution.name, bytes: bytes))
            }
            entries.append(entry)
        }
        for old in previous?.distributions ?? []
        where !newDistributions.contains(where: { $0.name == old.name }) && request.distribution == nil {
            sink.emit(
                Diagnostic(
                    id: "plan.absent_distribution", severity: .warning,
                    summary: "distribution '\(old.name)' is in the previous config but not in the new one; cfc never deletes distributions",
                    hint: "disable and delete it with the aws CLI if that is intended", file: request.previous))
        }
        guard !sink.diagnostics.containsErrors else {
            return Outcome(plan: nil, documents: [], diagnostics: sink.diagnostics, sources: sources)
        }
        var plan = Plan(entries: entries, budget: request.budget, distributionID: request.distributionID)
        // The companions the configs declare, and the ones the state lists that they no longer
        // do (left alone while one distribution is planned on its own).
        let companionItems = CompanionPlanning.plan(compiled.model?.companions ?? [], state: state)
            .filter { request.distribution == nil || $0.entry.action != .delete }
        plan.companions = companionItems.map(\.entry)
        documents += CompanionPlanning.documents(companionItems)
        // The live side's sensitive values too: a header value that is being replaced.
        let sensitiveValues =
            compiled.sensitiveValues + (previous?.sensitiveValues ?? []) + livesSeen.flatMap(\.config.sensitiveValues)
        return Outcome(
            plan: plan, documents: documents, diagnostics: sink.diagnostics, sources: sources, statePath: statePath,
            sensitiveValues: sensitiveValues)
    }

    /// The plan for one distribution: update against its `live` config (with `etag`), or a
    /// create when there is none. Shared by `plan` (live from `--previous`) and `apply` (live
    /// read with the aws CLI), so both decide the same changes, documents and invalidation.
    ///
    /// - Returns: the entry, the document to send, and its JSON (whose bytes the invalidation's
    ///   caller reference and the state's digest hash).
    public static func planEntry(
        _ distribution: Distribution, live before: Distribution?, etag: String?, distributionID: String?,
        changedPaths: [String] = [], budget: InvalidationBudget = InvalidationBudget()
    ) -> (entry: Plan.Entry, document: APIDocument, configJSON: [UInt8]) {
        var sent = distribution
        let action: Plan.Entry.Action
        var changes: [ConfigChange] = []
        var invalidation = InvalidationPlan(entries: [], widenings: [])
        if let before {
            // CloudFront does not let an update change the caller reference: keep the live one.
            sent.config.callerReference = before.config.callerReference
            // An update that leaves ContinuousDeploymentPolicyId out keeps the attached policy
            // (CloudFront takes the absent member as "no change"); only an empty one detaches
            // it. So when the live distribution has a policy and the config has none, the
            // update says "" explicitly. (AWS documents no other way; reported in
            // aws/aws-sdk-js-v3#7417 and hashicorp/terraform-provider-aws#34511.)
            if let live = before.config.continuousDeploymentPolicyId, !live.isEmpty,
                sent.config.continuousDeploymentPolicyId == nil
            {
                sent.config.continuousDeploymentPolicyId = ""
            }
            changes = SemanticDiff.compare(old: before.config, new: sent.config)
            invalidation = InvalidationPlanner.plan(
                old: APINormalization.normalize(before.config), new: APINormalization.normalize(sent.config),
                changedPaths: changedPaths, budget: budget)
            action = changes.isEmpty ? .unchanged : .update
        } else {
            action = .create
        }
        let document = emitDistributionConfig(sent)
        // The caller reference hashes the JSON the update sends, whatever formats are written.
        let configJSON = DocumentFormat.json.print(document)
        let reference = Plan.invalidationCallerReference(name: distribution.name, paths: invalidation.paths, configJSON: configJSON)
        var entry = Plan.Entry(
            distribution: sent, action: action, etag: etag, changes: changes,
            invalidation: invalidation, invalidationCallerReference: reference)
        entry.distributionID = distributionID
        entry.liveConfigSHA256 = before.map { StateFile.digest(of: $0.config) }
        return (entry, document, configJSON)
    }
}

/// The plan's messages about the state file, in one place.
enum PlanMessages {
    /// `plan.needs_live_config`: the state knows the distribution, but no live config was given
    /// to compare with; planning a create would make a second distribution.
    static func needsLiveConfig(_ name: String, id: String, file: String, at range: SourceRange?) -> Diagnostic {
        Diagnostic(
            id: "plan.needs_live_config", severity: .error,
            summary: "distribution '\(name)' exists (\(id) in the state file), but no live config was given to plan against",
            hint:
                "read it with --refresh, or pass it with --previous: aws cloudfront get-distribution-config --id \(id) > \(name).live.json",
            range: range, file: file)
    }

    /// `plan.state_mismatch`: the previous config is another distribution than the state says.
    static func stateMismatch(_ name: String, state: String, previous: String, file: String, at range: SourceRange?) -> Diagnostic {
        Diagnostic(
            id: "plan.state_mismatch", severity: .error,
            summary: "the previous config is distribution \(previous), but the state file maps '\(name)' to \(state)",
            hint: "fetch the live config of \(state), or correct the state file if \(state) is gone",
            range: range, file: range == nil ? file : nil)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
