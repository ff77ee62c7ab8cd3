import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `cfc apply` does: plan every distribution of the configs against its live config (read
/// with the aws CLI for those the state file lists), show the plan, and, once confirmed, carry
/// it out through the real aws CLI: create or update (with `--if-match`), record the result in
/// the state file at once, wait until the distribution is deployed, and only then invalidate.
/// Given a directory written by `cfc plan --output` instead of configs, it applies that plan
/// exactly as reviewed (`SavedPlan`), refusing it if anything it was made against has changed.
///
/// Every step is printed as it runs; on a failure the run stops, says what was done and what
/// was not, and a second run continues from the state the first left: a create records its id
/// before anything else happens (and its caller reference finds it again if the run is killed
/// before that), and an invalidation is recorded as owed before the update it follows is sent,
/// until CloudFront has it.
public enum ApplyCommand {
    /// What an apply run is asked to do.
    public struct Request: Sendable {
        /// The cfc YAML files, or one directory written by `cfc plan --output`.
        public var paths: [String]
        /// The state file, when not the default beside the first file (or the one the plan names).
        public var statePath: String? = nil
        /// Apply without asking.
        public var assumeYes = false
        /// Whether a person can be asked (standard input is a terminal).
        public var canAsk = false
        /// Do not wait for deployment (and so do not invalidate yet: an invalidation made before
        /// the new config is deployed can be refilled from the old origin; it stays owed).
        public var noWait = false
        /// After creating an invalidation, wait until CloudFront has completed it.
        public var waitForInvalidations = false
        /// Seconds to wait for a distribution to deploy (or an invalidation to complete).
        public var waitTimeoutSeconds: Double = 3600
        /// Seconds between status polls while waiting.
        public var pollSeconds: Double = 15
        /// Limits and prices of invalidations.
        public var budget = InvalidationBudget()
        /// Delete distributions the state file lists that no config has any more (disable,
        /// wait, delete); without it they are only reported.
        public var allowDelete = false
        /// Apply even where the live config changed outside cfc since cfc last applied it
        /// (its ETag is not the one recorded): the config then overwrites that change.
        public var overwriteDrift = false

        /// Creates a request.
        public init(paths: [String]) { self.paths = paths }
    }

    /// One distribution's share of the work.
    struct Step {
        /// What to do.
        var entry: Plan.Entry
        /// The config document to send.
        var configJSON: [UInt8]
        /// The invalidation batch to send, when it was reviewed as a file; else rendered from the entry.
        var batchJSON: [UInt8]? = nil
        /// Where the distribution is named (a config, or the plan's plan.json).
        var place: SourceRange?
        /// From a reviewed plan: a create found already made must match it, never be re-planned.
        var reviewed = false
    }

    /// The work of a run, before anything is changed.
    struct Work {
        var steps: [Step] = []
        var state = StateFile()
        var statePath = StateFile.defaultFileName
        /// Distributions to delete (only with `--allow-delete`), and the ones merely reported.
        var deletions: [String] = []
        var orphans: [String] = []
        /// Companions the state lists that no config declares, kept because `--allow-delete`
        /// was not given: several configs may share a state file, and a store's contents or a
        /// key cannot be had back.
        var companionOrphans: [Plan.CompanionEntry] = []

        /// Sets the companions' plan, keeping its deletes out of it unless `allowDelete`.
        mutating func setCompanions(_ items: [CompanionPlanning.Item], allowDelete: Bool) {
            companions = allowDelete ? items : items.filter { $0.entry.action != .delete }
            companionOrphans = allowDelete ? [] : items.map(\.entry).filter { $0.action == .delete }
        }
        var budget = InvalidationBudget()
        /// Values no output may show (the configs' sensitive values).
        var sensitiveValues: [String] = []
        /// Distributions whose live config was found already as planned, and recorded so.
        var recordedAsFound: [String] = []
        /// The companion resources: created and updated before the distributions, deleted after.
        var companions: [CompanionPlanning.Item] = []
        /// Where each declared companion is written, by `kind/name`.
        var companionPlaces: [String: SourceRange] = [:]
    }

    /// Runs an apply, reporting progress to `console` as it happens.
    public static func execute(_ request: Request, aws: AWSCLI?, options: CompileOptions, console: ApplyConsole) -> CommandResult {
        let sink = DiagnosticCollector()
        var sources: [SourceFile] = []
        var sensitiveValues: [String] = []
        func finished(_ status: ExitStatus) -> CommandResult {
            var result = CommandResult(diagnostics: sink.diagnostics, sources: sources, exitStatus: status)
            result.sensitiveValues = sensitiveValues
            return result
        }

        let prepared =
            request.paths.count == 1 && SavedPlan.isPlanDirectory(request.paths[0])
            ? prepareSavedPlan(request, aws: aws, options: options, sink: sink, sources: &sources)
            : prepareFromConfigs(request, aws: aws, options: options, sink: sink, sources: &sources)
        if let prepared {
            sensitiveValues = prepared.sensitiveValues + prepared.steps.flatMap(\.entry.distribution.config.sensitiveValues)
        }
        guard let work = prepared, let aws, !sink.diagnostics.containsErrors else { return finished(.failure) }
        // What apply prints as it goes passes the same redaction as its result: an aws error
        // may quote a header it was sent.
        let redactor = SecretRedactor(sensitiveValues)
        let console = redactor.isEmpty ? console : console.redacting(with: redactor)
        if !work.recordedAsFound.isEmpty {
            do { try work.state.write(to: work.statePath) } catch {
                sink.emit(OutputWriting.writeFailure(error))
                return finished(.failure)
            }
            for name in work.recordedAsFound {
                console.say(
                    "\(name): the live config is already as configured (an earlier run sent it and stopped); recorded in \(work.statePath)\n"
                )
            }
        }

        // The plan, as cfc plan shows it, then what happens to distributions no config has.
        var plan = Plan(entries: work.steps.map(\.entry), budget: work.budget, distributionID: nil)
        plan.companions = work.companions.map(\.entry)
        console.say(String(decoding: plan.renderText(includeCommands: false), as: UTF8.self))
        for name in work.orphans {
            let id = work.state.distributions[name]?.id ?? "?"
            if work.deletions.contains(name) {
                console.line(
                    "distribution \(name) (\(id)): delete (in the state file, in no config; --allow-delete: it is disabled, then deleted)\n",
                    .danger)
            } else {
                console.say("distribution \(name) (\(id)): in the state file but in no config; not deleted (--allow-delete deletes it)\n")
            }
        }
        for entry in work.companionOrphans {
            console.say(
                "\(entry.kind.noun) \(entry.name) (\(entry.id ?? "?")): in the state file but in no config; not deleted (--allow-delete deletes it)\n"
            )
        }
        guard plan.hasChanges || !work.deletions.isEmpty else {
            console.say("nothing to do: every distribution is as configured\n")
            return finished(.success)
        }

        // Consent: --yes, or "yes" from a person; never assumed.
        if !request.assumeYes {
            guard request.canAsk else {
                sink.emit(ApplyMessages.needsConfirmation())
                return finished(.failure)
            }
            let answer = console.ask("Apply these changes to CloudFront? Only 'yes' applies them: ")
            guard answer?.trimmingSpacesAndNewlines() == "yes" else {
                console.say("apply cancelled: nothing was changed\n")
                return finished(.failure)
            }
        }

        var run = Run(aws: aws, request: request, console: console, sink: sink, work: work)
        let steps = work.steps.filter { $0.entry.action != .unchanged || !$0.entry.invalidation.isEmpty }
        // What a failure leaves undone, and how to go on: the same command again.
        var again = ["cfc", "apply"] + request.paths
        if let state = request.statePath { again += ["--state", state] }
        func stop(_ name: String, _ error: any Error, notDone: [String], place: SourceRange?, file: String?) -> CommandResult {
            let progress = ApplyMessages.Progress(done: run.done, notDone: notDone, again: ShellQuoting.commandLine(again))
            sink.emit(ApplyMessages.failed(name, error, progress, at: place, file: file))
            return finished(.failure)
        }
        let companionWrites = work.companions.filter { $0.entry.action == .create || $0.entry.action == .update }
        let companionDeletes = work.companions.map(\.entry).filter { $0.action == .delete }
        func companionOutline(_ entry: Plan.CompanionEntry) -> String { "\(entry.kind.noun) \(entry.name): \(entry.action.rawValue)" }
        func notDone(companionsFrom first: Int) -> [String] {
            companionWrites[first...].map { companionOutline($0.entry) } + steps.map { ApplyMessages.outline($0.entry) }
                + work.deletions.map { "\($0): delete" } + companionDeletes.map(companionOutline)
        }
        // The companions first: the distributions name them by the ids they get.
        for (index, item) in companionWrites.enumerated() {
            do { try run.applyCompanion(item) } catch {
                return stop(
                    "\(item.entry.kind.noun) \(item.entry.name)", error, notDone: notDone(companionsFrom: index),
                    place: work.companionPlaces[item.entry.kind.key + "/" + item.entry.name], file: nil)
            }
        }
        for (index, step) in steps.enumerated() {
            do { try run.carryOut(run.resolved(step)) } catch {
                let notDone =
                    steps[index...].map { ApplyMessages.outline($0.entry) } + work.deletions.map { "\($0): delete" }
                    + companionDeletes.map(companionOutline)
                return stop(step.entry.distribution.name, error, notDone: notDone, place: step.place, file: nil)
            }
        }
        if !work.deletions.isEmpty || !companionDeletes.isEmpty { again.append("--allow-delete") }
        for (index, name) in work.deletions.enumerated() {
            do { try run.delete(name) } catch {
                return stop(
                    name, error, notDone: work.deletions[index...].map { "\($0): delete" } + companionDeletes.map(companionOutline),
                    place: nil, file: run.work.statePath)
            }
        }
        // Last, the companions nothing names any more.
        for (index, entry) in companionDeletes.enumerated() {
            do { try run.deleteCompanion(entry) } catch {
                return stop(
                    "\(entry.kind.noun) \(entry.name)", error, notDone: companionDeletes[index...].map(companionOutline),
                    place: nil, file: run.work.statePath)
            }
        }
        console.say("apply complete\n")
        return finished(.success)
    }

    // MARK: - What to do

    /// The steps for configs: each distribution planned against its live config.
    static func prepareFromConfigs(
        _ request: Request, aws: AWSCLI?, options: CompileOptions, sink: DiagnosticCollector, sources: inout [SourceFile]
    ) -> Work? {
        var work = Work(
            statePath: StateFile.path(forConfigs: request.paths, explicit: request.statePath, environment: options.environment),
            budget: request.budget)
        guard let state = StateFile.read(work.statePath, mustExist: request.statePath != nil, options: options, sink: sink) else {
            return nil
        }
        work.state = state
        // The configs, checked as compile checks them, with the ids of the companions that exist.
        var options = options
        options.companionIDs = state.companionIDs
        let configs = CompiledConfigs(request.paths, options: options, sink: sink)
        work.sensitiveValues = configs.sensitiveValues
        sources = configs.sources
        guard !sink.diagnostics.containsErrors else { return nil }
        work.companionPlaces = configs.companionPlaces
        guard let aws else {
            sink.emit(DriftMessages.noCLI())
            return nil
        }
        for distribution in configs.distributions {
            let place = configs.places[distribution.name]
            guard let record = state.distributions[distribution.name] else {
                let planned = PlanCommand.planEntry(distribution, live: nil, etag: nil, distributionID: nil, budget: request.budget)
                work.steps.append(Step(entry: planned.entry, configJSON: planned.configJSON, place: place))
                continue
            }
            do {
                guard let live = try aws.liveConfig(id: record.id, name: distribution.name, sink: sink) else { return nil }
                let planned = PlanCommand.planEntry(
                    distribution, live: live.distribution, etag: live.etag,
                    distributionID: record.id, budget: request.budget)
                let liveDigest = StateFile.digest(of: live.distribution.config)
                if let recorded = record.configSHA256, liveDigest != recorded {
                    // Changed outside cfc since cfc last applied (or imported) it: refused, unless
                    // asked to overwrite, since applying would silently undo someone's change.
                    if planned.entry.action == .update, !request.overwriteDrift {
                        sink.emit(ApplyMessages.drifted(distribution.name, id: record.id, changes: planned.entry.changes, at: place))
                        continue
                    }
                    // Already what the config says: an earlier run sent it and stopped before
                    // recording it. Recorded now, so that it is not taken for drift later.
                    if planned.entry.action == .unchanged {
                        var refreshed = record
                        refreshed.configSHA256 = liveDigest
                        refreshed.etag = live.etag ?? record.etag
                        work.state.distributions[distribution.name] = refreshed
                        work.recordedAsFound.append(distribution.name)
                    }
                }
                var entry = PendingInvalidations.carry(
                    work.state.distributions[distribution.name]?.pendingInvalidation, into: planned.entry, configJSON: planned.configJSON,
                    budget: request.budget)
                entry.stateID = record.id
                work.steps.append(Step(entry: entry, configJSON: planned.configJSON, place: place))
            } catch {
                sink.emit(DriftMessages.awsFailed(distribution.name, id: record.id, error, at: place))
                return nil
            }
        }
        work.setCompanions(CompanionPlanning.plan(configs.companions, state: state), allowDelete: request.allowDelete)
        if !refreshCompanions(&work, request: request, aws: aws, places: configs.companionPlaces, sink: sink) { return nil }
        // Distributions the state lists that no config has: deleted only when asked.
        let configured = Set(configs.distributions.map(\.name))
        work.orphans = state.distributions.keys.filter { !configured.contains($0) }.sorted()
        work.deletions = request.allowDelete ? work.orphans : []
        return work
    }

    /// The steps of a plan written by `cfc plan --output`, once everything it was made against
    /// is checked to be still so: the state file's ids, each live config and its ETag.
    static func prepareSavedPlan(
        _ request: Request, aws: AWSCLI?, options: CompileOptions, sink: DiagnosticCollector, sources: inout [SourceFile]
    ) -> Work? {
        guard let saved = SavedPlan.read(request.paths[0], statePath: request.statePath, options: options, sink: sink) else { return nil }
        sources = saved.sources
        var work = Work(statePath: saved.statePath, budget: request.budget)
        guard let state = StateFile.read(saved.statePath, mustExist: false, options: options, sink: sink) else { return nil }
        work.state = state
        guard let aws else {
            sink.emit(DriftMessages.noCLI())
            return nil
        }
        for item in saved.items {
            var entry = item.entry
            let name = entry.distribution.name
            let listed = state.distributions[name]?.id
            if listed != entry.stateID {
                let what =
                    switch (entry.stateID, listed) {
                    case (nil, let now?): "the state file now lists it as \(now), where it listed nothing (applied since?)"
                    case (let then?, nil): "the state file no longer lists it (it listed \(then))"
                    case (let then?, let now?): "the state file now maps it to \(now), not \(then)"
                    case (nil, nil): ""
                    }
                sink.emit(SavedPlanMessages.stale(name, what, at: item.place))
                continue
            }
            if entry.action != .create, let id = entry.distributionID {
                do {
                    guard let live = try aws.liveConfig(id: id, name: name, sink: sink) else { return nil }
                    let liveDigest = StateFile.digest(of: live.distribution.config)
                    if entry.action == .update, liveDigest != entry.liveConfigSHA256,
                        liveDigest == StateFile.digest(of: entry.distribution.config)
                    {
                        // This plan's update is already live: an earlier run of it stopped after
                        // sending it. What is left is the wait and the invalidation.
                        entry.action = .unchanged
                        var record = work.state.distributions[name] ?? StateFile.Record(id: id)
                        record.configSHA256 = liveDigest
                        record.etag = live.etag ?? record.etag
                        work.state.distributions[name] = record
                        work.recordedAsFound.append(name)
                    } else if liveDigest != entry.liveConfigSHA256 {
                        let changes = item.plannedAgainst.map { SemanticDiff.compare(old: $0.config, new: live.distribution.config) } ?? []
                        sink.emit(
                            SavedPlanMessages.stale(
                                name, "its live config (\(id)) changed",
                                notes: changes.prefix(10).map { DiagnosticNote("changed since the plan: " + $0.text) },
                                at: item.place))
                        continue
                    } else if let planned = entry.etag, let now = live.etag, planned != now {
                        sink.emit(SavedPlanMessages.stale(name, "its ETag is \(now), the plan's \(planned)", at: item.place))
                        continue
                    } else {
                        entry.etag = entry.etag ?? live.etag
                    }
                } catch {
                    sink.emit(DriftMessages.awsFailed(name, id: id, error, at: item.place))
                    return nil
                }
            }
            work.steps.append(Step(entry: entry, configJSON: item.configJSON, batchJSON: item.batchJSON, place: item.place, reviewed: true))
        }
        // The companions: each as the state file recorded it when the plan was made.
        for item in saved.companions {
            let entry = item.entry
            let listed = state.companions[entry.kind]?[entry.name]
            let label = "\(entry.kind.noun) \(entry.name)"
            if listed?.id != entry.id {
                let what =
                    switch (entry.id, listed?.id) {
                    case (nil, let now?): "the state file now lists it as \(now), where it listed nothing (applied since?)"
                    case (let then?, nil): "the state file no longer lists it (it listed \(then))"
                    case (let then?, let now?): "the state file now maps it to \(now), not \(then)"
                    case (nil, nil): ""
                    }
                sink.emit(SavedPlanMessages.stale(label, what, at: item.place))
            } else if let then = entry.etag, let now = listed?.etag, then != now {
                sink.emit(SavedPlanMessages.stale(label, "it was applied since (ETag \(now), the plan's \(then))", at: item.place))
            }
            work.companionPlaces[entry.kind.key + "/" + entry.name] = item.place
        }
        work.setCompanions(saved.companions, allowDelete: request.allowDelete)
        guard !sink.diagnostics.containsErrors,
            refreshCompanions(&work, request: request, aws: aws, places: work.companionPlaces, sink: sink)
        else { return nil }
        return work
    }

    // MARK: - Doing it

    /// A run in progress: what it has done, and the state as it stands.
    struct Run {
        let aws: AWSCLI
        let request: Request
        let console: ApplyConsole
        let sink: DiagnosticCollector
        var work: Work
        var done: [String] = []

        init(aws: AWSCLI, request: Request, console: ApplyConsole, sink: DiagnosticCollector, work: Work) {
            self.aws = aws
            self.request = request
            self.console = console
            self.sink = sink
            self.work = work
        }

        /// Create or update, record, wait, invalidate: one distribution.
        mutating func carryOut(_ step: Step) throws {
            let entry = step.entry
            let name = entry.distribution.name
            var id = entry.distributionID
            // Owed from before the update is sent: a run killed after the update, whose next run
            // sees nothing to change, still invalidates.
            if !entry.invalidation.isEmpty, let existing = id {
                let owed = StateFile.PendingInvalidation(
                    callerReference: entry.invalidationCallerReference, paths: entry.invalidation.paths)
                var record = work.state.distributions[name] ?? StateFile.Record(id: existing)
                if record.pendingInvalidation != owed {
                    record.pendingInvalidation = owed
                    try save(record, for: name)
                }
            }
            if entry.action == .create || entry.action == .update {
                id = try send(step)
            }
            guard let id else { return }
            if request.noWait {
                if !entry.invalidation.isEmpty {
                    console.say(
                        "\(name): not waiting (--no-wait), so not invalidating yet: the invalidation is recorded as owed in \(work.statePath), and the next cfc apply makes it once \(id) is deployed\n"
                    )
                }
                return
            }
            try waitUntilDeployed(id: id, name: name)
            if !entry.invalidation.isEmpty { try invalidate(step, id: id) }
        }

        /// Sends the create or update, and records what CloudFront then holds.
        mutating func send(_ step: Step) throws -> String {
            let entry = step.entry
            let name = entry.distribution.name
            console.say("\(name): \(entry.action == .create ? "creating" : "updating")…\n")
            let document = try temporaryDocument(step.configJSON, name: name)
            defer { TemporaryFiles.remove(document) }
            var arguments = ["cloudfront", entry.action == .create ? "create-distribution" : "update-distribution"]
            if entry.action == .update, let existing = entry.distributionID {
                arguments += ["--id", existing, "--if-match", entry.etag ?? ""]
            }
            arguments += ["--distribution-config", "file://" + document]
            var record: StateFile.Record
            do {
                let response = try aws.callJSON(arguments)
                record = try ApplyMessages.record(from: response, name: name, callerReference: entry.distribution.config.callerReference)
                record.pendingInvalidation = work.state.distributions[name]?.pendingInvalidation
            } catch AWSCLI.Failure.alreadyExists(id: let existing?, message: _) where entry.action == .create {
                record = try adopt(existing, step)
            }
            // Recorded before anything else, so a run stopped now finds it next time.
            try save(record, for: name)
            // Then what CloudFront now holds, as the next run will read it: the baseline for
            // telling a later change outside cfc from this one.
            if let live = try aws.liveConfig(id: record.id, name: name, sink: sink) {
                record.etag = live.etag ?? record.etag
                record.configSHA256 = StateFile.digest(of: live.distribution.config)
                try save(record, for: name)
            }
            console.say(
                "\(name): \(entry.action == .create ? "created" : "updated") \(record.id)\(record.domainName.map { " (\($0))" } ?? ""); recorded in \(work.statePath)\n"
            )
            done.append("\(name): \(entry.action.rawValue)")
            return record.id
        }

        /// A create CloudFront refused because an earlier run made it (same caller reference)
        /// and stopped before recording it: record it, then bring it to the config. From a
        /// reviewed plan it must already be what the plan sends: anything else is planned again.
        mutating func adopt(_ existing: String, _ step: Step) throws -> StateFile.Record {
            let entry = step.entry
            let name = entry.distribution.name
            console.say("\(name): found \(existing), created by an earlier run with the same caller reference; recording it\n")
            let record = StateFile.Record(id: existing, callerReference: entry.distribution.config.callerReference)
            try save(record, for: name)
            guard let live = try aws.liveConfig(id: existing, name: name, sink: sink) else { throw ApplyStop.unreadableLiveConfig }
            let update = PlanCommand.planEntry(entry.distribution, live: live.distribution, etag: live.etag, distributionID: existing)
            guard update.entry.action == .update else { return record }
            if step.reviewed { throw ApplyStop.adoptedDiffers(existing) }
            console.say("\(name): updating it to the config…\n")
            let document = try temporaryDocument(update.configJSON, name: name + ".update")
            defer { TemporaryFiles.remove(document) }
            _ = try aws.callJSON([
                "cloudfront", "update-distribution", "--id", existing, "--if-match", live.etag ?? "",
                "--distribution-config", "file://" + document,
            ])
            return record
        }

        /// Creates the invalidation (with its caller reference, so a repeat makes no second
        /// one), then clears it from what is owed.
        mutating func invalidate(_ step: Step, id: String) throws {
            let entry = step.entry
            let name = entry.distribution.name
            let batch = step.batchJSON ?? DocumentFormat.json.print(Plan.invalidationBatch(entry))
            let document = try temporaryDocument(batch, name: name + ".invalidation")
            defer { TemporaryFiles.remove(document) }
            let count = entry.invalidation.paths.count
            console.say("\(name): invalidating \(count) path\(count == 1 ? "" : "s")…\n")
            let response = try aws.callJSON([
                "cloudfront", "create-invalidation", "--distribution-id", id,
                "--invalidation-batch", "file://" + document,
            ])
            var invalidationID: String? = nil
            if case .string(let text)? = response.member("Invalidation")?.member("Id")?.value, CloudFrontIdentifier.isDistributionID(text) {
                invalidationID = text
            }
            console.say("\(name): invalidation \(invalidationID ?? "(no id in the answer)") created\n")
            if var record = work.state.distributions[name], record.pendingInvalidation != nil {
                record.pendingInvalidation = nil
                try save(record, for: name)
            }
            done.append("\(name): invalidated")
            if request.waitForInvalidations, let invalidationID {
                try waitUntil(
                    name: name, what: "invalidation \(invalidationID)", finished: "invalidation \(invalidationID) completed",
                    doneStatus: "Completed"
                ) {
                    let answer = try aws.callJSON(["cloudfront", "get-invalidation", "--distribution-id", id, "--id", invalidationID])
                    guard case .string(let text)? = answer.member("Invalidation")?.member("Status")?.value else { return "unknown" }
                    return text
                }
            }
        }

        /// Deletes a distribution the two ways CloudFront requires: disable it (an update with
        /// `Enabled: false`), wait until that is deployed, then delete with the new ETag.
        mutating func delete(_ name: String) throws {
            guard let record = work.state.distributions[name] else { return }
            guard let live = try aws.liveConfig(id: record.id, name: name, sink: sink) else { throw ApplyStop.unreadableLiveConfig }
            var etag = live.etag ?? ""
            if live.distribution.config.enabled {
                console.line("\(name): disabling \(record.id)…\n", .danger)
                var disabled = live.distribution
                disabled.config.enabled = false
                let document = try temporaryDocument(DocumentFormat.json.print(emitDistributionConfig(disabled)), name: name + ".disable")
                defer { TemporaryFiles.remove(document) }
                let response = try aws.callJSON([
                    "cloudfront", "update-distribution", "--id", record.id, "--if-match", etag,
                    "--distribution-config", "file://" + document,
                ])
                if case .string(let text)? = response.member("ETag")?.value { etag = text }
            }
            try waitUntilDeployed(id: record.id, name: name)
            // The ETag after the deployment, which the delete must name.
            if let current = try aws.liveConfig(id: record.id, name: name, sink: sink)?.etag { etag = current }
            console.line("\(name): deleting \(record.id)…\n", .danger)
            _ = try aws.call(["cloudfront", "delete-distribution", "--id", record.id, "--if-match", etag])
            work.state.distributions[name] = nil
            try writeState()
            console.line("\(name): deleted \(record.id); removed from \(work.statePath)\n", .danger)
            done.append("\(name): deleted")
        }

        /// Records `record` for `name` and writes the state file at once.
        mutating func save(_ record: StateFile.Record, for name: String) throws {
            work.state.distributions[name] = record
            try writeState()
        }

        /// Writes the state file, or stops the run.
        func writeState() throws {
            do { try work.state.write(to: work.statePath) } catch {
                sink.emit(OutputWriting.writeFailure(error))
                throw ApplyStop.stateNotWritten
            }
        }

        /// Writes a document the aws CLI reads (`file://`) into a temporary file beside the
        /// state file, removed after the call (and on an interruption).
        func temporaryDocument(_ bytes: [UInt8], name: String, suffix: String = ".apply.json") throws -> String {
            let directory = FileIO.directoryName(work.statePath)
            do {
                guard let path = try FileTransaction.writeTemporary(bytes, for: directory + "/." + name + suffix, tag: "apply") else {
                    throw ApplyStop.temporaryFile("\(name): unexpected existing file")
                }
                // The aws CLI runs in cfc's working directory, so a relative path reads the same file.
                return path
            } catch let error as FileIOError {
                throw ApplyStop.temporaryFile(error.description)
            }
        }

        /// Polls the distribution's status until it is `Deployed`.
        func waitUntilDeployed(id: String, name: String) throws {
            try waitUntil(name: name, what: id, finished: "deployed", doneStatus: "Deployed") {
                let response = try aws.callJSON(["cloudfront", "get-distribution", "--id", id])
                guard case .string(let text)? = response.member("Distribution")?.member("Status")?.value else { return "unknown" }
                return text
            }
        }

        /// Polls `status` until it reads `doneStatus` (in any case: CloudFront answers `Deployed`,
        /// `Completed` and `READY`), showing progress: on a terminal one line rewritten
        /// every second (status, elapsed time); otherwise a line when the status changes and one
        /// every `plainProgressSeconds`.
        func waitUntil(name: String, what: String, finished: String, doneStatus: String, status poll: () throws -> String) throws {
            let clock = ContinuousClock()
            let start = clock.now
            func elapsed() -> Double {
                let duration = start.duration(to: clock.now)
                return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
            var last = ""
            var lastLine = 0.0
            while true {
                let status = VisibleText.escaped(try poll())
                let seconds = elapsed()
                if status.lowercased() == doneStatus.lowercased() {
                    console.status?("")
                    console.say("\(name): \(finished)\(seconds >= 1 ? " after \(ApplyConsole.elapsed(seconds))" : "")\n")
                    return
                }
                if let show = console.status {
                    show("\(name): \(what) \(status), \(ApplyConsole.elapsed(seconds)) elapsed")
                } else if status != last || seconds - lastLine >= console.plainProgressSeconds {
                    console.say("\(name): \(what) \(status), waiting (\(ApplyConsole.elapsed(seconds)) so far)\n")
                    lastLine = seconds
                }
                last = status
                guard seconds < request.waitTimeoutSeconds else { throw ApplyStop.waitTimedOut(what: what, status: status) }
                // On a terminal, the elapsed time ticks while cfc sleeps between polls.
                var slept = 0.0
                while slept < request.pollSeconds {
                    let slice = console.status == nil ? request.pollSeconds - slept : min(1, request.pollSeconds - slept)
                    sleepSeconds(slice)
                    slept += slice
                    if let show = console.status, slept < request.pollSeconds {
                        show("\(name): \(what) \(status), \(ApplyConsole.elapsed(elapsed())) elapsed")
                    }
                }
            }
        }
    }

    /// Why a run stopped other than an aws failure.
    enum ApplyStop: Error, CustomStringConvertible {
        case stateNotWritten
        case unreadableLiveConfig
        case waitTimedOut(what: String, status: String)
        case temporaryFile(String)
        case adoptedDiffers(String)
        case companionMissing(String)

        var description: String {
            switch self {
            case .stateNotWritten: "the state file could not be written"
            case .unreadableLiveConfig: "the live config could not be read (the problems are listed above)"
            case .waitTimedOut(let what, let status): "\(what) was still \(status) when the wait timed out (--wait-timeout)"
            case .temporaryFile(let message): "a temporary file could not be written: \(message)"
            case .companionMissing(let what):
                "it names \(what), which has no id in the state file (it was not created)"
            case .adoptedDiffers(let id):
                "\(id), made by an earlier run with this plan's caller reference, is not what the plan sends; it is recorded in the state file: plan again"
            }
        }
    }

    private static func sleepSeconds(_ seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}

/// `cfc apply`'s messages, in one place.
enum ApplyMessages {
    static func needsConfirmation() -> Diagnostic {
        Diagnostic(
            id: "apply.needs_confirmation", severity: .error,
            summary: "cfc apply changes live distributions and standard input is not a terminal to ask on",
            hint: "review the plan above, then run with --yes (as a pipeline step would)")
    }

    static func drifted(_ name: String, id: String, changes: [ConfigChange], at range: SourceRange?) -> Diagnostic {
        let shown = changes.prefix(10).map { "applying would change " + $0.text }
        return Diagnostic(
            id: "apply.drift", severity: .error,
            summary: "\(name) (\(id)) was changed outside cfc since cfc last applied or imported it; nothing was applied",
            hint:
                "review the change with cfc drift; bring it into the config, or run cfc apply --overwrite-drift to replace it with the config",
            range: range,
            notes: shown.map { DiagnosticNote($0) } + (changes.count > 10 ? [DiagnosticNote("and \(changes.count - 10) more changes")] : [])
        )
    }

    static func record(from response: APINode, name: String, callerReference: String) throws -> StateFile.Record {
        guard let distribution = response.member("Distribution"),
            case .string(let id)? = distribution.member("Id")?.value, CloudFrontIdentifier.isDistributionID(id)
        else {
            throw AWSCLI.Failure.unreadableOutput("the aws CLI's answer for \(name) has no distribution id")
        }
        let identity = DistributionIdentity(distribution)
        var etag: String? = nil
        if case .string(let text)? = response.member("ETag")?.value, CloudFrontIdentifier.isETag(text) { etag = text }
        return StateFile.Record(
            id: id, arn: identity.arn, domainName: identity.domainName, callerReference: callerReference,
            etag: etag, configSHA256: nil)
    }

    /// Where a failed run stands.
    struct Progress {
        /// The steps done before the failure.
        var done: [String]
        /// The steps not done, the failed one first.
        var notDone: [String]
        /// The command that continues.
        var again: String
    }

    /// One step as the failure report lists it: `legacy: update, invalidate 3 paths`.
    static func outline(_ entry: Plan.Entry) -> String {
        var parts: [String] = []
        if entry.action != .unchanged { parts.append(entry.action.rawValue) }
        let count = entry.invalidation.paths.count
        if count > 0 { parts.append("invalidate \(count) path\(count == 1 ? "" : "s") once deployed") }
        return "\(entry.distribution.name): " + parts.joined(separator: ", ")
    }

    /// `apply.failed`: what failed, what was done and what was not, and the command that goes on.
    static func failed(_ name: String, _ error: any Error, _ progress: Progress, at range: SourceRange?, file: String?) -> Diagnostic {
        var summary = "\(name): \(String(describing: error))"
        var hint = "fix the cause, then run \(progress.again): it continues from what the state file records"
        if let failure = error as? AWSCLI.Failure {
            switch failure {
            case .preconditionFailed:
                summary = "\(name) was changed by someone else since cfc read it (PreconditionFailed); nothing of it was applied"
                hint = "plan again: \(progress.again) plans against the new live config (a saved plan must be planned again)"
            case .noSuchDistribution:
                summary = "\(name): CloudFront does not have the distribution the state file names"
                hint = "the state file is stale: remove '\(name)' from it if the distribution was deleted, then run \(progress.again)"
            default:
                summary = "\(name): \(failure.message)"
            }
        }
        var notes: [DiagnosticNote] = []
        notes.append(DiagnosticNote("done: " + (progress.done.isEmpty ? "nothing" : progress.done.joined(separator: "; "))))
        if !progress.notDone.isEmpty { notes.append(DiagnosticNote("not done: " + progress.notDone.joined(separator: "; "))) }
        return Diagnostic(id: "apply.failed", severity: .error, summary: summary, hint: hint, range: range, file: file, notes: notes)
    }
}

extension String {
    fileprivate func trimmingSpacesAndNewlines() -> String {
        String(drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed())
    }
}
