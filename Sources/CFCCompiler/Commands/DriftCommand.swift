import APIDocument
import CFCDiagnostics
import CFCSupport
import DistributionIR
import Planning

/// What `cfc drift` does: for every distribution of the configs that the state file says
/// exists, read its live config with the aws CLI and compare it with the compiled one, with the
/// same normalization as `cfc diff` (so values CloudFront fills in are no drift); and for every
/// companion resource it lists, whether its ETag is still the one cfc last applied.
public enum DriftCommand {
    /// One companion resource's finding. A companion's ETag changes only when it is updated,
    /// so a changed ETag is a change outside cfc, with no normalization to get wrong; the
    /// members that differ from the config are listed to say what changed.
    public struct CompanionFinding: Sendable {
        /// What was found.
        public enum Status: String, Sendable {
            case inSync = "in-sync"
            /// Its ETag is not the one recorded.
            case drifted
            /// The state file does not list it.
            case notCreated = "not-created"
            /// The state file lists it and CloudFront does not have it.
            case deleted
        }

        public var kind: CompanionKind
        public var name: String
        public var id: String?
        public var status: Status
        /// The members whose live value is not the config's (`Name: live → config`).
        public var differences: [String]
    }

    /// One distribution's finding.
    public struct Entry: Sendable {
        /// What was found.
        public enum Status: String, Sendable {
            /// The live config is the compiled one.
            case inSync = "in-sync"
            /// It differs.
            case drifted
            /// The state file does not list it: it has not been created (or imported).
            case notCreated = "not-created"
        }

        /// The distribution's name.
        public var name: String
        /// Its id, when the state has one.
        public var id: String?
        /// What was found.
        public var status: Status
        /// The differences, live to compiled (what applying the config would change).
        public var changes: [ConfigChange]
    }

    /// The outcome of a drift run.
    public struct Outcome: Sendable {
        /// One entry per distribution of the configs, in file order.
        public var entries: [Entry]
        /// One finding per companion the configs declare, in plan order.
        public var companions: [CompanionFinding] = []
        /// Problems (unreadable configs or state, aws failures).
        public var diagnostics: [Diagnostic]
        /// The files read.
        public var sources: [SourceFile]
        /// Values no output may show: the configs' and the live configs' sensitive values.
        public var sensitiveValues: [String] = []

