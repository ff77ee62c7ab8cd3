import APIDocument
import CFCDiagnostics
import CFCSupport
import Checks
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// One distribution through the compiler, the unit of work both drivers run: lower, check,
/// emit. `Pipeline.compile(source:options:sink:)` runs it over the distributions of a parsed
/// file, in memory; `StreamingCompile` runs it on workers as the parser hands distributions off,
/// into files. Neither calls a stage for a distribution any other way.
///
/// A unit knows nothing of the rest of its file, so it works speculatively: it checks a
/// distribution that lowered cleanly and emits one that also checked cleanly. Which of its
/// findings count, and whether its documents are kept, is decided once the whole file is known,
/// by `FileSettlement`.
struct DistributionUnit: Sendable {
    /// The stages.
    var pipeline: Pipeline
    /// What is asked for (formats, whether notes are wanted, limits).
    var options: CompileOptions
    /// Whether the outcome keeps the lowered distribution (the in-memory driver returns the
    /// model; the streamed one keeps nothing of a distribution but its diagnostics).
    var keepsDistribution: Bool

    /// Compiles one distribution, handing each printed document to `destination`.
    func run<Destination: DocumentDestination>(
        _ entry: DistributionEntry, locator: YAMLSourceLocator, into destination: Destination
    ) -> UnitOutcome<Destination.Receipt> {
        var outcome = UnitOutcome<Destination.Receipt>()
        outcome.keyMarks = entry.key.marks
        let lowered = pipeline.lowering.lower(entry, locator: locator, options: options)
        outcome.loweringDiagnostics = lowered.diagnostics
        if let distribution = lowered.distribution, distribution.config.holdsSensitiveValues {
            outcome.loweringDiagnostics += LiteralSecrets.findings(distribution, locator: locator)
            outcome.sensitiveValues = distribution.config.sensitiveValues
        }
        var budgeted = lowered.distribution
        // What the pattern searches may spend, here and wherever the model is used (route,
        // suggested orders): bounded by the ceiling and by the distribution's size.
        if var distribution = budgeted {
            let range = entry.value.range
            distribution.policy.patternSearchSteps = options.patternSearchAllowance(
                asked: distribution.policy.patternSearchSteps, sourceBytes: range.end.offset - range.start.offset)
            budgeted = distribution
        }
        if keepsDistribution { outcome.distribution = budgeted }
        if let distribution = budgeted {
            outcome.references = distribution.companionReferences.map { ($0, locator.valueRange(of: $0.path)) }
        }
        if let distribution = budgeted {
            let facts = DistributionFacts(distribution, locator: locator)
            if facts.isRelevant { outcome.fileFacts = facts }
        }
        guard let distribution = budgeted, !outcome.loweringDiagnostics.containsErrors else { return outcome }
        outcome.checkDiagnostics = pipeline.checker.check(distribution, locator: locator, options: options)
        let formats = options.formats.sorted()
        guard !outcome.checkDiagnostics.containsErrors, !formats.isEmpty,
            DistributionNames.problem(with: distribution.name) == nil
        else { return outcome }
        // A companion it names does not exist yet: its id, and so the document, comes after
        // `cfc apply` has created it.
        let waiting = outcome.references.filter { $0.reference.id == nil }
        guard waiting.isEmpty else {
            outcome.waitingFor = waiting
            return outcome
        }
        // Printed as it is emitted, every format in one walk of the IR, into buffers handed to
        // the destination directly. About 1.3 kB of JSON per behavior and per origin: room for
        // the whole document.
        let printer = StreamPrinter(
            formats: formats,
            capacity: (distribution.config.cacheBehaviors.count + distribution.config.origins.count + 2) * 1300 + 4096)
        pipeline.emitter.emit(distribution, options: options, printingTo: printer)
        let isPrivate = distribution.config.holdsSensitiveValues
        for format in formats {
            let logicalPath = format.logicalPath(forDistribution: distribution.name, environment: options.environment)
            outcome.logicalPaths.append(logicalPath)
            guard outcome.writeError == nil else { continue }
            do {
                let receipt = try printer.withBytes(of: format) { (bytes) throws(FileIOError) -> Destination.Receipt? in
                    try destination.accept(
                        bytes, logicalPath: logicalPath, mediaType: format.mediaType, distribution: distribution.name, isPrivate: isPrivate)
                }
                if let receipt { outcome.receipts.append(receipt) }
            } catch {
                outcome.writeError = error
            }
        }
        return outcome
    }
}

