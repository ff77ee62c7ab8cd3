import CFCDiagnostics

/// Rendering a run's diagnostics for people (clang-style text) or tools (JSON).
public enum DiagnosticReport {
    /// The diagnostics sorted and de-duplicated, rendered in `format` (`text` or `json`).
    public static func render<Format: RawRepresentable>(
        _ diagnostics: [Diagnostic], sources: [SourceFile], format: Format, colors: Bool
    ) -> [UInt8] where Format.RawValue == String {
        var seen = Set<Diagnostic>()
        let sorted = diagnostics.sorted(by: Diagnostic.printOrder).filter { seen.insert($0).inserted }
        if format.rawValue == "json" {
            return JSONDiagnosticRenderer().render(sorted)
        }
        var files: [String: SourceFile] = [:]
        for source in sources { files[source.path] = source }
        return TextDiagnosticRenderer(sources: files, colors: colors).render(sorted)
    }
}
