import APIDocument
import CFCSupport
import DistributionIR
import DistributionLanguage

/// The companion resources of a file (`cache-policies:`, …) through the compiler: each one's
/// API document in every format asked for (and a function's code, `NAME.function.js`), handed to the same destinations as the
/// distributions' (so both drivers stage, commit and roll them back with the rest).
///
/// They are emitted once the file's top level is lowered, and kept only if the file settles
/// without errors, as a distribution's documents are.
struct CompanionEmission<Receipt: Sendable> {
    /// What the destination made of each document.
    var receipts: [Receipt] = []
    /// The documents' file names (`static.cache-policy.json`), in order.
    var logicalPaths: [String] = []
    /// The first document the destination could not take.
    var writeError: FileIOError? = nil

    /// Emits every companion into `destination`.
    init<Destination: DocumentDestination>(_ companions: [Companion], options: CompileOptions, into destination: Destination)
    where Destination.Receipt == Receipt {
        let formats = options.formats.sorted()
        guard !formats.isEmpty else { return }
        // One that names a companion not created yet waits, as a distribution does.
        for companion in companions where companion.companionReferences.allSatisfy({ $0.id != nil }) {
            let printer = StreamPrinter(formats: formats, capacity: 4096)
            emitCompanion(companion, printingTo: printer)
            for format in formats {
                let logicalPath = companion.kind.logicalPath(
                    forName: OutputNames.qualified(companion.name, environment: options.environment), fileExtension: format.fileExtension)
                logicalPaths.append(logicalPath)
                guard writeError == nil else { continue }
                do {
                    let receipt = try printer.withBytes(of: format) { (bytes) throws(FileIOError) -> Receipt? in
                        try destination.accept(
                            bytes, logicalPath: logicalPath, mediaType: format.mediaType, distribution: companion.name, isPrivate: false)
                    }
                    if let receipt { receipts.append(receipt) }
                } catch {
                    writeError = error
                }
            }
            // A function's code goes beside its config, as the create and update calls take it.
            if let code = companion.code {
                let logicalPath = companion.kind.codePath(forName: OutputNames.qualified(companion.name, environment: options.environment))
                logicalPaths.append(logicalPath)
                guard writeError == nil else { continue }
                do throws(FileIOError) {
                    let receipt = try code.withUnsafeBufferPointer { (bytes) throws(FileIOError) -> Receipt? in
                        // AWS's model marks a function's code sensitive (FunctionBlob).
                        try destination.accept(
                            bytes, logicalPath: logicalPath, mediaType: "text/javascript", distribution: companion.name, isPrivate: true)
                    }
                    if let receipt { receipts.append(receipt) }
                } catch {
                    writeError = error
                }
            }
        }
    }
}
