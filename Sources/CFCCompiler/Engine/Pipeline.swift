import APIDocument
import CFCDiagnostics
import CFCSupport
import Checks
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// The compiler: its stages, and the in-memory driver that runs them over a file.
///
/// ```
/// path             -> SourceFile         read     (SourceInput; size limit)
/// SourceFile       -> YAMLDocument       parse    (libyaml events → positioned tree; aliases, merge keys, limits)
/// YAMLDocument     -> ExpandedConfig     expand   (parameters and environments: `${…}` substituted, spans kept)
/// YAMLDocument     -> [DistributionEntry] lower the top level (version, the distributions mapping, names)
/// then, per distribution, in `DistributionUnit` (the one unit of work both drivers run):
/// DistributionEntry -> Distribution      lower    (the catalog: keys, types, defaults, references)
/// Distribution     -> [Diagnostic]       check    (the rule catalog: ordering, HTTPS, certificates, …)
/// Distribution     -> printed documents  emit     (DistributionConfig as JSON and/or XML, in one walk)
/// then, per file, `FileSettlement` decides which findings count and whether anything is kept.
/// ```
///
/// Two drivers run the unit: `compile(source:options:sink:)` here, over a parsed file with the
/// documents kept in memory (standard output, `check`, `plan`, `route`, tests), and
/// `StreamingCompile`, on workers while the parser reads on, into files (`compile --output`).
/// A test holds the two to the same bytes and diagnostics over the whole corpus.
public struct Pipeline: Sendable {
    /// Turns bytes into a YAML tree.
    public var parser: any ParsingStage = LibYAMLParsingStage()
    /// Turns the YAML tree into the IR.
    public var lowering: any LoweringStage = CatalogLoweringStage()
    /// Proves a distribution's properties: routing, HTTPS, certificates, API validity.
    public var checker: any CheckingStage = RuleCatalogChecker()
    /// Prints a distribution's API documents.
    public var emitter: any EmittingStage = DistributionConfigEmitter()

    /// A pipeline with the default stages.
    public init() {}

    /// Compiles the file at `path` (`-` for standard input).
    public func compile(path: String, options: CompileOptions) -> CompileResult {
        let sink = DiagnosticCollector()
        guard let source = SourceInput.read(path, options: options, sink: sink) else {
            return CompileResult(source: nil, model: nil, documents: [], diagnostics: sink.diagnostics)
        }
        return compile(source: source, options: options, sink: sink)
    }

    /// Compiles `source` in memory: every distribution through `DistributionUnit` (on all
    /// cores), then the file settled (`FileSettlement`). `sink` receives the file's diagnostics.
    public func compile(source: SourceFile, options: CompileOptions, sink: DiagnosticCollector = DiagnosticCollector()) -> CompileResult {
        let earlier = sink.diagnostics.count
        guard let parsed = parser.parse(source, options: options, sink: sink) else {
            return CompileResult(source: source, model: nil, documents: [], diagnostics: sink.diagnostics)
        }
        let expanded = ConfigExpansion.expand(parsed, options: options.expansionOptions, sink: sink)
        let document = expanded.document
        guard let entries = lowering.lowerTopLevel(document, options: options, sink: sink) else {
            return CompileResult(
                source: source, model: nil, documents: [], diagnostics: expanded.annotate(sink.diagnostics), expansion: expanded)
        }
        let companions = lowering.lowerCompanions(document, options: options, sink: sink)
        let locator = YAMLSourceLocator(document: document)
        let unit = DistributionUnit(pipeline: self, options: options, keepsDistribution: true)
        let units = Parallel.map(entries) { unit.run($0, locator: locator, into: InMemoryDestination()) }
        let settled = FileSettlement(
            fileDiagnostics: Array(sink.diagnostics[earlier...]), units: units, companions: companions,
            locator: locator, options: options)
        for diagnostic in settled.diagnostics.dropFirst(sink.diagnostics.count - earlier) { sink.emit(diagnostic) }
        let companionDocuments = settled.failed ? [] : CompanionEmission(companions, options: options, into: InMemoryDestination()).receipts
        return CompileResult(
            source: source, model: ConfigModel(distributions: units.compactMap(\.distribution), companions: companions),
            locator: locator, documents: settled.failed ? [] : units.flatMap(\.receipts) + companionDocuments,
            diagnostics: expanded.annotate(sink.diagnostics), expansion: expanded)
    }
}

