import CFCDiagnostics
import Testing

@Suite struct DiagnosticLimitTests {
    static func diagnostics(errors: Int, warnings: Int, suppressed: Int = 0, file: String = "a.yaml") -> [Diagnostic] {
        (0..<errors).map { Diagnostic(id: "test.error", severity: .error, summary: "error \($0)", file: file) }
            + (0..<warnings).map { Diagnostic(id: "test.warning", severity: .warning, summary: "warning \($0)", file: file) }
            + (0..<suppressed).map {
                Diagnostic(id: "test.error", severity: .error, summary: "suppressed \($0)", file: file, isSuppressed: true)
            }
    }

    @Test func underTheLimitNothingChanges() {
        let list = Self.diagnostics(errors: 3, warnings: DiagnosticLimit.repeatedWarningLimit)
        #expect(DiagnosticLimit.apply(list, errorLimit: 3) == list)
        #expect(DiagnosticLimit.apply(Self.diagnostics(errors: 30, warnings: 2), errorLimit: 0).count == 32, "0 means no limit")
    }

    @Test func eachFileShowsItsFirstErrorsThenOneNote() {
        let list =
            Self.diagnostics(errors: 5, warnings: 4, suppressed: 2, file: "a.yaml")
            + Self.diagnostics(errors: 1, warnings: 0, file: "b.yaml")
            + Self.diagnostics(errors: 3, warnings: 1, file: "c.yaml")
        let limited = DiagnosticLimit.apply(list, errorLimit: 2)
        #expect(limited.filter { $0.isError && $0.file == "a.yaml" }.map(\.summary) == ["error 0", "error 1"])
        #expect(limited.filter { $0.isError && $0.file == "b.yaml" }.count == 1)
        #expect(limited.filter { $0.isError && $0.file == "c.yaml" }.count == 2)
        #expect(limited.filter(\.isWarning).count == 5, "warnings are all shown")
        #expect(limited.filter(\.isSuppressed).count == 2, "suppressed ones are the renderers' business")
        let notes = limited.filter { $0.id == "diagnostics.error_limit" }
        #expect(notes.map(\.file) == ["a.yaml", "c.yaml"])
        #expect(
            notes.map(\.summary) == [
                "too many errors: 3 more errors not shown (the limit is 2 per file)",
                "too many errors: 1 more error not shown (the limit is 2 per file)",
            ])
        #expect(notes.allSatisfy { $0.severity == .note && $0.hint?.contains("--error-limit") == true })
    }

    /// Warnings of one rule past the first ten of a file are one note per rule, with the count;
    /// other rules' warnings, and other files', count separately.
    @Test func repeatedWarningsAreSummarisedPerRule() {
        let other = (0..<3).map { Diagnostic(id: "test.other", severity: .warning, summary: "other \($0)", file: "a.yaml") }
        let list = Self.diagnostics(errors: 1, warnings: 1_740) + other + Self.diagnostics(errors: 0, warnings: 12, file: "b.yaml")
        let limited = DiagnosticLimit.apply(list, errorLimit: 20)
        #expect(
            limited.filter { $0.isWarning && $0.file == "a.yaml" && $0.id == "test.warning" }.map(\.summary)
                == (0..<10).map { "warning \($0)" })
        #expect(limited.filter { $0.id == "test.other" }.count == 3)
        let notes = limited.filter { $0.id == "diagnostics.repeated_warnings" }
        #expect(notes.map(\.file) == ["a.yaml", "b.yaml"])
        #expect(
            notes.map(\.summary) == [
                "and 1,730 more warnings like these [test.warning]",
                "and 2 more warnings like these [test.warning]",
            ])
        #expect(notes.allSatisfy { $0.severity == .note && $0.hint?.contains("--format json lists all") == true })
        #expect(DiagnosticLimit.apply(list, errorLimit: 0) == list, "0 means no limit")
    }

    @Test func oneDefinitionOfAnError() {
        #expect(Diagnostic(id: "x.y", severity: .error, summary: "e").isError)
        #expect(!Diagnostic(id: "x.y", severity: .error, summary: "e", isSuppressed: true).isError)
        #expect(!Diagnostic(id: "x.y", severity: .warning, summary: "w").isError)
        #expect(Diagnostic(id: "x.y", severity: .warning, summary: "w").isWarning)
        #expect(!Diagnostic(id: "x.y", severity: .warning, summary: "w", isSuppressed: true).isWarning)
        let collector = DiagnosticCollector()
        for diagnostic in Self.diagnostics(errors: 2, warnings: 3, suppressed: 4) { collector.emit(diagnostic) }
        #expect(collector.errorCount == 2 && collector.warningCount == 3)
        #expect(collector.diagnostics.containsErrors)
        #expect(!Self.diagnostics(errors: 0, warnings: 1, suppressed: 3).containsErrors)
    }
}
