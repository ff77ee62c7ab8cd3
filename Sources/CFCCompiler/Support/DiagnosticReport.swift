import CFCDiagnostics

/// Rendering a run's diagnostics for people (clang-style text) or tools (JSON).
public enum DiagnosticReport {
    /// The diagnostics sorted and de-duplicated, rendered in `format` (`text` or `json`). Text
    /// shows each file's first `errorLimit` errors (see `DiagnosticLimit`; 0 shows all); JSON
    /// lists every diagnostic.
    public static func render<Format: RawRepresentable>(
        _ diagnostics: [Diagnostic], sources: [SourceFile], format: Format, colors: Bool,
        errorLimit: Int = DiagnosticLimit.defaultErrorLimit
    ) -> [UInt8] where Format.RawValue == String {
        // Text leaves suppressed findings out, so they need not be sorted or deduplicated
        // either: a file with a baseline can have thousands.
        let isJSON = format.rawValue == "json"
        let shown = isJSON ? diagnostics : diagnostics.filter { !$0.isSuppressed }
        var seen = Set<Diagnostic>()
        let sorted = shown.sorted(by: Diagnostic.printOrder).filter { seen.insert($0).inserted }
        if isJSON {
            return JSONDiagnosticRenderer().render(sorted)
        }
        var files: [String: SourceFile] = [:]
        for source in sources { files[source.path] = source }
        return TextDiagnosticRenderer(sources: files, colors: colors).render(DiagnosticLimit.apply(sorted, errorLimit: errorLimit))
    }
}
