#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import DistributionLanguage
import Planning

/// What `cfc apply` does: plan every distribution of the configs against its live config (read
/// with the aws CLI for those the state file lists), show the plan, and, once confirmed, carry
/// it out through the real aws CLI: create or update (with `--if-match`), record the result in
/// the state file at once, wait until the distribution is deployed, and only then invalidate.
///
/// Every step is printed as it runs; on a failure the run stops, says what was done and what
/// was not, and a second run continues from the state the first left (a create records its id
/// before anything else happens, so nothing is created twice).
public enum ApplyCommand {
    /// What an apply run is asked to do.
    public struct Request: Sendable {
        /// The cfc YAML files.
        public var paths: [String]
        /// The state file, when not the default beside the first file.
        public var statePath: String? = nil
        /// Apply without asking.
        public var assumeYes = false
        /// Whether a person can be asked (standard input is a terminal).
        public var canAsk = false
        /// Do not wait for deployment (and so do not invalidate: an invalidation made before
        /// the new config is deployed can be refilled from the old origin).
        public var noWait = false
        /// Seconds to wait for a distribution to deploy.
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

    /// Runs an apply. `say` prints a progress line as it happens (standard output);
    /// `ask` asks a yes/no question and returns the answer line, or nil without one.
    public static func execute(
        _ request: Request, aws: AWSCLI?, options: CompileOptions, say: (String) -> Void, ask: (String) -> String?
    ) -> CommandResult {
        let sink = DiagnosticCollector()
        var sources: [SourceFile] = []
        func failed() -> CommandResult { CommandResult(diagnostics: sink.diagnostics, sources: sources, exitStatus: .failure) }

        // 1. The configs, checked as compile checks them.
        let configs = CompiledConfigs(request.paths, options: options, sink: sink)
        sources = configs.sources
        let distributions = configs.distributions
        guard !sink.diagnostics.containsErrors else { return failed() }
        let statePath = StateFile.path(forConfigs: request.paths, explicit: request.statePath)
        guard var state = StateFile.read(statePath, mustExist: request.statePath != nil, options: options, sink: sink) else { return failed() }
        guard let aws else {
            sink.emit(DriftMessages.noCLI())
            return failed()
        }

        // 2. The plan, against what is live now.
        var entries: [(entry: Plan.Entry, configJSON: [UInt8])] = []
        for distribution in distributions {
            if let record = state.distributions[distribution.name] {
                do {
                    guard let live = try aws.liveConfig(id: record.id, name: distribution.name, sink: sink) else { return failed() }
                    // Changed outside cfc since cfc last applied (or imported) it: refused, unless
                    // asked to overwrite, since applying would silently undo someone's change.
                    if let recorded = record.configSHA256, StateFile.digest(of: live.distribution.config) != recorded,
                       !request.overwriteDrift {
                        let changes = PlanCommand.planEntry(distribution, live: live.distribution, etag: live.etag, distributionID: record.id).entry.changes
                        sink.emit(ApplyMessages.drifted(distribution.name, id: record.id, changes: changes, at: configs.places[distribution.name]))
                        continue
                    }
                    let planned = PlanCommand.planEntry(distribution, live: live.distribution, etag: live.etag,
                                                        distributionID: record.id, budget: request.budget)
                    entries.append((planned.entry, planned.configJSON))
                } catch {
                    sink.emit(DriftMessages.awsFailed(distribution.name, id: record.id, error, at: configs.places[distribution.name]))
                    return failed()
                }
            } else {
                let planned = PlanCommand.planEntry(distribution, live: nil, etag: nil, distributionID: nil, budget: request.budget)
                entries.append((planned.entry, planned.configJSON))
            }
        }
        guard !sink.diagnostics.containsErrors else { return failed() }
        let plan = Plan(entries: entries.map(\.entry), budget: request.budget, distributionID: nil)
        say(String(decoding: plan.renderText(includeCommands: false), as: UTF8.self))
        // Distributions the state lists that no config has: deleted only when asked.
        let configured = Set(distributions.map(\.name))
        let orphans = state.distributions.keys.filter { !configured.contains($0) }.sorted()
        for name in orphans {
            let id = state.distributions[name]?.id ?? "?"
            say(request.allowDelete
                ? "distribution \(name) (\(id)): delete (in the state file, in no config; --allow-delete: it is disabled, then deleted)\n"
                : "distribution \(name) (\(id)): in the state file but in no config; not deleted (--allow-delete deletes it)\n")
        }
        let deletions = request.allowDelete ? orphans : []
        guard plan.hasChanges || !deletions.isEmpty else {
            say("nothing to do: every distribution is as configured\n")
            return CommandResult(diagnostics: sink.diagnostics, sources: sources, exitStatus: .success)
        }

        // 3. Consent: --yes, or "yes" from a person; never assumed.
        if !request.assumeYes {
            guard request.canAsk else {
                sink.emit(ApplyMessages.needsConfirmation())
                return failed()
            }
            let answer = ask("Apply these changes to CloudFront? Only 'yes' applies them: ")
            guard answer?.trimmingSpacesAndNewlines() == "yes" else {
                say("apply cancelled: nothing was changed\n")
                return failed()
            }
        }

        // 4. The steps, one distribution at a time.
        var done: [String] = []
        for (entry, configJSON) in entries where entry.action != .unchanged || !entry.invalidation.isEmpty {
            let name = entry.distribution.name
            do {
                var id = entry.distributionID
                if entry.action == .create || entry.action == .update {
                    let verb = entry.action == .create ? "creating" : "updating"
                    say("\(name): \(verb)…\n")
                    let document = try temporaryDocument(configJSON, beside: statePath, name: name)
                    defer { TemporaryFiles.remove(document) }
                    var arguments = ["cloudfront", entry.action == .create ? "create-distribution" : "update-distribution"]
                    if entry.action == .update, let existing = id { arguments += ["--id", existing, "--if-match", entry.etag ?? ""] }
                    arguments += ["--distribution-config", "file://" + document]
                    var record: StateFile.Record
                    do {
                        let response = try aws.callJSON(arguments)
                        record = try ApplyMessages.record(from: response, name: name,
                                                          callerReference: entry.distribution.config.callerReference)
                    } catch AWSCLI.Failure.alreadyExists(id: let existing?, message: _) where entry.action == .create {
                        // An earlier run created it and stopped before recording it (the caller
                        // reference is cfc's deterministic one): adopt it, then bring it up to date.
                        say("\(name): found \(existing), created by an earlier run with the same caller reference; recording it\n")
                        record = StateFile.Record(id: existing, callerReference: entry.distribution.config.callerReference)
                        state.distributions[name] = record
                        try write(state, to: statePath, sink: sink)
                        guard let live = try aws.liveConfig(id: existing, name: name, sink: sink) else { throw ApplyStop.stateNotWritten }
                        let update = PlanCommand.planEntry(entry.distribution, live: live.distribution, etag: live.etag, distributionID: existing)
                        if update.entry.action == .update {
                            say("\(name): updating it to the config…\n")
                            let updateDocument = try temporaryDocument(update.configJSON, beside: statePath, name: name + ".update")
                            defer { TemporaryFiles.remove(updateDocument) }
                            _ = try aws.callJSON(["cloudfront", "update-distribution", "--id", existing, "--if-match", live.etag ?? "",
                                                  "--distribution-config", "file://" + updateDocument])
                        }
                    }
                    id = record.id
                    // Recorded before anything else, so a run stopped now finds it next time.
                    state.distributions[name] = record
                    try write(state, to: statePath, sink: sink)
                    // Then what CloudFront now holds, as the next run will read it: the baseline
                    // for telling a later change outside cfc from this one.
                    if let live = try aws.liveConfig(id: record.id, name: name, sink: sink) {
                        record.etag = live.etag ?? record.etag
                        record.configSHA256 = StateFile.digest(of: live.distribution.config)
                        state.distributions[name] = record
                        try write(state, to: statePath, sink: sink)
                    }
                    say("\(name): \(entry.action == .create ? "created" : "updated") \(record.id)\(record.domainName.map { " (\($0))" } ?? ""); recorded in \(statePath)\n")
                    done.append("\(name): \(entry.action.rawValue)")
                }
                guard let id else { continue }
                if request.noWait {
                    if !entry.invalidation.isEmpty {
                        say("\(name): not waiting (--no-wait), so not invalidating; once deployed, run cfc apply again or: aws cloudfront create-invalidation --distribution-id \(id) …\n")
                    }
                    continue
                }
                try waitUntilDeployed(aws, id: id, name: name, timeout: request.waitTimeoutSeconds, poll: request.pollSeconds, say: say)
                if !entry.invalidation.isEmpty {
                    let batch = DocumentFormat.json.print(Plan.invalidationBatch(entry))
                    let document = try temporaryDocument(batch, beside: statePath, name: name + ".invalidation")
                    defer { TemporaryFiles.remove(document) }
                    say("\(name): invalidating \(entry.invalidation.paths.count) path\(entry.invalidation.paths.count == 1 ? "" : "s")…\n")
                    let response = try aws.callJSON(["cloudfront", "create-invalidation", "--distribution-id", id,
                                                     "--invalidation-batch", "file://" + document])
                    var invalidationID = "?"
                    if case .string(let text)? = response.member("Invalidation")?.member("Id")?.value { invalidationID = text }
                    say("\(name): invalidation \(VisibleText.escaped(invalidationID)) created\n")
                    done.append("\(name): invalidated")
                }
            } catch let failure as AWSCLI.Failure {
                sink.emit(ApplyMessages.stepFailed(name, failure, done: done, at: configs.places[name], file: nil))
                return failed()
            } catch {
                sink.emit(ApplyMessages.stopped(name, String(describing: error), done: done, at: configs.places[name], file: nil))
                return failed()
            }
        }
        for name in deletions {
            guard let record = state.distributions[name] else { continue }
            do {
                try delete(name, record: record, aws: aws, request: request, say: say, sink: sink)
                state.distributions[name] = nil
                try write(state, to: statePath, sink: sink)
                say("\(name): deleted \(record.id); removed from \(statePath)\n")
                done.append("\(name): deleted")
            } catch let failure as AWSCLI.Failure {
                sink.emit(ApplyMessages.stepFailed(name, failure, done: done, at: nil, file: statePath))
                return failed()
            } catch {
                sink.emit(ApplyMessages.stopped(name, String(describing: error), done: done, at: nil, file: statePath))
                return failed()
            }
        }
        say("apply complete\n")
        return CommandResult(diagnostics: sink.diagnostics, sources: sources, exitStatus: .success)
    }

