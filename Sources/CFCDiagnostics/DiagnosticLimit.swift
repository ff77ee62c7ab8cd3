/// How many diagnostics one report shows.
///
/// A compiler reports every problem in one run, but a file can have as many problems as it has
/// bytes: 10,000 invalid aliases on one 30 KB line made 5 MB of report, and a 64 MiB file could
/// make gigabytes. So a report shows the first `maximum` in print order (file, line, column),
/// then one note that counts the rest, as clang's `-ferror-limit` and gcc's `-fmax-errors` do.
/// Whether the run fails is decided on every diagnostic, shown or not.
public enum DiagnosticLimit {
    /// The default: far more than a person reads, few enough that a report stays well under a
    /// megabyte.
    public static let defaultMaximum = 1_000

    /// `sorted` (already in print order) cut to `maximum` diagnostics, followed by a
    /// `diagnostics.limit` note counting the errors and warnings left out. `maximum` 0 means no
    /// limit.
    public static func apply(_ sorted: [Diagnostic], maximum: Int) -> [Diagnostic] {
        guard maximum > 0, sorted.count > maximum else { return sorted }
        let omitted = sorted[maximum...]
        let errors = omitted.count(where: \.isError)
        let warnings = omitted.count(where: \.isWarning)
        let others = omitted.count - errors - warnings
        var parts: [String] = []
        if errors > 0 { parts.append(counted(errors, "error")) }
        if warnings > 0 { parts.append(counted(warnings, "warning")) }
        if others > 0 { parts.append(counted(others, "other diagnostic")) }
        let note = Diagnostic(
            id: "diagnostics.limit", severity: .note,
            summary: "\(parts.joined(separator: ", ")) not shown: the report stops after \(counted(maximum, "diagnostic"))",
            hint: "fix the ones shown first, or show more with --max-diagnostics N (0 shows all)")
        return Array(sorted[..<maximum]) + [note]
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
