import APIDocument
import CFCCompiler
import CFCDiagnostics
import Foundation

/// Compiling inline YAML in tests.
public enum TestCompiler {
    /// Compiles `yaml` as if it were the file `file`, with `formats`. With
    /// `baselinesAPIRejections`, `ignore:` silences findings the API would reject the document
    /// for, as in `cfc check` and in import's own round trip (for laws about the language, over
    /// generated configs that need not be acceptable to CloudFront).
    public static func compile(
        _ yaml: String, file: String = "test.yaml", formats: Set<OutputFormat> = [.json], baselinesAPIRejections: Bool = false,
        configDirectory: URL? = nil, environment: String? = nil, variables: [String: String] = [:]
    ) -> CompileResult {
        var options = CompileOptions()
        options.formats = formats
        options.baselinesAPIRejections = baselinesAPIRejections
        options.configDirectory = configDirectory?.path
        options.environment = environment
        options.environmentVariable = { variables[$0] }
        return Pipeline().compile(source: SourceFile(path: file, bytes: Array(yaml.utf8)), options: options)
    }

    /// Compiles the file at `url`.
    public static func compile(file url: URL, formats: Set<OutputFormat> = [.json, .xml]) -> CompileResult {
        var options = CompileOptions()
        options.formats = formats
        return Pipeline().compile(path: url.path, options: options)
    }

    /// The diagnostics of `result` rendered as text without snippets or colour, one per line
    /// group, paths as given.
    public static func renderedDiagnostics(_ result: CompileResult) -> String {
        let sources = result.sources
        return String(
            decoding: DiagnosticReport.render(result.diagnostics, sources: sources, format: PlainFormat.text, colors: false), as: UTF8.self)
    }

    private enum PlainFormat: String { case text }
}
