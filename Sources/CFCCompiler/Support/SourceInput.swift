import CFCDiagnostics
import CFCSupport

/// Reading an input file (or standard input, `-`) into a `SourceFile`: the one place every
/// command turns a path into bytes, so that the size limit, the name shown in diagnostics
/// (`<stdin>` for standard input) and the `io.read` error are the same everywhere.
public enum SourceInput {
    /// The file at `path`, or nil after reporting why it cannot be read (`io.read`) to `sink`.
    public static func read(_ path: String, options: CompileOptions, sink: any DiagnosticSink) -> SourceFile? {
        do {
            let bytes = try FileIO.read(path, maxBytes: options.maxInputBytes, followSymlinks: options.followSymlinks)
            return SourceFile(path: FileIO.displayName(path), bytes: bytes)
        } catch {
            sink.emit(CompilerMessages.unreadable(error))
            return nil
        }
    }
}
