import CFCDiagnostics
import DistributionIR

/// The distributions of the configs `apply` and `drift` act on, compiled with every check, and
/// where each is named, so that what is said of a distribution later (an aws failure, drift)
/// points at it: `file:line:column` of its key under `distributions:`.
struct CompiledConfigs {
    /// The distributions, in file order.
    var distributions: [Distribution] = []
    /// Where each distribution's name is written.
    var places: [String: SourceRange] = [:]
    /// The files read.
    var sources: [SourceFile] = []

    /// Compiles `paths`, reporting every finding but notes into `sink`.
    init(_ paths: [String], options: CompileOptions, sink: any DiagnosticSink) {
        var checkOptions = options
        checkOptions.formats = []
        for path in paths {
            let compiled = Pipeline().compile(path: path, options: checkOptions)
            for diagnostic in compiled.diagnostics where diagnostic.severity != .note { sink.emit(diagnostic) }
            if let source = compiled.source { sources.append(source) }
            guard !compiled.hasErrors else { continue }
            for distribution in compiled.model?.distributions ?? [] {
                distributions.append(distribution)
                if let range = compiled.locator?.keyRange(of: distribution.path) { places[distribution.name] = range }
            }
        }
    }
}
