import APIDocument
import CFCDiagnostics
import CFCSupport
import Checks
import Dispatch
import DistributionIR
import DistributionLanguage
import YAMLSyntax

/// `cfc compile --output DIR`, streamed: the driver that runs `DistributionUnit` on workers as
/// soon as the parser has read each distribution, and stages its files, while the parser reads
/// the next.
///
/// `Pipeline.compile(source:options:sink:)` parses the whole file first and keeps every
/// document in memory: for a 13 MB file with a thousand distributions, 20 times the input.
/// Here the parser hands each distribution off as a small document of its own, a worker runs the
/// unit over it into a staged file, and nothing of it is kept but its diagnostics. The file is
/// then settled by the same rule (`FileSettlement`), and the run's staged files are renamed
/// into place only when nothing failed at all; a test holds the two drivers to the same bytes
/// and diagnostics.
///
/// Distributions that cannot be handed off (the file uses anchors, so a value may refer to
/// another) are run after the parse, from the parsed document, through the same unit.
public enum StreamingCompile {
    /// Compiles `paths` into `output`.
    /// - Returns: the outcome, and the files read (for rendering diagnostics with snippets).
    public static func run(paths: [String], options: CompileOptions, output: String) -> (
        outcome: CompileCommand.Outcome, sources: [SourceFile]
    ) {
        var sources: [SourceFile] = []
        var files: [FileOutcome] = []
        var createdDirectories: [String]? = nil
        var staging: StagingDirectory? = nil
        var directoryError: FileIOError? = nil
        let prepareOutput: () -> OutputTarget? = {
            if createdDirectories != nil { return staging.map(OutputTarget.staging) ?? .beside(output) }
            if directoryError != nil { return nil }
            do throws(FileIOError) {
                if let made = try StagingDirectory.make(for: output) {
                    staging = made.directory
                    createdDirectories = made.createdParents
                    return .staging(made.directory)
                }
                createdDirectories = try FileIO.makeDirectories(output)
                return .beside(output)
            } catch {
                directoryError = error
                return nil
            }
        }
        for (fileIndex, path) in paths.enumerated() {
            let file = compile(path: path, fileIndex: fileIndex, options: options, output: output, prepareOutput: prepareOutput)
            sources += file.sources.isEmpty ? (file.source.map { [$0] } ?? []) : file.sources
            files.append(file)
        }

        var transaction = FileTransaction()
        if let staging { transaction.adopt(staging) }
        for file in files {
            for staged in file.staged { transaction.adopt(temporary: staged.temporary, destination: staged.destination) }
        }
        var diagnostics = files.flatMap(\.diagnostics).filter { $0.severity != .note }
        let failed = { (diagnostics: [Diagnostic]) -> (outcome: CompileCommand.Outcome, sources: [SourceFile]) in
            transaction.rollback()
            FileIO.removeDirectories(createdDirectories ?? [])
            return (
                CompileCommand.Outcome(
                    diagnostics: diagnostics, standardOutput: nil, failed: true, sensitiveValues: files.flatMap(\.sensitiveValues)), sources
            )
        }
        if files.contains(where: \.hasErrors) { return failed(diagnostics) }
        // Where each file's distribution name was written, as the in-memory driver finds it
        // through its locator.
        let places: [SourceRange?] = files.flatMap { file in
            file.logicalPathMarks.map { marks in file.source.flatMap { marks?.range(in: $0) } }
        }
        let conflicts = RunSettlement.conflicts(logicalPaths: files.flatMap(\.logicalPaths), places: places)
        if !conflicts.isEmpty { return failed(diagnostics + conflicts) }
        if let error = directoryError ?? files.lazy.compactMap(\.writeError).first {
            return failed(diagnostics + [OutputWriting.writeFailure(error)])
        }
        do {
            try transaction.commit()
        } catch {
            // Directories made for this run go again if nothing was put in them (rmdir removes
            // only empty ones).
            FileIO.removeDirectories(createdDirectories ?? [])
            diagnostics.append(OutputWriting.writeFailure(error))
            return (
                CompileCommand.Outcome(
                    diagnostics: diagnostics, standardOutput: nil, failed: true, sensitiveValues: files.flatMap(\.sensitiveValues)), sources
            )
        }
        return (
            CompileCommand.Outcome(
                diagnostics: diagnostics, standardOutput: nil, failed: false, sensitiveValues: files.flatMap(\.sensitiveValues)), sources
        )
    }