extension Pipeline {
    /// Parses and lowers `source` without checking or emitting it: one side of a plan or a
    /// diff, which is compared rather than compiled. `sink` receives the parse and lowering
    /// findings, in file order. Nil when the file has no usable top level.
    public func lower(source: SourceFile, options: CompileOptions, sink: any DiagnosticSink) -> ConfigModel? {
        lowerExpanded(source: source, options: options, sink: sink).model
    }

    /// `lower(source:options:sink:)`, with what expanding the file's parameters found (the
    /// files its values came from, its sensitive values).
    public func lowerExpanded(source: SourceFile, options: CompileOptions, sink: any DiagnosticSink)
        -> (model: ConfigModel?, expansion: ExpandedConfig?)
    {
        // Collected here and passed on annotated: a finding at a substituted value gets its
        // note, and no message carries a sensitive value.
        let collector = DiagnosticCollector()
        guard let parsed = parser.parse(source, options: options, sink: collector) else {
            for diagnostic in collector.diagnostics { sink.emit(diagnostic) }
            return (nil, nil)
        }
        let expanded = ConfigExpansion.expand(parsed, options: options.expansionOptions, sink: collector)
        func pass() { for diagnostic in expanded.annotate(collector.diagnostics) { sink.emit(diagnostic) } }
        let document = expanded.document
        guard let entries = lowering.lowerTopLevel(document, options: options, sink: collector) else {
            pass()
            return (nil, expanded)
        }
        let companions = lowering.lowerCompanions(document, options: options, sink: collector)
        let locator = YAMLSourceLocator(document: document)
        let lowered = Parallel.map(entries) { lowering.lower($0, locator: locator, options: options) }
        for result in lowered {
            for diagnostic in result.diagnostics { collector.emit(diagnostic) }
        }
        pass()
        return (ConfigModel(distributions: lowered.compactMap(\.distribution), companions: companions), expanded)
    }
}

/// What the compiler is asked to do.
public struct CompileOptions: Sendable {
    /// Which formats to emit.
    public var formats: Set<OutputFormat> = [.json]
    /// The largest input file accepted.
    public var maxInputBytes: Int = 64 << 20
    /// Whether input files may be symbolic links or devices (`--follow-symlinks`); by default
    /// only regular files and pipes are read (`FileIO.read`).
    public var followSymlinks = false
    /// The YAML parser's limits.
    public var parseOptions = YAMLParseOptions()
    /// The most a distribution's `pattern-search-steps` may ask for: a file can lower its
    /// budget, never raise it past this, which only a command-line option
    /// (`--max-pattern-search-steps`) changes. A file comes from a pull request; the time it may
    /// buy is the pipeline's to decide.
    public var maxPatternSearchSteps: Int = DistributionPolicy.defaultPatternSearchSteps
    /// Whether rules whose findings are all notes run. `compile` shows no notes, so it leaves
    /// them out; `check` shows them.
    public var includeNotes = true
    /// Whether `ignore:` may silence findings CloudFront's API would reject the document for.
    /// Only `check` sets it (an ignore entry there is a baseline); compile, plan and everything
    /// that writes or applies a document leave it off, so no suppression makes cfc write a
    /// document the API refuses.
    public var baselinesAPIRejections = false
    /// The ids of the companion resources that exist in CloudFront (from the state file): a
    /// distribution that names one gets its id; one that names a companion not created yet is
    /// not emitted (`compile.waiting_for_ids`).
    public var companionIDs = CompanionIDs()
    /// Where the files a config names (a function's `code`) are read from; nil: the config's
    /// own directory (the working directory for standard input). For text compiled from
    /// memory under a name that is not where it lives.
    public var configDirectory: String? = nil
    /// The environment whose parameter values to use (`--env`).
    public var environment: String? = nil
    /// What an unset `${env:NAME}` is: an error where documents are written or sent, a
    /// placeholder where a pull request checks a config without the deploy job's secrets.
    public var unsetVariables = ExpansionOptions.UnsetVariables.error
    /// Reads the process environment for `${env:NAME}`; tests give their own.
    public var environmentVariable: @Sendable (String) -> String? = ExpansionOptions().environmentVariable

    /// What the expansion stage is asked for.
    var expansionOptions: ExpansionOptions {
        var expansion = ExpansionOptions()
        expansion.environment = environment
        expansion.configDirectory = configDirectory
        expansion.maxInputBytes = maxInputBytes
        expansion.parseOptions = parseOptions
        expansion.unsetVariables = unsetVariables
        expansion.environmentVariable = environmentVariable
        return expansion
    }

