import CFCDiagnostics
import CFCSupport
import DistributionIR

/// What `cfc compile` does after compiling its inputs: decide whether to write, and where.
public enum CompileCommand {
    /// The outcome of a compile run.
    public struct Outcome: Sendable {
        /// Every diagnostic to print.
        public var diagnostics: [Diagnostic]
        /// Bytes for standard output, when printing one document.
        public var standardOutput: [UInt8]?
        /// Whether the run failed (exit status 1).
        public var failed: Bool
        /// Values no output but the documents may show.
        public var sensitiveValues: [String] = []
    }

    /// Compiles `paths`: into the directory `output`, streamed (each distribution compiled
    /// while the next is parsed), or, without one, to standard output (one document).
    ///
    /// The ids of companion resources referred to by name come from the state file (`statePath`,
    /// else `cfc-state.json` beside the first config when there is one).
    public static func execute(_ paths: [String], output: String?, statePath: String? = nil, options: CompileOptions) -> CommandResult {
        var options = options
        let stateSink = DiagnosticCollector()
        guard
            let state = StateFile.read(
                StateFile.path(forConfigs: paths, explicit: statePath, environment: options.environment), mustExist: statePath != nil,
                options: options, sink: stateSink)
        else {
            return CommandResult(diagnostics: stateSink.diagnostics, sources: [], exitStatus: .compiler(failed: true))
        }
        options.companionIDs = state.companionIDs
        if let output {
            let (outcome, sources) = StreamingCompile.run(paths: paths, options: options, output: output)
            var result = CommandResult(diagnostics: outcome.diagnostics, sources: sources, exitStatus: .compiler(failed: outcome.failed))
            result.sensitiveValues = outcome.sensitiveValues
            return result
        }
        let results = paths.map { Pipeline().compile(path: $0, options: options) }
        let outcome = finish(results, output: nil)
        var result = CommandResult(
            diagnostics: outcome.diagnostics, sources: results.flatMap(\.sources),
            standardOutput: outcome.standardOutput ?? [], exitStatus: .compiler(failed: outcome.failed))
        result.sensitiveValues = results.flatMap(\.sensitiveValues)
        result.standardOutputIsAPIDocument = true
        return result
    }

    /// Checks for errors and conflicts, then writes the documents to `output`, or returns the
    /// one document to print when there is no output directory.
    ///
    /// Notes are left out: `cfc compile` reports what needs attention, `cfc check` everything.
    public static func finish(_ results: [CompileResult], output: String?) -> Outcome {
        var diagnostics = results.flatMap(\.diagnostics).filter { $0.severity != .note }
        if results.contains(where: \.hasErrors) {
            return Outcome(diagnostics: diagnostics, standardOutput: nil, failed: true)
        }
        let documents = results.flatMap(\.documents)
        // Each document's distribution name, where it was written.
        let places = results.flatMap { result in
            result.documents.map { result.locator?.keyRange(of: .distribution($0.distributionName)) }
        }
        let conflicts = RunSettlement.conflicts(logicalPaths: documents.map(\.logicalPath), places: places)
        if !conflicts.isEmpty {
            return Outcome(diagnostics: diagnostics + conflicts, standardOutput: nil, failed: true)
        }
        guard let output else {
            guard documents.count == 1 else {
                let distributions = results.reduce(0) { $0 + ($1.model?.distributions.count ?? 0) }
                let companions = results.reduce(0) { $0 + ($1.model?.companions.count ?? 0) }
                let what =
                    companions == 0
                    ? "\(distributions) distributions"
                    : "\(distributions) distribution\(distributions == 1 ? "" : "s") and \(companions) companion resource\(companions == 1 ? "" : "s")"
                diagnostics.append(
                    Diagnostic(
                        id: "io.output", severity: .error,
                        summary: "the input holds \(what); standard output takes one document",
                        hint: "give --output DIR to write one file per document"))
                return Outcome(diagnostics: diagnostics, standardOutput: nil, failed: true)
            }
            return Outcome(diagnostics: diagnostics, standardOutput: documents[0].bytes, failed: false)
        }
        do {
            try OutputWriting.write(documents, to: output)
        } catch {
            diagnostics.append(OutputWriting.writeFailure(error))
            return Outcome(diagnostics: diagnostics, standardOutput: nil, failed: true)
        }
        return Outcome(diagnostics: diagnostics, standardOutput: nil, failed: false)
    }
}
