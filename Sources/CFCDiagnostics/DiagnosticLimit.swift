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

    /// How many warnings with the same rule id a file shows before the rest are summarised in
    /// one note (when there is a limit at all): 1,730 behaviors without HTTPS are one lesson,
    /// not 1,730 screens.
    public static let repeatedWarningLimit = 10

    /// `sorted` (in print order) with each file's errors after its first `errorLimit` left out,
    /// and each file's warnings of one rule after its first `repeatedWarningLimit`; for each
    /// file a `diagnostics.error_limit` note counting the errors left out, and a
    /// `diagnostics.repeated_warnings` note per rule counting its warnings left out. The notes
    /// follow the file's last diagnostic. `errorLimit` 0 means no limit of either kind.
    public static func apply(_ sorted: [Diagnostic], errorLimit: Int) -> [Diagnostic] {
        guard errorLimit > 0 else { return sorted }
        var shownErrors: [String: Int] = [:]
        var shownWarnings: [String: Int] = [:]
        var omittedErrors: [String: Int] = [:]
        var omittedWarnings: [String: [(id: String, count: Int)]] = [:]
        var fileOrder: [String?] = []
        var seenFiles = Set<String>()
        var kept: [Diagnostic] = []
        kept.reserveCapacity(min(sorted.count, 4_096))
        for diagnostic in sorted {
            let file = diagnostic.file ?? ""
            if seenFiles.insert(file).inserted { fileOrder.append(diagnostic.file) }
            if diagnostic.isError {
                let shown = shownErrors[file, default: 0]
                if shown < errorLimit {
                    shownErrors[file] = shown + 1
                    kept.append(diagnostic)
                } else {
                    omittedErrors[file, default: 0] += 1
                }
            } else if diagnostic.isWarning {
                let key = file + "\u{0}" + diagnostic.id.rawValue
                let shown = shownWarnings[key, default: 0]
                if shown < repeatedWarningLimit {
                    shownWarnings[key] = shown + 1
                    kept.append(diagnostic)
                } else if let index = omittedWarnings[file]?.firstIndex(where: { $0.id == diagnostic.id.rawValue }) {
                    omittedWarnings[file]?[index].count += 1
                } else {
                    omittedWarnings[file, default: []].append((diagnostic.id.rawValue, 1))
                }
            } else {
                kept.append(diagnostic)
            }
        }
        for file in fileOrder {
            let key = file ?? ""
            for (id, count) in omittedWarnings[key] ?? [] {
                kept.append(
                    Diagnostic(
                        id: "diagnostics.repeated_warnings", severity: .note,
                        summary: "and \(count.formatted) more warning\(count == 1 ? "" : "s") like these [\(id)]",
                        hint: "--format json lists all; --error-limit 0 shows all here", file: file))
            }
            if let count = omittedErrors[key] {
                kept.append(
                    Diagnostic(
                        id: "diagnostics.error_limit", severity: .note,
                        summary:
                            "too many errors: \(count) more error\(count == 1 ? "" : "s") not shown (the limit is \(errorLimit) per file)",
                        hint: "fix the ones shown first; --error-limit N shows more (0: all), and JSON output lists every one",
                        file: file))
            }
        }
        return kept
    }
}

extension Diagnostic {
    /// Whether this is one of `DiagnosticLimit`'s notes about the report itself (how many
    /// findings it leaves out). A severity filter keeps them: without one, findings would
    /// vanish without a word.
    public var isAboutTheReport: Bool {
        id.rawValue == "diagnostics.error_limit" || id.rawValue == "diagnostics.repeated_warnings"
    }
}

extension Int {
    /// With thousands separated by commas, as the summaries print counts.
    fileprivate var formatted: String {
        let digits = String(self)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