        /// Whether anything drifted or is missing.
        public var drifted: Bool { entries.contains { $0.status != .inSync } || companions.contains { $0.status != .inSync } }
    }

    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// For people.
        case text
        /// For tools.
        case json
        /// For a pull-request comment (`MarkdownReport`).
        case markdown
    }

    /// Exit status: 0 no drift, 2 drift, 1 an error (nothing is printed on standard output then).
    public static func execute(
        _ paths: [String], statePath: String?, aws: AWSCLI?, format: Format, options: CompileOptions
    ) -> CommandResult {
        let outcome = run(paths, statePath: statePath, aws: aws, options: options)
        guard !outcome.diagnostics.containsErrors else {
            var result = CommandResult(diagnostics: outcome.diagnostics, sources: outcome.sources, exitStatus: .failure)
            result.sensitiveValues = outcome.sensitiveValues
            return result
        }
        var result = CommandResult(
            diagnostics: outcome.diagnostics, sources: outcome.sources,
            standardOutput: format == .json
                ? renderJSON(outcome) : format == .markdown ? MarkdownReport.drift(outcome) : renderText(outcome),
            exitStatus: outcome.drifted ? .changesPlanned : .success)
        result.sensitiveValues = outcome.sensitiveValues
        return result
    }

    /// Compares every distribution of `paths` with its live config.
    public static func run(_ paths: [String], statePath: String?, aws: AWSCLI?, options: CompileOptions) -> Outcome {
        let sink = DiagnosticCollector()
        // The state first: its ids are what the configs' names for companions compile to.
        guard
            let state = StateFile.read(
                StateFile.path(forConfigs: paths, explicit: statePath, environment: options.environment), mustExist: statePath != nil,
                options: options, sink: sink)
        else {
            return Outcome(entries: [], diagnostics: sink.diagnostics, sources: [])
        }
        var options = options
        options.companionIDs = state.companionIDs
        let configs = CompiledConfigs(paths, options: options, sink: sink)
        let sources = configs.sources
        guard !sink.diagnostics.containsErrors else {
            return Outcome(entries: [], diagnostics: sink.diagnostics, sources: sources, sensitiveValues: configs.sensitiveValues)
        }
        var entries: [Entry] = []
        var liveSensitiveValues: [String] = []
        for distribution in configs.distributions {
            guard let record = state.distributions[distribution.name] else {
                entries.append(Entry(name: distribution.name, id: nil, status: .notCreated, changes: []))
                continue
            }
            guard let aws else {
                sink.emit(DriftMessages.noCLI())
                break
            }
            do {
                guard let live = try aws.liveConfig(id: record.id, name: distribution.name, sink: sink) else { continue }
                var desired = distribution
                // An update keeps the live caller reference: it is no drift.
                desired.config.callerReference = live.distribution.config.callerReference
                let changes = SemanticDiff.compare(old: live.distribution.config, new: desired.config)
                liveSensitiveValues += live.distribution.config.sensitiveValues
                entries.append(
                    Entry(name: distribution.name, id: record.id, status: changes.isEmpty ? .inSync : .drifted, changes: changes))
            } catch {
                sink.emit(DriftMessages.awsFailed(distribution.name, id: record.id, error, at: configs.places[distribution.name]))
            }
        }
        var findings: [CompanionFinding] = []
        for item in CompanionPlanning.plan(configs.companions, state: state) where item.entry.action != .delete {
            guard let companion = item.companion else { continue }
            guard let record = state.companions[companion.kind]?[companion.name] else {
                findings.append(CompanionFinding(kind: companion.kind, name: companion.name, id: nil, status: .notCreated, differences: []))
                continue
            }
            guard let aws else {
                if !sink.diagnostics.contains(where: { $0.id == "aws.not_found" }) { sink.emit(DriftMessages.noCLI()) }
                break
            }
            let place = configs.companionPlaces[companion.kind.key + "/" + companion.name]
            do {
                let live = try aws.callJSON(companion.kind.readArguments(name: companion.name, id: record.id))
                let etag = ApplyCommand.Run.etag(of: live)
                let drifted = record.etag != nil && etag != nil && record.etag != etag
                findings.append(
                    CompanionFinding(
                        kind: companion.kind, name: companion.name, id: record.id,
                        status: drifted ? .drifted : .inSync,
                        differences: drifted ? Self.differences(companion, item.configJSON, live: live) : []))
            } catch {
                if error.message.contains(companion.kind.noSuchError) {
                    findings.append(
                        CompanionFinding(kind: companion.kind, name: companion.name, id: record.id, status: .deleted, differences: []))
                } else {
                    sink.emit(DriftMessages.awsFailed("\(companion.kind.noun) \(companion.name)", id: record.id, error, at: place))
                }
            }
        }
        var outcome = Outcome(
            entries: entries, diagnostics: sink.diagnostics, sources: sources,
            sensitiveValues: configs.sensitiveValues + liveSensitiveValues)
        outcome.companions = findings
        return outcome
    }

    /// The members of a companion's live config that are not the config's, as
    /// `Path: live → config`; a function's code is compared by ETag alone (describe-function
    /// leaves it out, and it is never shown).
    static func differences(_ companion: Companion, _ configJSON: [UInt8]?, live: APINode) -> [String] {
        let kind = companion.kind
        let liveConfig: APINode?
        switch kind {
        case .function: liveConfig = live.member("FunctionSummary")?.member("FunctionConfig")
        case .keyValueStore: liveConfig = live.member("KeyValueStore")
        default: liveConfig = live.member(kind.apiStructure)?.member(kind.apiRoot)
        }
        guard let liveConfig, let configJSON,
            let desired = try? JSONReader.read(
                SourceFile(path: kind.logicalPath(forName: companion.name, fileExtension: "json"), bytes: configJSON))
        else { return [] }
        if kind == .keyValueStore {
            // The live store has more members than the create request; only Comment can change.
            let now = ApplyCommand.Run.string(liveConfig.member("Comment")) ?? ""
            let wanted = ApplyCommand.Run.string(desired.member("Comment")) ?? ""
            return now == wanted ? [] : ["Comment: \(now) → \(wanted)"]
        }
        return APIComparison.differences(expected: liveConfig, actual: desired).filter(\.isSignificant).map { difference in
            switch difference.kind {
            case .missing: "\(difference.path): only in CloudFront"
            case .unexpected: "\(difference.path): only in the config"
            case .changed(let live, let config): "\(difference.path): \(live) → \(config)"
            case .emptyItemsSpelling: difference.path
            }
        }
    }

    static func renderText(_ outcome: Outcome) -> [UInt8] {
        var text = ""
        for entry in outcome.entries {
            let id = entry.id.map { " (\($0))" } ?? ""
            switch entry.status {
            case .inSync: text += "distribution \(entry.name)\(id): no drift\n"
            case .notCreated: text += "distribution \(entry.name): not in the state file (not created, or not imported)\n"
            case .drifted:
                text += "distribution \(entry.name)\(id): drifted; applying the config would change:\n"
                for change in entry.changes { text += "  \(change.text)\n" }
            }
        }
        for finding in outcome.companions {
            let label = "\(finding.kind.noun) \(finding.name)"
            let id = finding.id.map { " (\($0))" } ?? ""
            switch finding.status {
            case .inSync: text += "\(label)\(id): no drift\n"
            case .notCreated: text += "\(label): not in the state file (not created yet)\n"
            case .deleted: text += "\(label)\(id): deleted outside cfc; cfc apply makes it again\n"
            case .drifted:
                text +=
                    "\(label)\(id): changed outside cfc since cfc applied it"
                    + (finding.differences.isEmpty ? "\n" : "; applying the config would change:\n")
                for difference in finding.differences { text += "  \(difference)\n" }
            }
        }
        return Array(VisibleText.escapedLines(text).utf8)
    }

    static func renderJSON(_ outcome: Outcome) -> [UInt8] {
        JSONValue.object([
            "distributions": .array(
                outcome.entries.map { entry in
                    .object([
                        JSONMember("name", .string(entry.name)), JSONMember("id", .string(entry.id)),
                        JSONMember("status", .string(entry.status.rawValue)),
                        JSONMember("changes", .array(entry.changes.map(\.json))),
                    ])
                }),
            "companions": .array(
                outcome.companions.map { finding in
                    .object([
                        JSONMember("kind", .string(finding.kind.key)), JSONMember("name", .string(finding.name)),
                        JSONMember("id", .string(finding.id)), JSONMember("status", .string(finding.status.rawValue)),
                        JSONMember("differences", .array(finding.differences.map { .string($0) })),
                    ])
                }),
            "drifted": .bool(outcome.drifted),
        ]).rendered()
    }
}

/// `cfc drift`'s messages, in one place.
enum DriftMessages {
    static func noCLI() -> Diagnostic {
        Diagnostic(
            id: "aws.not_found", severity: .error, summary: "the aws CLI was not found on PATH",
            hint: "install it (python3 -m pip install awscli), or give its path with --aws")
    }

    static func awsFailed(_ name: String, id: String, _ failure: AWSCLI.Failure, at range: SourceRange?) -> Diagnostic {
        switch failure {
        case .noSuchDistribution:
            return Diagnostic(
                id: "aws.no_such_distribution", severity: .error,
                summary: "the state file maps '\(name)' to \(id), which CloudFront does not have",
                hint: "the state file is stale: remove '\(name)' from it if the distribution was deleted", range: range)
        default:
            return Diagnostic(
                id: "aws.failed", severity: .error,
                summary: "reading the live config of '\(name)' (\(id)) failed: \(failure.message)",
                hint: "check the aws CLI's credentials, region and AWS_ENDPOINT_URL, then run again", range: range)
        }
    }
}