    /// How far `compile --output` lets the parser run ahead of the workers, in bytes of the
    /// trees handed off (nil: 2 MiB per core). Tests narrow it to exercise the waiting.
    public var handOffWindowBytes: Int? = nil

    /// Steps of pattern search every distribution gets, whatever its size.
    public static let patternSearchStepsBase = 1_000_000
    /// Steps of pattern search per byte of a distribution's source, on top of the base.
    public static let patternSearchStepsPerByte = 1_000

    /// The steps the checks of a distribution written in `sourceBytes` bytes may spend: what
    /// its `pattern-search-steps` asks for, at most `maxPatternSearchSteps`, and at most
    /// `patternSearchStepsBase` plus `patternSearchStepsPerByte` per byte. The last bound makes
    /// the analysis of any file linear in its size (a 3 KB distribution: at most 4 million
    /// steps), however its distributions are cut.
    public func patternSearchAllowance(asked: Int, sourceBytes: Int) -> Int {
        let bySize = Self.patternSearchStepsBase + Self.patternSearchStepsPerByte * max(0, sourceBytes)
        return max(1, min(asked, maxPatternSearchSteps, bySize))
    }

    /// The default options: JSON only, 64 MiB inputs.
    public init() {}
}

/// A document format cfc emits (see `DocumentFormat`: a new format is a `DocumentLayout` and one
/// value in `DocumentFormat.all`).
public typealias OutputFormat = DocumentFormat

extension DocumentFormat {
    /// The file a distribution's config is written to, such as `www.distribution.json`, or
    /// `www.prod.distribution.json` for environment `prod`.
    public func logicalPath(forDistribution name: String, environment: String? = nil) -> String {
        "\(OutputNames.qualified(name, environment: environment)).distribution.\(fileExtension)"
    }
}

/// How output files are named per environment.
public enum OutputNames {
    /// `name` as output files carry it: `www`, or `www.prod` for environment `prod`, so that
    /// every environment compiles into one directory without two files clashing.
    public static func qualified(_ name: String, environment: String?) -> String {
        environment.map { "\(name).\($0)" } ?? name
    }
}

/// One output file, as bytes, not yet written anywhere.
public struct EmittedDocument: Sendable, Equatable {
    /// The file name relative to the output directory, such as `www.distribution.json`.
    public var logicalPath: String
    /// `application/json` or `application/xml`.
    public var mediaType: String
    /// The distribution the document is for.
    public var distributionName: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Whether the document holds a value AWS's model marks sensitive (an origin's custom
    /// header value, a function's code): written readable by its owner only (mode 0600).
    public var isPrivate: Bool

    /// Creates a document.
    public init(logicalPath: String, mediaType: String, distributionName: String, bytes: [UInt8], isPrivate: Bool = false) {
        self.logicalPath = logicalPath
        self.mediaType = mediaType
        self.distributionName = distributionName
        self.bytes = bytes
        self.isPrivate = isPrivate
    }
}

/// What compiling one file produced.
public struct CompileResult: Sendable {
    /// The file read, for rendering diagnostics with snippets (nil when it could not be read).
    public var source: SourceFile?
    /// The IR, when lowering got that far (it may be partial if there are errors).
    public var model: ConfigModel?
    /// Maps config paths back to the source, when there is one.
    public var locator: (any SourceLocator)? = nil
    /// The emitted documents; empty when there is any error.
    public var documents: [EmittedDocument]
    /// Every diagnostic, in the order produced.
    public var diagnostics: [Diagnostic]
    /// What expanding the file's parameters found, when it got that far.
    public var expansion: ExpandedConfig? = nil

    /// Every file the diagnostics may point into: the config, and the files its values came
    /// from (an environment's values).
    public var sources: [SourceFile] {
        expansion?.sources ?? (source.map { [$0] } ?? [])
    }

    /// The values no output but the API documents may show: sensitive parameters', and the
    /// values of members AWS's model marks sensitive.
    public var sensitiveValues: [String] {
        (expansion?.sensitiveValues ?? []) + (model?.sensitiveValues ?? [])
    }

    /// Whether any unsuppressed error was reported.
    public var hasErrors: Bool {
        diagnostics.containsErrors
    }
}

// MARK: - Stages

