import APIDocument
import CFCDiagnostics
import CFCSupport
import Checks
import Dispatch
import DistributionIR
import DistributionLanguage
import Synchronization
import YAMLSyntax

/// `cfc compile --output DIR`, streamed: each distribution is lowered, checked, emitted and
/// staged on a worker as soon as the parser has read it, while the parser reads the next.
///
/// `Pipeline.compile` runs stage after stage over the whole file, so it holds the whole YAML
/// tree, the whole IR and every emitted document at once: for a 13 MB file with a thousand
/// distributions, 20 times the input in memory. Here the parser hands each distribution off
/// as a small document of its own (`YAMLParser.parse(_:options:sink:detachingValuesOf:handler:)`),
/// a worker turns it into staged files, and nothing of it is kept but its diagnostics. Parsing
/// one distribution overlaps with compiling the ones before it.
///
/// The result is the one `Pipeline.compile` followed by `CompileCommand.finish` gives, to the
/// byte (a test holds the two to it): the same diagnostics, and files written all or none.
/// Workers compile speculatively, so the rules of the stage-by-stage pipeline are applied at
/// the end: check findings count only when nothing failed to parse or lower, and staged files
/// are renamed into place only when nothing failed at all.
///
/// Distributions that cannot be handed off (the file uses anchors, so a value may refer to
/// another) are compiled after the parse, from the parsed document, by the same function.
public enum StreamingCompile {
    /// Compiles `paths` into `output`.
    /// - Returns: the outcome, and the files read (for rendering diagnostics with snippets).
    public static func run(paths: [String], options: CompileOptions, output: String) -> (outcome: CompileCommand.Outcome, sources: [SourceFile]) {
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
            if let source = file.source { sources.append(source) }
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
            return (CompileCommand.Outcome(diagnostics: diagnostics, standardOutput: nil, failed: true), sources)
        }
        if files.contains(where: \.hasErrors) { return failed(diagnostics) }
        let logicalPaths = files.flatMap(\.logicalPaths)
        let conflicts = OutputWriting.conflictingPositions(inLogicalPaths: logicalPaths)
        if !conflicts.isEmpty {
            // Where each file's distribution name was written, as the stage-by-stage pipeline
            // finds it through its locator.
            let places: [SourceRange?] = files.flatMap { file in
                file.logicalPathMarks.map { marks in file.source.flatMap { marks?.range(in: $0) } }
            }
            return failed(diagnostics + conflicts.map {
                OutputWriting.conflict(logicalPaths[$0.second], at: places[$0.second], first: places[$0.first])
            })
        }
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
            return (CompileCommand.Outcome(diagnostics: diagnostics, standardOutput: nil, failed: true), sources)
        }
        return (CompileCommand.Outcome(diagnostics: diagnostics, standardOutput: nil, failed: false), sources)
    }

    /// What one input file produced.
    struct FileOutcome {
        var source: SourceFile?
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

    /// What compiling one distribution produced.
    struct DistributionOutcome: Sendable {
        var loweringDiagnostics: [Diagnostic] = []
        var checkDiagnostics: [Diagnostic] = []
        var staged: [StagedFile] = []
        var logicalPaths: [String] = []
        /// Where the distribution's name is in the file (kept as marks: the tree is gone by the
        /// time a conflict between files is found).
        var keyMarks: SourceMarks? = nil
        var writeError: FileIOError? = nil

        var loweringFailed: Bool { loweringDiagnostics.containsErrors }
        var checkFailed: Bool { checkDiagnostics.containsErrors }
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
        let byPlaceholder = Mutex<[Int32: DistributionOutcome]>([:])
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
        let document = YAMLParser.parse(source, options: options.parseOptions, sink: sink, detachingValuesOf: "distributions") { detached in
            let units = window.acquire(bytes: detached.value.document.treeBytes)
            DispatchQueue.global().async(group: group) {
                let outcome = compileDistribution(
                    DistributionEntry(key: detached.key, value: detached.value), locator: YAMLSourceLocator(detached: detached),
                    options: options, output: target, tag: "\(fileIndex)-\(detached.placeholder)")
                outcomes.byPlaceholder.withLock { $0[detached.placeholder] = outcome }
                window.release(units)
            }
        }
        group.wait()
        let handedOff = outcomes.byPlaceholder.withLock { $0 }
        let allStaged = handedOff.values.flatMap(\.staged)

        guard let document, let entries = lowerTopLevel(document, sink: sink) else {
            removeStaged(allStaged)
            return FileOutcome(source: source, diagnostics: sink.diagnostics)
        }
        // The distributions still in the document, on all cores like the rest.
        let locator = YAMLSourceLocator(document: document)
        let inline = Parallel.map(entries.filter { !document.isDetached($0.value) }) { entry in
            compileDistribution(entry, locator: locator, options: options, output: target,
                                tag: "\(fileIndex)-\(entry.value.index)")
        }
        var inlineOutcomes = inline.makeIterator()
        var ordered: [DistributionOutcome] = []
        ordered.reserveCapacity(entries.count)
        for entry in entries {
            if document.isDetached(entry.value) {
                ordered.append(handedOff[entry.value.index] ?? DistributionOutcome())
            } else if let outcome = inlineOutcomes.next() {
                ordered.append(outcome)
            }
        }

        var file = FileOutcome(source: source, diagnostics: sink.diagnostics)
        for outcome in ordered { file.diagnostics += outcome.loweringDiagnostics }
        // As in the stage-by-stage pipeline: no checks after an error, no output after one.
        let failedBeforeChecks = sink.hasErrors || ordered.contains(where: \.loweringFailed)
        if !failedBeforeChecks {
            for outcome in ordered { file.diagnostics += outcome.checkDiagnostics }
        }
        if file.hasErrors {
            removeStaged(allStaged + inline.flatMap(\.staged))
            return file
        }
        file.staged = ordered.flatMap(\.staged)
        file.logicalPaths = ordered.flatMap(\.logicalPaths)
        file.logicalPathMarks = ordered.flatMap { outcome in outcome.logicalPaths.map { _ in outcome.keyMarks } }
        file.writeError = ordered.lazy.compactMap(\.writeError).first
        return file
    }

    /// Lowers, checks, emits and stages one distribution. Checks run only if it lowered
    /// cleanly, and files are staged only if it also checked cleanly and its name can name
    /// a file; whether they are kept is decided once the whole file is known.
    static func compileDistribution(
        _ entry: DistributionEntry, locator: YAMLSourceLocator, options: CompileOptions, output: OutputTarget?, tag: String
    ) -> DistributionOutcome {
        var outcome = DistributionOutcome()
        outcome.keyMarks = entry.key.marks
        let lowered = lowerDistribution(entry, locator: locator)
        outcome.loweringDiagnostics = lowered.diagnostics
        guard let distribution = lowered.distribution, !outcome.loweringFailed else { return outcome }
        outcome.checkDiagnostics = Checker.check(options.capped(distribution), locator: locator, includeNotes: options.includeNotes)
        let formats = options.formats.sorted()
        guard !outcome.checkFailed, !formats.isEmpty, DistributionNames.problem(with: distribution.name) == nil else {
            return outcome
        }
        // Printed as it is emitted, both formats in one walk of the IR, into buffers that are
        // written to the files directly. About 1.3 kB of JSON per behavior and per origin:
        // room for the whole document.
        let printer = StreamPrinter(
            json: formats.contains(.json), xml: formats.contains(.xml),
            capacity: (distribution.config.cacheBehaviors.count + distribution.config.origins.count + 2) * 1300 + 4096)
        emitDistributionConfig(distribution, printingTo: printer)
        for format in formats {
            let logicalPath = "\(distribution.name).distribution.\(format.fileExtension)"
            outcome.logicalPaths.append(logicalPath)
            guard let output, outcome.writeError == nil else { continue }
            do {
                switch output {
                case .beside(let directory):
                    let destination = directory + "/" + logicalPath
                    let temporary = try printer.withBytes(json: format == .json) { (bytes) throws(FileIOError) -> String? in
                        try FileTransaction.writeTemporary(bytes, for: destination, tag: tag)
                    }
                    if let temporary { outcome.staged.append(StagedFile(temporary: temporary, destination: destination)) }
                case .staging(let staging):
                    let file = try printer.withBytes(json: format == .json) { (bytes) throws(FileIOError) -> String in
                        try staging.write(bytes, named: logicalPath)
                    }
                    outcome.staged.append(StagedFile(temporary: file, destination: staging.destination + "/" + logicalPath))
                }
            } catch {
                outcome.writeError = error
            }
        }
        return outcome
    }

    static func removeStaged(_ staged: [StagedFile]) {
        var transaction = FileTransaction()
        for file in staged { transaction.adopt(temporary: file.temporary, destination: file.destination) }
        transaction.rollback()
    }
}
