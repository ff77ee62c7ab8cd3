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
    /// The companion resources the configs declare.
    var companions: [Companion] = []
    /// Where each is declared, by `kind/name`.
    var companionPlaces: [String: SourceRange] = [:]
    /// The files read.
    var sources: [SourceFile] = []
    /// Values no output may show (see `CompileResult.sensitiveValues`).
    var sensitiveValues: [String] = []

    /// Compiles `paths`, reporting every finding but notes into `sink`.
    init(_ paths: [String], options: CompileOptions, sink: any DiagnosticSink) {
        var checkOptions = options
        checkOptions.formats = []
        for path in paths {
            let compiled = Pipeline().compile(path: path, options: checkOptions)
            for diagnostic in compiled.diagnostics where diagnostic.severity != .note { sink.emit(diagnostic) }
            sources += compiled.sources
            sensitiveValues += compiled.sensitiveValues
            guard !compiled.hasErrors else { continue }
            for companion in compiled.model?.companions ?? [] {
                // One name is one resource in CloudFront: two configs cannot both declare it.
                if companions.contains(where: { $0.kind == companion.kind && $0.name == companion.name }) {
                    sink.emit(
                        Diagnostic(
                            id: "apply.duplicate_companion", severity: .error,
                            summary: "\(companion.kind.noun) '\(companion.name)' is declared by more than one of the configs",
                            hint: "declare it in one config; CloudFront has one \(companion.kind.noun) of a name per account",
                            range: compiled.locator?.keyRange(of: companion.path),
                            notes: companionPlaces[companion.kind.key + "/" + companion.name].map {
                                [DiagnosticNote("the other declaration of '\(companion.name)'", at: $0)]
                            } ?? []))
                    continue
                }
                companions.append(companion)
                if let range = compiled.locator?.keyRange(of: companion.path) {
                    companionPlaces[companion.kind.key + "/" + companion.name] = range
                }
            }
            for distribution in compiled.model?.distributions ?? [] {
                distributions.append(distribution)
                if let range = compiled.locator?.keyRange(of: distribution.path) { places[distribution.name] = range }
            }
        }
    }
}