    /// Why a run stopped other than an aws failure.
    enum ApplyStop: Error, CustomStringConvertible {
        case stateNotWritten
        case notDeployed(String)
        case temporaryFile(String)

        var description: String {
            switch self {
            case .stateNotWritten: "the state file could not be written"
            case .notDeployed(let status): "the distribution was still \(status) when the wait timed out"
            case .temporaryFile(let message): "a temporary file could not be written: \(message)"
            }
        }
    }

    /// Deletes a distribution the two ways CloudFront requires: disable it (an update with
    /// `Enabled: false`), wait until that is deployed, then delete with the new ETag.
    static func delete(
        _ name: String, record: StateFile.Record, aws: AWSCLI, request: Request, say: (String) -> Void, sink: any DiagnosticSink
    ) throws {
        guard let live = try aws.liveConfig(id: record.id, name: name, sink: sink) else { throw ApplyStop.stateNotWritten }
        var etag = live.etag ?? ""
        if live.distribution.config.enabled {
            say("\(name): disabling \(record.id)…\n")
            var disabled = live.distribution
            disabled.config.enabled = false
            let json = DocumentFormat.json.print(emitDistributionConfig(disabled))
            let document = try temporaryDocument(json, beside: StateFile.path(forConfigs: request.paths, explicit: request.statePath),
                                                 name: name + ".disable")
            defer { TemporaryFiles.remove(document) }
            let response = try aws.callJSON(["cloudfront", "update-distribution", "--id", record.id, "--if-match", etag,
                                             "--distribution-config", "file://" + document])
            if case .string(let text)? = response.member("ETag")?.value { etag = text }
        }
        try waitUntilDeployed(aws, id: record.id, name: name, timeout: request.waitTimeoutSeconds, poll: request.pollSeconds, say: say)
        // The ETag after the deployment, which the delete must name.
        if let current = try aws.liveConfig(id: record.id, name: name, sink: sink)?.etag { etag = current }
        say("\(name): deleting \(record.id)…\n")
        _ = try aws.call(["cloudfront", "delete-distribution", "--id", record.id, "--if-match", etag])
    }

