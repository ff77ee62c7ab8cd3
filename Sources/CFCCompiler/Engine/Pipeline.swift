import APIDocument
import CFCDiagnostics
import Checks
import CFCSupport
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// The compiler, stage by stage. Each stage takes its input, the options and a diagnostic sink,
/// and returns its output; the pipeline stops before emitting when any error was reported.
///
/// ```
/// path           -> SourceFile         read     (FileIO; size limit)
/// SourceFile     -> YAMLDocument       parse    (libyaml events → positioned tree; aliases, merge keys, limits)
/// YAMLDocument   -> ConfigModel        lower    (the catalog: keys, types, defaults, references)
/// ConfigModel    -> CheckedModel       check    (the rule catalog: ordering, HTTPS, certificates, …)
/// CheckedModel   -> [APIDocument]      emit     (one DistributionConfig per distribution, model order)
/// [APIDocument]  -> [EmittedDocument]  print    (JSON and/or XML bytes)
/// ```
///
/// The CLI only chooses options, calls `compile`, prints diagnostics and writes the documents.
public struct Pipeline: Sendable {
    /// Turns bytes into a YAML tree.
    public var parser: any ParsingStage = LibYAMLParsingStage()
    /// Turns the YAML tree into the IR.
    public var lowering: any LoweringStage = CatalogLoweringStage()
    /// Proves the IR's properties: routing, HTTPS, certificates, API validity.
    public var checker: any CheckingStage = RuleCatalogChecker()
    /// Turns the IR into API documents.
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

    /// Compiles `source`.
    public func compile(source: SourceFile, options: CompileOptions, sink: DiagnosticCollector = DiagnosticCollector()) -> CompileResult {
        guard let document = parser.parse(source, options: options, sink: sink),
              let model = lowering.lower(document, options: options, sink: sink) else {
            return CompileResult(source: source, model: nil, documents: [], diagnostics: sink.diagnostics)
        }
        guard !sink.hasErrors else {
            return CompileResult(source: source, model: model, documents: [], diagnostics: sink.diagnostics)
        }
        let locator = YAMLSourceLocator(document: document)
        checker.check(model, locator: locator, options: options, sink: sink)
        guard !sink.hasErrors else {
            return CompileResult(source: source, model: model, locator: locator, documents: [], diagnostics: sink.diagnostics)
        }
        let documents = emitter.emit(model, options: options, sink: sink)
        return CompileResult(source: source, model: model, locator: locator, documents: sink.hasErrors ? [] : documents,
                             diagnostics: sink.diagnostics)
    }
}

/// What the compiler is asked to do.
public struct CompileOptions: Sendable {
    /// Which formats to emit.
    public var formats: Set<OutputFormat> = [.json]
    /// The largest input file accepted.
    public var maxInputBytes: Int = 64 << 20
    /// The YAML parser's limits.
    public var parseOptions = YAMLParseOptions()
    /// A cap on every distribution's `pattern-search-steps`, for callers that must bound the
    /// checks' time whatever the files say (the fuzzer does). Nil: the files decide.
    public var maxPatternSearchSteps: Int? = nil
    /// Whether rules whose findings are all notes run. `compile` shows no notes, so it leaves
    /// them out; `check` shows them.
    public var includeNotes = true
    /// How far `compile --output` lets the parser run ahead of the workers, in bytes of the
    /// trees handed off (nil: 2 MiB per core). Tests narrow it to exercise the waiting.
    public var handOffWindowBytes: Int? = nil

    /// `distribution` with its search budget capped by `maxPatternSearchSteps`.
    func capped(_ distribution: Distribution) -> Distribution {
        guard let cap = maxPatternSearchSteps, distribution.policy.patternSearchSteps > cap else { return distribution }
        var capped = distribution
        capped.policy.patternSearchSteps = cap
        return capped
    }

    /// The default options: JSON only, 64 MiB inputs.
    public init() {}
}

