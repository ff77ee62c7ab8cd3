/// How many errors a report for people shows per file: `--error-limit`, as clang's
/// `-ferror-limit` and gcc's `-fmax-errors`.
///
/// A compiler reports every problem in one run, but a file can have as many problems as it has
/// bytes: 10,000 invalid aliases on one 30 KB line printed 5 MB of text, and one error usually
/// causes the next. So text and GitHub annotations show a file's first `errorLimit` errors in
/// print order (file, line, column), its warnings and notes, then one note saying how many
/// errors were left out. JSON and SARIF are for tools and list every finding. Whether the run
/// fails is decided on every diagnostic, shown or not.
public enum DiagnosticLimit {
    /// The default: clang's.
    public static let defaultErrorLimit = 20

    /// `sorted` (in print order) with each file's errors after its first `errorLimit` left out,
    /// and for each such file a `diagnostics.error_limit` note counting them. `errorLimit` 0
    /// means no limit.
    public static func apply(_ sorted: [Diagnostic], errorLimit: Int) -> [Diagnostic] {
        guard errorLimit > 0, sorted.count(where: \.isError) > errorLimit else { return sorted }
        var shownErrors: [String: Int] = [:]
        var omitted: [(file: String?, count: Int)] = []
        var kept: [Diagnostic] = []
        kept.reserveCapacity(sorted.count)
        for diagnostic in sorted {
            guard diagnostic.isError else {
                kept.append(diagnostic)
                continue
            }
            let file = diagnostic.file ?? ""
            let shown = shownErrors[file, default: 0]
            if shown < errorLimit {
                shownErrors[file] = shown + 1
                kept.append(diagnostic)
            } else if let last = omitted.last, last.file == diagnostic.file {
                omitted[omitted.count - 1].count += 1
            } else {
                omitted.append((diagnostic.file, 1))
            }
        }
        return kept + omitted.map { file, count in
            Diagnostic(
                id: "diagnostics.error_limit", severity: .note,
                summary: "too many errors: \(count) more error\(count == 1 ? "" : "s") not shown (the limit is \(errorLimit) per file)",
                hint: "fix the ones shown first; --error-limit N shows more (0: all), and JSON output lists every one",
                file: file)
        }
    }
}
