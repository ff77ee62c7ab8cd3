import CFCDiagnostics
import CFCSupport
import DistributionLanguage
import YAMLSyntax

/// One file compiled in each of its environments, with the findings merged: the same finding
/// in several environments is one finding that names them (`check` without `--env`).
public struct EnvironmentRuns: Sendable {
    /// One result per environment compiled (one, for a file without environments).
    public var results: [CompileResult]
    /// The environments compiled, in the order of `results` (nil for a file without any).
    public var environments: [String?]
    /// Every finding, each once, naming the environments it holds for when there are several.
    public var diagnostics: [Diagnostic]

    /// Compiles the file at `path` in each of `environments`, or, when none is given, in every
    /// environment the file declares (once, without one, when it declares none).
    public static func compile(path: String, environments: [String], options: CompileOptions) -> EnvironmentRuns {
        let sink = DiagnosticCollector()
        guard let source = SourceInput.read(path, options: options, sink: sink) else {
            let result = CompileResult(source: nil, model: nil, documents: [], diagnostics: sink.diagnostics)
            return EnvironmentRuns(results: [result], environments: [nil], diagnostics: sink.diagnostics)
        }
        let chosen: [String?] = environments.isEmpty ? declaredEnvironments(source, options: options).map { $0 } : environments
        guard !chosen.isEmpty else {
            let result = Pipeline().compile(source: source, options: options)
            return EnvironmentRuns(results: [result], environments: [nil], diagnostics: result.diagnostics)
        }
        let results = chosen.map { environment in
            var options = options
            options.environment = environment
            return Pipeline().compile(source: source, options: options)
        }
        return EnvironmentRuns(
            results: results, environments: chosen,
            diagnostics: merge(zip(chosen.map { $0 ?? "" }, results.map(\.diagnostics)).map { ($0, $1) }))
    }

    /// The environments `source` declares; none when it declares none (or cannot be parsed,
    /// which compiling it then reports).
    static func declaredEnvironments(_ source: SourceFile, options: CompileOptions) -> [String] {
        guard ConfigExpansion.mayUseParameters(source.bytes),
            let document = YAMLParser.parse(source, options: options.parseOptions, sink: DiagnosticCollector())
        else { return [] }
        return ConfigExpansion.declaredEnvironments(document).filter { ParameterNames.problem(with: $0) == nil }
    }

    /// The findings of each environment as one list: a finding (the same id, severity, message
    /// and place) reported in several environments is listed once, and each says which
    /// environments it holds for.
    static func merge(_ runs: [(environment: String, diagnostics: [Diagnostic])]) -> [Diagnostic] {
        struct Key: Hashable {
            var id: DiagnosticID
            var severity: Severity
            var summary: String
            var range: SourceRange?
            var file: String?
            var configPath: String?
            var isSuppressed: Bool
        }
        var order: [Key] = []
        var merged: [Key: (diagnostic: Diagnostic, environments: [String])] = [:]
        for (environment, diagnostics) in runs {
            var seenHere = Set<Key>()
            for diagnostic in diagnostics {
                let key = Key(
                    id: diagnostic.id, severity: diagnostic.severity, summary: diagnostic.summary, range: diagnostic.range,
                    file: diagnostic.file, configPath: diagnostic.configPath, isSuppressed: diagnostic.isSuppressed)
                guard seenHere.insert(key).inserted else { continue }
                if var entry = merged[key] {
                    entry.environments.append(environment)
                    for note in diagnostic.notes where !entry.diagnostic.notes.contains(note) { entry.diagnostic.notes.append(note) }
                    merged[key] = entry
                } else {
                    order.append(key)
                    merged[key] = (diagnostic, [environment])
                }
            }
        }
        return order.compactMap { key in
            guard var (diagnostic, environments) = merged[key] else { return nil }
            // The summary says it, so every report shows it; `environments` is for tools.
            diagnostic.summary += " (\(environments.count == 1 ? "environment" : "environments") \(environments.joined(separator: ", ")))"
            diagnostic.environments = environments
            return diagnostic
        }
    }
}