    /// What one input file produced.
    struct FileOutcome {
        var source: SourceFile?
        /// The config and the files its values came from, for rendering diagnostics.
        var sources: [SourceFile] = []
        /// Values no output but the documents may show.
        var sensitiveValues: [String] = []
        var diagnostics: [Diagnostic]
        var staged: [StagedFile] = []
        var logicalPaths: [String] = []
        /// For each logical path, where its distribution's name is in the file.
        var logicalPathMarks: [SourceMarks?] = []
        var writeError: FileIOError? = nil

        var hasErrors: Bool { diagnostics.containsErrors }
    }

    /// Where the workers write a distribution's files until the commit.
    enum OutputTarget: Sendable {
        /// Temporary files beside their destinations in this existing directory (unchanged
        /// files are left alone).
        case beside(String)
        /// Files under their own names in a new directory that becomes the output.
        case staging(StagingDirectory)
    }

    /// A document written to a temporary file (beside its destination, or in the staging
    /// directory).
    struct StagedFile: Sendable {
        var temporary: String
        var destination: String
    }

    /// Where one unit's documents go: staged in `target`, temporary names made with `tag`.
    struct StagingDestination: DocumentDestination {
        var target: OutputTarget?
        var tag: String

        func accept(_ bytes: UnsafeBufferPointer<UInt8>, logicalPath: String, mediaType: String, distribution: String, isPrivate: Bool)
            throws(FileIOError) -> StagedFile?
        {
            switch target {
            case nil:
                return nil
            case .beside(let directory)?:
                let destination = directory + "/" + logicalPath
                return try FileTransaction.writeTemporary(bytes, for: destination, tag: tag, isPrivate: isPrivate)
                    .map { StagedFile(temporary: $0, destination: destination) }
            case .staging(let staging)?:
                let file = try staging.write(bytes, named: logicalPath, isPrivate: isPrivate)
                return StagedFile(temporary: file, destination: staging.destination + "/" + logicalPath)
            }
        }
    }

    /// How far the parser may run ahead of the workers, in bytes of the trees handed off and
    /// not yet compiled.
    ///
    /// Wide, so that the workers never wait for the parser: with a window of four distributions
    /// on two cores, the parser (one of three threads sharing two cores) was often waiting for
    /// its turn to run while the workers ran dry, and the large compile took 12% longer than
    /// with the parser a hundred distributions ahead. Counted in the trees' bytes, not in
    /// distributions, so that what waits stays a few megabytes whatever the distributions'
    /// sizes (the large workload's: a hundred or so in flight; a thousand-behavior one: a few).
    final class HandOffWindow: Sendable {
        /// Bytes per unit of the semaphore.
        static let bytesPerUnit = 16 * 1024
        /// The default width: 2 MiB of trees per core.
        static var defaultBytes: Int { 2 * 1024 * 1024 * Parallel.processorCount }
        let capacity: Int
        private let units: DispatchSemaphore

        init(bytes: Int = HandOffWindow.defaultBytes) {
            capacity = max(1, bytes / Self.bytesPerUnit)
            units = DispatchSemaphore(value: capacity)
        }

        /// Waits until a tree of `bytes` more may be in flight (one larger than the window
        /// waits for all of it) and returns the units taken, for `release`. Called by the
        /// parsing thread only: with one taker, taking units one at a time cannot deadlock.
        func acquire(bytes: Int) -> Int {
            let rounded = bytes / Self.bytesPerUnit + (bytes % Self.bytesPerUnit == 0 ? 0 : 1)
            let wanted = min(capacity, max(1, rounded))
            for _ in 0..<wanted { units.wait() }
            return wanted
        }

        /// Returns units taken by `acquire`.
        func release(_ taken: Int) {
            for _ in 0..<taken { units.signal() }
        }
    }

    /// Outcomes of the distributions handed off, by the index of their placeholder.
    final class Outcomes: Sendable {
        let byPlaceholder = Locked<[Int32: UnitOutcome<StagedFile>]>([:])
    }

