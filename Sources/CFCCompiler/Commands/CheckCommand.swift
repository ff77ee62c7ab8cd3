import CFCDiagnostics
import CFCSupport
import Checks
import DistributionIR
import DistributionLanguage
import Routing

/// What `cfc check` does: compile without emitting, then report every finding in the chosen
/// format, and optionally suggest an order for the cache behaviors.
public enum CheckCommand {
    /// The report formats.
    public enum Format: String, Sendable, CaseIterable {
        /// clang-style text with snippets.
        case text
        /// `{"diagnostics": […]}`.
        case json
        /// SARIF 2.1.0 for code-scanning upload.
        case sarif
        /// GitHub Actions workflow commands.
        case github
    }

    /// The outcome of a check run.
    public struct Outcome: Sendable {
        /// The report for standard output.
        public var report: [UInt8]
        /// Whether the run failed (exit status 1).
        public var failed: Bool
        /// Values the report may not show.
        public var sensitiveValues: [String] = []

        /// The report on standard output (it is the command's output, not a side channel),
        /// exit status 1 when the run failed.
        public var result: CommandResult {
            var result = CommandResult(standardOutput: report, exitStatus: .compiler(failed: failed))
            result.sensitiveValues = sensitiveValues
            return result
        }
    }

    /// Checks every file and renders one report.
    ///
    /// - Parameters:
    ///   - errorLimit: how many errors per file the text and GitHub reports show
    ///     (`DiagnosticLimit`; 0 shows all). JSON and SARIF list every finding; whether the run
    ///     fails, and the text report's counts, take every finding.
    ///   - minimumSeverity: the least severe finding reported; nil reports every finding, except
    ///     that GitHub annotations leave notes out (`GitHubActionsRenderer`).
    public static func run(
        _ paths: [String], format: Format, warningsAsErrors: Bool, suggestOrder: Bool, colors: Bool,
        errorLimit: Int = DiagnosticLimit.defaultErrorLimit, minimumSeverity: Severity? = nil,
        environments: [String] = [], options: CompileOptions = CompileOptions()
    ) -> Outcome {
        var checkOptions = options
        checkOptions.formats = []
        checkOptions.baselinesAPIRejections = true
        // A pull request is checked without the deploy job's secrets.
        checkOptions.unsetVariables = .placeholder
        let runs = paths.map { EnvironmentRuns.compile(path: $0, environments: environments, options: checkOptions) }
        let results = runs.flatMap(\.results)
        var seen = Set<Diagnostic>()
        let all = runs.flatMap(\.diagnostics).sorted(by: Diagnostic.printOrder).filter { seen.insert($0).inserted }
        let failed = all.contains { $0.isError || (warningsAsErrors && $0.isWarning) }
        // Text and GitHub annotations are for people: suppressed findings left out, errors
        // limited per file. JSON and SARIF are for tools: every finding.
        let forPeople = format == .text || format == .github
        let reported = minimumSeverity.map { least in all.filter { $0.severity <= least } } ?? all
        let diagnostics = forPeople ? DiagnosticLimit.apply(reported.filter { !$0.isSuppressed }, errorLimit: errorLimit) : reported
        var report: [UInt8]
        switch format {
        case .text:
            var files: [String: SourceFile] = [:]
            let redactor = SecretRedactor(results.flatMap(\.sensitiveValues))
            for source in results.flatMap(\.sources) where files[source.path] == nil { files[source.path] = redactor.mask(source) }
            report = TextDiagnosticRenderer(sources: files, colors: colors).render(diagnostics)
            let errors = all.count(where: \.isError)
            let warnings = all.count(where: \.isWarning)
            let suppressed = all.count(where: \.isSuppressed)
            report.append(
                "\(paths.count) file\(paths.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                    + (suppressed > 0 ? ", \(suppressed) suppressed" : "") + "\n")
        case .json:
            report = JSONDiagnosticRenderer().render(diagnostics)
        case .sarif:
            report = SARIFRenderer(rules: sarifRules, version: CFCVersion.number).render(diagnostics)
        case .github:
            report = GitHubActionsRenderer(minimumSeverity: minimumSeverity ?? .warning).render(diagnostics)
        }
        if suggestOrder {
            var suggestions: [(OrderSuggestion, Distribution, String)] = []
            for result in results {
                guard let model = result.model else { continue }
                for distribution in model.distributions {
                    suggestions.append((OrderSuggestion.suggest(for: distribution), distribution, result.source?.path ?? ""))
                }
            }
            switch format {
            case .json:
                report = JSONDiagnosticRenderer().report(diagnostics)
                    .appending(JSONMember("suggested-orders", .array(suggestions.map { renderSuggestionJSON($0, for: $1, file: $2) })))
                    .rendered()
            case .text, .github:
                // GitHub shows lines that are not workflow commands as plain log text.
                for (suggestion, distribution, file) in suggestions {
                    report += renderSuggestion(suggestion, for: distribution, file: file)
                }
            case .sarif:
                // A SARIF log has no place for it, and text after the log would break the upload;
                // `Check.validate` refuses the combination, so a library caller gets the log alone.
                break
            }
        }
        return Outcome(report: report, failed: failed, sensitiveValues: results.flatMap(\.sensitiveValues))
    }

    /// Whether `--suggest-order` can be printed with `format`: not with SARIF, whose log has no
    /// place for it.
    public static func supportsSuggestions(_ format: Format) -> Bool { format != .sarif }

    /// One distribution's suggested order as a JSON object. Positions count from 1, as the
    /// text and the diagnostics do ("behavior 2"):
    ///
    /// ```json
    /// {"distribution": "shop", "file": "site.yaml", "unchanged": false,
    ///  "order": [{"position": 1, "current-position": 2, "path-pattern": "/api/v2/*"}, …],
    ///  "changes": [{"method": "GET", "path": "/api/v2/x",
    ///               "from": {"position": 1, "path-pattern": "/api/*"},
    ///               "to": {"position": 2, "path-pattern": "/api/v2/*"}}]}
    /// ```
    ///
    /// In a change, `from` and `to` name behaviors by their current positions.
    public static func renderSuggestionJSON(_ suggestion: OrderSuggestion, for distribution: Distribution, file: String) -> JSONValue {
        let behaviors = distribution.config.cacheBehaviors
        func behavior(at index: Int) -> JSONValue {
            .inlineObject(["position": .integer(index + 1), "path-pattern": .string(behaviors[index].pathPattern)])
        }
        return .inlineObject([
            "distribution": .string(distribution.name),
            "file": .string(file),
            "unchanged": .bool(suggestion.isUnchanged),
            "order": .inlineArray(
                suggestion.order.enumerated().map { position, index in
                    .inlineObject([
                        "position": .integer(position + 1), "current-position": .integer(index + 1),
                        "path-pattern": .string(behaviors[index].pathPattern),
                    ])
                }),
            "changes": .inlineArray(
                suggestion.changes.map { change in
                    .inlineObject([
                        "method": .string("GET"), "path": .string(change.path), "from": behavior(at: change.from),
                        "to": behavior(at: change.to),
                    ])
                }),
        ])
    }

    /// The rules' metadata for SARIF.
    public static var sarifRules: [SARIFRule] {
        RuleRegistry.rules.map {
            let description = type(of: $0).description
            return SARIFRule(
                id: description.id.rawValue, name: description.name, summary: description.summary,
                description: description.rationale, severity: description.severity)
        }
    }

    /// The suggested order as text, with the requests that would change behavior.
    public static func renderSuggestion(_ suggestion: OrderSuggestion, for distribution: Distribution, file: String) -> [UInt8] {
        let behaviors = distribution.config.cacheBehaviors
        var text = "\nsuggested order for distribution '\(distribution.name)' (\(file)):\n"
        if suggestion.isUnchanged {
            text += "  the current order already puts every pattern before the broader ones it overlaps\n"
            return Array(text.utf8)
        }
        for (position, index) in suggestion.order.enumerated() {
            let moved = position == index ? "" : "   (currently \(index + 1))"
            text += "  \(position + 1). \(behaviors[index].pathPattern)\(moved)\n"
        }
        if suggestion.changes.isEmpty {
            text += "no request would be routed differently\n"
        } else {
            text += "requests that would be routed differently:\n"
            for change in suggestion.changes {
                text +=
                    "  GET \(change.path): '\(behaviors[change.from].pathPattern)' now, '\(behaviors[change.to].pathPattern)' in the suggested order\n"
            }
        }
        return Array(text.utf8)
    }
}