/// Parses a source file into a YAML tree.
public protocol ParsingStage: Sendable {
    /// Returns the document, or nil when the parse stopped on an error. With `handOff`, each
    /// value of the top-level `distributions` mapping is handed to it as a document of its own
    /// as soon as it is read (see `YAMLParser.parse(_:options:sink:detachingValuesOf:handler:)`).
    func parse(
        _ source: SourceFile, options: CompileOptions, sink: any DiagnosticSink,
        handOff: ((DetachedValue) -> Void)?
    ) -> YAMLDocument?
}

extension ParsingStage {
    /// Parses the whole file into one tree.
    func parse(_ source: SourceFile, options: CompileOptions, sink: any DiagnosticSink) -> YAMLDocument? {
        parse(source, options: options, sink: sink, handOff: nil)
    }
}

/// Lowers a YAML tree into the IR: the file's top level, then each distribution on its own.
public protocol LoweringStage: Sendable {
    /// The distributions' entries in file order, or nil when the top level is unusable.
    func lowerTopLevel(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> [DistributionEntry]?
    /// One distribution (nil when it is unusable) and its findings.
    func lower(_ entry: DistributionEntry, locator: YAMLSourceLocator, options: CompileOptions)
        -> (distribution: Distribution?, diagnostics: [Diagnostic])
    /// The companion resources the file declares, in order; problems go to `sink`.
    func lowerCompanions(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> [Companion]
}

extension LoweringStage {
    public func lowerCompanions(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> [Companion] {
        DistributionLanguage.lowerCompanions(
            document, configDirectory: options.configDirectory, companionIDs: options.companionIDs, sink: sink)
    }
}

/// Checks a distribution, returning its findings.
public protocol CheckingStage: Sendable {
    /// Every finding about `distribution`, suppressed ones included (marked).
    func check(_ distribution: Distribution, locator: (any SourceLocator)?, options: CompileOptions) -> [Diagnostic]
}

/// Emits a distribution's API documents.
public protocol EmittingStage: Sendable {
    /// Emits the distribution's `DistributionConfig` into `printer`, which prints the formats
    /// it was made for.
    func emit(_ distribution: Distribution, options: CompileOptions, printingTo printer: StreamPrinter)
}

/// The libyaml front end.
public struct LibYAMLParsingStage: ParsingStage {
    /// Creates the stage.
    public init() {}

    public func parse(
        _ source: SourceFile, options: CompileOptions, sink: any DiagnosticSink,
        handOff: ((DetachedValue) -> Void)?
    ) -> YAMLDocument? {
        guard let handOff else { return YAMLParser.parse(source, options: options.parseOptions, sink: sink) }
        return YAMLParser.parse(source, options: options.parseOptions, sink: sink, detachingValuesOf: "distributions", handler: handOff)
    }
}

/// Lowering by the language catalog.
public struct CatalogLoweringStage: LoweringStage {
    /// Creates the stage.
    public init() {}

    public func lowerTopLevel(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> [DistributionEntry]? {
        DistributionLanguage.lowerTopLevel(document, sink: sink)
    }

    public func lower(_ entry: DistributionEntry, locator: YAMLSourceLocator, options: CompileOptions)
        -> (distribution: Distribution?, diagnostics: [Diagnostic])
    {
        lowerDistribution(entry, locator: locator, companionIDs: options.companionIDs)
    }
}

/// The rule catalog of the Checks module.
public struct RuleCatalogChecker: CheckingStage {
    /// Creates the stage.
    public init() {}

    public func check(_ distribution: Distribution, locator: (any SourceLocator)?, options: CompileOptions) -> [Diagnostic] {
        Checker.check(
            distribution, locator: locator, includeNotes: options.includeNotes,
            baselinesAPIRejections: options.baselinesAPIRejections)
    }
}

/// Emits the `DistributionConfig` of a distribution.
public struct DistributionConfigEmitter: EmittingStage {
    /// Creates the stage.
    public init() {}

    public func emit(_ distribution: Distribution, options: CompileOptions, printingTo printer: StreamPrinter) {
        emitDistributionConfig(distribution, printingTo: printer)
    }
}

/// Messages of the compiler driver.
enum CompilerMessages {
    /// `io.read`: a file that cannot be read.
    static func unreadable(_ error: FileIOError) -> Diagnostic {
        Diagnostic(id: "io.read", severity: .error, summary: "cannot read the file: \(error.reason)", file: error.path)
    }
}