/// What one run of `DistributionUnit` produced.
struct UnitOutcome<Receipt: Sendable>: Sendable {
    /// The lowered distribution, when the unit keeps it.
    var distribution: Distribution? = nil
    /// Lowering's findings: they always count.
    var loweringDiagnostics: [Diagnostic] = []
    /// The checks' findings: they count only if nothing in the file failed before the checks.
    var checkDiagnostics: [Diagnostic] = []
    /// What the destination made of each document, in format order.
    var receipts: [Receipt] = []
    /// The documents' file names, in format order (a conflict between them is found later).
    var logicalPaths: [String] = []
    /// Where the distribution's name is (kept as marks: a streamed distribution's tree is gone
    /// by the time a conflict between files is found).
    var keyMarks: SourceMarks? = nil
    /// The first document the destination could not take.
    var writeError: FileIOError? = nil
    /// The distribution's sensitive values, which no output but its documents may show.
    var sensitiveValues: [String] = []
    /// What the rules about the whole file need of the distribution (`FileRules`).
    var fileFacts: DistributionFacts? = nil
    /// The companions the distribution names, with where (settled against the file's
    /// declarations by `FileSettlement`).
    var references: [(reference: CompanionReference, range: SourceRange?)] = []
    /// The references whose companions do not exist yet, when that kept the documents back.
    var waitingFor: [(reference: CompanionReference, range: SourceRange?)] = []

    /// Whether lowering reported an error.
    var loweringFailed: Bool { loweringDiagnostics.containsErrors }
}

/// Where a unit's printed documents go: into memory (`InMemoryDestination`), or into files
/// staged for an all-or-nothing commit (`StreamingCompile.StagingDestination`).
protocol DocumentDestination: Sendable {
    /// What accepting a document gives back, for the driver to keep or undo.
    associatedtype Receipt: Sendable
    /// Takes the document `logicalPath`; nil when there is nothing to keep (the file on disk
    /// already holds these bytes). A private document (`EmittedDocument.isPrivate`) is written
    /// readable by its owner only.
    /// - Throws: `FileIOError` when the document cannot be written.
    func accept(_ bytes: UnsafeBufferPointer<UInt8>, logicalPath: String, mediaType: String, distribution: String, isPrivate: Bool)
        throws(FileIOError) -> Receipt?
}

/// Keeps each document's bytes, for standard output and for tests.
struct InMemoryDestination: DocumentDestination {
    func accept(_ bytes: UnsafeBufferPointer<UInt8>, logicalPath: String, mediaType: String, distribution: String, isPrivate: Bool)
        throws(FileIOError) -> EmittedDocument?
    {
        EmittedDocument(
            logicalPath: logicalPath, mediaType: mediaType, distributionName: distribution, bytes: Array(bytes), isPrivate: isPrivate)
    }
}

/// The rule both drivers apply to a file once all its units are done, so that a file compiles
/// the same whether its distributions were compiled in memory or streamed into files.
///
/// As the stages would have it run one after another over the whole file: the findings of
/// parsing and of the top level, then every distribution's lowering findings in file order;
/// the checks' findings only if nothing failed to parse or lower; documents only if nothing
/// failed at all.
struct FileSettlement<Receipt: Sendable> {
    /// The file's diagnostics, in that order.
    var diagnostics: [Diagnostic]
    /// Whether anything failed (then nothing of the file may be written).
    var failed: Bool