    static func compile(
        path: String, fileIndex: Int, options: CompileOptions, output: String, prepareOutput: () -> OutputTarget?
    ) -> FileOutcome {
        let sink = DiagnosticCollector()
        guard let source = SourceInput.read(path, options: options, sink: sink) else {
            return FileOutcome(source: nil, diagnostics: sink.diagnostics)
        }
        // Staging needs the directory; it is made before the first hand-off (and removed again
        // if the run fails), so that the workers never race to make it.
        let target = prepareOutput()
        let outcomes = Outcomes()
        let group = DispatchGroup()
        let window = HandOffWindow(bytes: options.handOffWindowBytes ?? HandOffWindow.defaultBytes)
        let pipeline = Pipeline()
        let unit = DistributionUnit(pipeline: pipeline, options: options, keepsDistribution: false)
        // A file with parameters is expanded whole before anything is lowered: a value handed
        // off while parsing could use a parameter declared further down.
        let expands = options.environment != nil || ConfigExpansion.mayUseParameters(source.bytes)
        let handOff: ((DetachedValue) -> Void)? =
            expands
            ? nil
            : { detached in
                let units = window.acquire(bytes: detached.value.document.treeBytes)
                DispatchQueue.global().async(group: group) {
                    let outcome = unit.run(
                        DistributionEntry(key: detached.key, value: detached.value), locator: YAMLSourceLocator(detached: detached),
                        into: StagingDestination(target: target, tag: "\(fileIndex)-\(detached.placeholder)"))
                    outcomes.byPlaceholder.withLock { $0[detached.placeholder] = outcome }
                    window.release(units)
                }
            }
        let parsed = pipeline.parser.parse(source, options: options, sink: sink, handOff: handOff)
        let expanded = parsed.map { ConfigExpansion.expand($0, options: options.expansionOptions, sink: sink) }
        let document = expanded?.document
        group.wait()
        let handedOff = outcomes.byPlaceholder.withLock { $0 }
        let allStaged = handedOff.values.flatMap(\.receipts)

        guard let document, let entries = pipeline.lowering.lowerTopLevel(document, options: options, sink: sink) else {
            removeStaged(allStaged)
            return FileOutcome(
                source: source, sources: expanded?.sources ?? [source],
                diagnostics: expanded?.annotate(sink.diagnostics) ?? sink.diagnostics)
        }
        let companions = pipeline.lowering.lowerCompanions(document, options: options, sink: sink)
        // The distributions still in the document, on all cores like the rest.
        let locator = YAMLSourceLocator(document: document)
        let inline = Parallel.map(entries.filter { !document.isDetached($0.value) }) { entry in
            unit.run(entry, locator: locator, into: StagingDestination(target: target, tag: "\(fileIndex)-\(entry.value.index)"))
        }
        var inlineOutcomes = inline.makeIterator()
        var ordered: [UnitOutcome<StagedFile>] = []
        ordered.reserveCapacity(entries.count)
        for entry in entries {
            if document.isDetached(entry.value) {
                ordered.append(handedOff[entry.value.index] ?? UnitOutcome())
            } else if let outcome = inlineOutcomes.next() {
                ordered.append(outcome)
            }
        }

        let settled = FileSettlement(
            fileDiagnostics: sink.diagnostics, units: ordered, companions: companions, locator: locator,
            options: options)
        var file = FileOutcome(
            source: source, sources: expanded?.sources ?? [source],
            sensitiveValues: (expanded?.sensitiveValues ?? []) + ordered.flatMap(\.sensitiveValues),
            diagnostics: expanded?.annotate(settled.diagnostics) ?? settled.diagnostics)
        if settled.failed {
            removeStaged(allStaged + inline.flatMap(\.receipts))
            return file
        }
        let companionDocuments = CompanionEmission(
            companions, options: options,
            into: StagingDestination(target: target, tag: "\(fileIndex)-companions"))
        file.staged = ordered.flatMap(\.receipts) + companionDocuments.receipts
        file.logicalPaths = ordered.flatMap(\.logicalPaths) + companionDocuments.logicalPaths
        file.logicalPathMarks =
            ordered.flatMap { outcome in outcome.logicalPaths.map { _ in outcome.keyMarks } }
            + companionDocuments.logicalPaths.map { _ in nil }
        file.writeError = ordered.lazy.compactMap(\.writeError).first ?? companionDocuments.writeError
        return file
    }

    static func removeStaged(_ staged: [StagedFile]) {
        var transaction = FileTransaction()
        for file in staged { transaction.adopt(temporary: file.temporary, destination: file.destination) }
        transaction.rollback()
    }
}
