import CFCDiagnostics
import CFCSupport
import DistributionLanguage
import YAMLSyntax

/// What `cfc fmt` does with one file: format it, and make sure formatting did not change what
/// it compiles to.
public enum FormatCommand {
    /// The result for one file.
    public struct FileOutcome: Sendable {
        /// The file.
        public var path: String
        /// The canonical text, when the file could be formatted.
        public var formatted: [UInt8]?
        /// Whether the canonical text differs from the file.
        public var isChanged: Bool
        /// Why the file was left as it is, when it was.
        public var refusal: String?
        /// Problems reading or parsing the file.
        public var diagnostics: [Diagnostic]
        /// The source, for rendering diagnostics.
        public var source: SourceFile?
    }

    /// Formats the file at `path`.
    public static func format(_ path: String, options: CompileOptions = CompileOptions()) -> FileOutcome {
        let sink = DiagnosticCollector()
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path, maxBytes: options.maxInputBytes)
        } catch {
            sink.emit(CompilerMessages.unreadable(error))
            return FileOutcome(path: path, formatted: nil, isChanged: false, refusal: nil, diagnostics: sink.diagnostics, source: nil)
        }
        return format(SourceFile(path: FileIO.displayName(path), bytes: bytes), options: options)
    }

    /// Formats `source`.
    public static func format(_ source: SourceFile, options: CompileOptions = CompileOptions()) -> FileOutcome {
        let sink = DiagnosticCollector()
        guard let document = YAMLParser.parse(source, options: options.parseOptions, sink: sink) else {
            return FileOutcome(path: source.path, formatted: nil, isChanged: false, refusal: nil, diagnostics: sink.diagnostics, source: source)
        }
        let formatted: [UInt8]
        switch YAMLFormatter.format(document) {
        case .failure(let refusal):
            return FileOutcome(path: source.path, formatted: nil, isChanged: false, refusal: refusal.description, diagnostics: [], source: source)
        case .success(let bytes):
            formatted = bytes
        }
        // Formatting must never change meaning: a file that compiles must compile to the same
        // documents after formatting, and any file must still parse to the same tree.
        var compileOptions = options
        compileOptions.formats = [.json]
        let before = Pipeline().compile(source: source, options: compileOptions)
        let after = Pipeline().compile(source: SourceFile(path: source.path, bytes: formatted), options: compileOptions)
        let sameDocuments = before.hasErrors || (!after.hasErrors && before.documents.map(\.bytes) == after.documents.map(\.bytes))
        guard sameDocuments, after.diagnostics.allSatisfy({ !$0.id.rawValue.hasPrefix("yaml.") }) else {
            return FileOutcome(path: source.path, formatted: nil, isChanged: false,
                               refusal: "formatting would change what the file compiles to (a cfc bug; please report it)",
                               diagnostics: [], source: source)
        }
        return FileOutcome(path: source.path, formatted: formatted, isChanged: formatted != source.bytes, refusal: nil,
                           diagnostics: [], source: source)
    }
}