    /// Settles the units of one file whose parse and top level reported `fileDiagnostics`.
    /// The checks about the file as a whole (aliases claimed twice, companions named but not
    /// declared) run here, once every distribution and `companions` are known.
    init(
        fileDiagnostics: [Diagnostic], units: [UnitOutcome<Receipt>], companions: [Companion], locator: YAMLSourceLocator,
        options: CompileOptions
    ) {
        diagnostics = fileDiagnostics
        var referencesFailed = false
        var declared: [CompanionKind: [String]] = [:]
        for companion in companions { declared[companion.kind, default: []].append(companion.name) }
        for unit in units {
            diagnostics += unit.loweringDiagnostics
            for (reference, range) in unit.references where !(declared[reference.kind] ?? []).contains(reference.name) {
                diagnostics.append(LanguageMessages.unknownCompanion(reference, declared: declared[reference.kind] ?? [], at: range))
                referencesFailed = true
            }
        }
        let failedBeforeChecks = fileDiagnostics.containsErrors || referencesFailed || units.contains(where: \.loweringFailed)
        if !failedBeforeChecks {
            for unit in units { diagnostics += unit.checkDiagnostics }
            diagnostics += FileRules.findings(units.compactMap(\.fileFacts), baselinesAPIRejections: options.baselinesAPIRejections)
        }
        failed = diagnostics.containsErrors
        if !failed {
            for unit in units where !unit.waitingFor.isEmpty { diagnostics.append(CompanionMessages.waiting(unit.waitingFor)) }
            // Only when documents were asked for: plan and apply show what waits in the plan.
            for companion in companions where !options.formats.isEmpty {
                let waiting = companion.companionReferences.filter { $0.id == nil }
                if !waiting.isEmpty {
                    diagnostics.append(CompanionMessages.waiting(waiting.map { ($0, locator.valueRange(of: $0.path)) }, subject: companion))
                }
            }
        }
    }
}

/// Messages about companion resources in a compile.
enum CompanionMessages {
    /// `compile.waiting_for_ids`: a distribution names companions that do not exist yet.
    static func waiting(_ references: [(reference: CompanionReference, range: SourceRange?)], subject companion: Companion? = nil)
        -> Diagnostic
    {
        let first = references[0]
        let names = references.map { "\($0.reference.kind.noun) '\($0.reference.name)'" }
        let distribution = first.reference.path.components.dropFirst().first.flatMap { if case .key(let name) = $0 { name } else { nil } }
        let subject = companion.map { "\($0.kind.noun) '\($0.name)'" } ?? distribution.map { "distribution '\($0)'" } ?? "the distribution"
        let many = references.count > 1
        return Diagnostic(
            id: "compile.waiting_for_ids", severity: .warning,
            summary:
                "\(subject) is not written: it names \(names.joined(separator: " and ")), which \(many ? "do" : "does") not exist in CloudFront yet",
            hint:
                "cfc apply creates \(many ? "them" : "it") first and records the id\(many ? "s" : "") in the state file; compile again after that (or give --state)",
            range: first.range, configPath: first.reference.path.description,
            notes: references.dropFirst().map {
                DiagnosticNote("also waiting for \($0.reference.kind.noun) '\($0.reference.name)'", at: $0.range)
            })
    }
}

/// The rule across the files of one run: two distributions may not write the same file.
enum RunSettlement {
    /// An `io.conflict` for each file name written again (ignoring ASCII case), at the second
    /// distribution's name with a note at the first, given each document's name and place.
    static func conflicts(logicalPaths: [String], places: [SourceRange?]) -> [Diagnostic] {
        OutputWriting.conflictingPositions(inLogicalPaths: logicalPaths).map {
            OutputWriting.conflict(logicalPaths[$0.second], at: places[$0.second], first: places[$0.first])
        }
    }
}
