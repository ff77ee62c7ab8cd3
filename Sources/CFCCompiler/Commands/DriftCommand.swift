import CFCDiagnostics
import CFCSupport
import DistributionIR
import Planning

/// What `cfc drift` does: for every distribution of the configs that the state file says
/// exists, read its live config with the aws CLI and compare it with the compiled one, with the
/// same normalization as `cfc diff` (so values CloudFront fills in are no drift).
public enum DriftCommand {
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
        /// Problems (unreadable configs or state, aws failures).
        public var diagnostics: [Diagnostic]
        /// The files read.
        public var sources: [SourceFile]

        /// Whether anything drifted or is missing.
        public var drifted: Bool { entries.contains { $0.status != .inSync } }
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
            return CommandResult(diagnostics: outcome.diagnostics, sources: outcome.sources, exitStatus: .failure)
        }
        return CommandResult(
            diagnostics: outcome.diagnostics, sources: outcome.sources,
            standardOutput: format == .json ? renderJSON(outcome) : format == .markdown ? MarkdownReport.drift(outcome) : renderText(outcome),
            exitStatus: outcome.drifted ? .changesPlanned : .success)
    }

    /// Compares every distribution of `paths` with its live config.
    public static func run(_ paths: [String], statePath: String?, aws: AWSCLI?, options: CompileOptions) -> Outcome {
        let sink = DiagnosticCollector()
        let configs = CompiledConfigs(paths, options: options, sink: sink)
        let sources = configs.sources
        guard !sink.diagnostics.containsErrors,
              let state = StateFile.read(StateFile.path(forConfigs: paths, explicit: statePath), mustExist: statePath != nil,
                                         options: options, sink: sink) else {
            return Outcome(entries: [], diagnostics: sink.diagnostics, sources: sources)
        }
        var entries: [Entry] = []
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
                entries.append(Entry(name: distribution.name, id: record.id, status: changes.isEmpty ? .inSync : .drifted, changes: changes))
            } catch {
                sink.emit(DriftMessages.awsFailed(distribution.name, id: record.id, error, at: configs.places[distribution.name]))
            }
        }
        return Outcome(entries: entries, diagnostics: sink.diagnostics, sources: sources)
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
        return Array(VisibleText.escapedLines(text).utf8)
    }

    static func renderJSON(_ outcome: Outcome) -> [UInt8] {
        JSONValue.object([
            "distributions": .array(outcome.entries.map { entry in
                .object([
                    JSONMember("name", .string(entry.name)), JSONMember("id", .string(entry.id)),
                    JSONMember("status", .string(entry.status.rawValue)),
                    JSONMember("changes", .array(entry.changes.map(\.json))),
                ])
            }),
            "drifted": .bool(outcome.drifted),
        ]).rendered()
    }
}

/// `cfc drift`'s messages, in one place.
enum DriftMessages {
    static func noCLI() -> Diagnostic {
        Diagnostic(id: "aws.not_found", severity: .error, summary: "the aws CLI was not found on PATH",
                   hint: "install it (python3 -m pip install awscli), or give its path with --aws")
    }

    static func awsFailed(_ name: String, id: String, _ failure: AWSCLI.Failure, at range: SourceRange?) -> Diagnostic {
        switch failure {
        case .noSuchDistribution:
            return Diagnostic(id: "aws.no_such_distribution", severity: .error,
                              summary: "the state file maps '\(name)' to \(id), which CloudFront does not have",
                              hint: "the state file is stale: remove '\(name)' from it if the distribution was deleted", range: range)
        default:
            return Diagnostic(id: "aws.failed", severity: .error,
                              summary: "reading the live config of '\(name)' (\(id)) failed: \(failure.message)",
                              hint: "check the aws CLI's credentials, region and AWS_ENDPOINT_URL, then run again", range: range)
        }
    }
}