    /// Writes the state file, or stops the run.
    static func write(_ state: StateFile, to path: String, sink: any DiagnosticSink) throws {
        do { try state.write(to: path) } catch {
            sink.emit(OutputWriting.writeFailure(error))
            throw ApplyStop.stateNotWritten
        }
    }

    /// Writes a document the aws CLI reads (`file://`) into a temporary file beside the state
    /// file, removed after the call (and on an interruption).
    static func temporaryDocument(_ bytes: [UInt8], beside statePath: String, name: String) throws -> String {
        let directory = FileIO.directoryName(statePath)
        do {
            guard let path = try FileTransaction.writeTemporary(bytes, for: directory + "/." + name + ".apply.json", tag: "apply") else {
                throw ApplyStop.temporaryFile("\(name): unexpected existing file")
            }
            // The aws CLI runs in cfc's working directory, so a relative path reads the same file.
            return path
        } catch let error as FileIOError {
            throw ApplyStop.temporaryFile(error.description)
        }
    }

    /// Polls the distribution's status until it is `Deployed`.
    static func waitUntilDeployed(
        _ aws: AWSCLI, id: String, name: String, timeout: Double, poll: Double, say: (String) -> Void
    ) throws {
        var waited = 0.0
        var last = ""
        while true {
            let response = try aws.callJSON(["cloudfront", "get-distribution", "--id", id])
            var status = "unknown"
            if case .string(let text)? = response.member("Distribution")?.member("Status")?.value { status = text }
            if status == "Deployed" {
                say("\(name): deployed\(waited > 0 ? " after \(Int(waited)) s" : "")\n")
                return
            }
            if status != last { say("\(name): \(VisibleText.escaped(status)), waiting for Deployed…\n") }
            last = status
            guard waited < timeout else { throw ApplyStop.notDeployed(status) }
            sleepSeconds(poll)
            waited += poll
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
        Diagnostic(id: "apply.needs_confirmation", severity: .error,
                   summary: "cfc apply changes live distributions and standard input is not a terminal to ask on",
                   hint: "review the plan above, then run with --yes (as a pipeline step would)")
    }

    static func drifted(_ name: String, id: String, changes: [ConfigChange], at range: SourceRange?) -> Diagnostic {
        let shown = changes.prefix(10).map { "applying would change " + $0.text }
        return Diagnostic(
            id: "apply.drift", severity: .error,
            summary: "\(name) (\(id)) was changed outside cfc since cfc last applied or imported it; nothing was applied",
            hint: "review the change with cfc drift; bring it into the config, or run cfc apply --overwrite-drift to replace it with the config",
            range: range,
            notes: shown.map { DiagnosticNote($0) } + (changes.count > 10 ? [DiagnosticNote("and \(changes.count - 10) more changes")] : []))
    }

    static func record(from response: APINode, name: String, callerReference: String) throws -> StateFile.Record {
        guard let distribution = response.member("Distribution"),
              case .string(let id)? = distribution.member("Id")?.value, CloudFrontIdentifier.isDistributionID(id) else {
            throw AWSCLI.Failure.unreadableOutput("the aws CLI's answer for \(name) has no distribution id")
        }
        let identity = DistributionIdentity(distribution)
        var etag: String? = nil
        if case .string(let text)? = response.member("ETag")?.value, CloudFrontIdentifier.isETag(text) { etag = text }
        return StateFile.Record(id: id, arn: identity.arn, domainName: identity.domainName, callerReference: callerReference,
                                etag: etag, configSHA256: nil)
    }

    static func stepFailed(_ name: String, _ failure: AWSCLI.Failure, done: [String], at range: SourceRange?, file: String?) -> Diagnostic {
        let summary: String
        let hint: String
        switch failure {
        case .preconditionFailed:
            summary = "\(name) was changed by someone else since cfc read it (PreconditionFailed); nothing of it was applied"
            hint = "run cfc apply again: it plans against the new live config"
        case .noSuchDistribution:
            summary = "\(name): CloudFront does not have the distribution the state file names"
            hint = "the state file is stale: remove '\(name)' from it if the distribution was deleted"
        default:
            summary = "\(name): \(failure.message)"
            hint = "fix the cause and run cfc apply again: it continues from what is recorded"
        }
        return Diagnostic(id: "apply.failed", severity: .error, summary: summary,
                          hint: hint + (done.isEmpty ? "" : "; done before the failure: " + done.joined(separator: ", ")),
                          range: range, file: file)
    }

    static func stopped(_ name: String, _ reason: String, done: [String], at range: SourceRange?, file: String?) -> Diagnostic {
        Diagnostic(id: "apply.failed", severity: .error, summary: "\(name): \(reason)",
                   hint: "run cfc apply again once the cause is fixed" + (done.isEmpty ? "" : "; done: " + done.joined(separator: ", ")),
                   range: range, file: file)
    }
}

extension String {
    fileprivate func trimmingSpacesAndNewlines() -> String {
        String(drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed())
    }
}