/// A document format cfc emits.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable, Comparable {
    /// What `aws cloudfront create-distribution --distribution-config file://…` takes.
    case json
    /// The REST API's XML body.
    case xml

    /// The file extension.
    public var fileExtension: String { rawValue }

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool { lhs.rawValue < rhs.rawValue }
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

    /// Creates a document.
    public init(logicalPath: String, mediaType: String, distributionName: String, bytes: [UInt8]) {
        self.logicalPath = logicalPath
        self.mediaType = mediaType
        self.distributionName = distributionName
        self.bytes = bytes
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

    /// Whether any unsuppressed error was reported.
    public var hasErrors: Bool {
        diagnostics.containsErrors
    }
}

// MARK: - Stages

/// Parses a source file into a YAML tree.
public protocol ParsingStage: Sendable {
    /// Returns the document, or nil when the parse stopped on an error.
    func parse(_ source: SourceFile, options: CompileOptions, sink: any DiagnosticSink) -> YAMLDocument?
}

/// Lowers a YAML tree into the IR.
public protocol LoweringStage: Sendable {
    /// Returns the model, or nil when the top level is unusable.
    func lower(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> ConfigModel?
}

/// Checks a model, reporting findings.
public protocol CheckingStage: Sendable {
    /// Reports every finding about `model` into `sink`.
    func check(_ model: ConfigModel, locator: (any SourceLocator)?, options: CompileOptions, sink: any DiagnosticSink)
}

/// Emits the files for a model.
public protocol EmittingStage: Sendable {
    /// Returns one document per distribution and format, in model order.
    func emit(_ model: ConfigModel, options: CompileOptions, sink: any DiagnosticSink) -> [EmittedDocument]
}

/// The libyaml front end.
public struct LibYAMLParsingStage: ParsingStage {
    /// Creates the stage.
    public init() {}

    public func parse(_ source: SourceFile, options: CompileOptions, sink: any DiagnosticSink) -> YAMLDocument? {
        YAMLParser.parse(source, options: options.parseOptions, sink: sink)
    }
}

/// Lowering by the language catalog.
public struct CatalogLoweringStage: LoweringStage {
    /// Creates the stage.
    public init() {}

    public func lower(_ document: YAMLDocument, options: CompileOptions, sink: any DiagnosticSink) -> ConfigModel? {
        lowerConfigFile(document, sink: sink)
    }
}

/// The rule catalog of the Checks module.
public struct RuleCatalogChecker: CheckingStage {
    /// Creates the stage.
    public init() {}

    public func check(_ model: ConfigModel, locator: (any SourceLocator)?, options: CompileOptions, sink: any DiagnosticSink) {
        var model = model
        model.distributions = model.distributions.map(options.capped)
        Checker.check(model, locator: locator, includeNotes: options.includeNotes, sink: sink)
    }
}

/// Emits `NAME.distribution.json` and/or `NAME.distribution.xml` per distribution.
public struct DistributionConfigEmitter: EmittingStage {
    /// Creates the stage.
    public init() {}

    public func emit(_ model: ConfigModel, options: CompileOptions, sink: any DiagnosticSink) -> [EmittedDocument] {
        let formats = options.formats.sorted()
        guard !formats.isEmpty else { return [] }
        return Parallel.map(model.distributions) { distribution in
            let document = emitDistributionConfig(distribution)
            return formats.map { format in
                EmittedDocument(
                    logicalPath: "\(distribution.name).distribution.\(format.fileExtension)",
                    mediaType: format == .json ? "application/json" : "application/xml",
                    distributionName: distribution.name,
                    bytes: format == .json ? JSONPrinter.print(document) : XMLPrinter.print(document))
            }
        }.flatMap { $0 }
    }
}

/// Messages of the compiler driver.
enum CompilerMessages {
    /// `io.read`: a file that cannot be read.
    static func unreadable(_ error: FileIOError) -> Diagnostic {
        Diagnostic(id: "io.read", severity: .error, summary: "cannot read the file: \(error.reason)", file: error.path)
    }
}
