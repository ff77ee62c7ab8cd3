import CFCDiagnostics
import Testing

@Suite struct DiagnosticLimitTests {
    static func diagnostics(errors: Int, warnings: Int, suppressed: Int = 0) -> [Diagnostic] {
        (0..<errors).map { Diagnostic(id: "test.error", severity: .error, summary: "error \($0)", file: "a.yaml") }
            + (0..<warnings).map { Diagnostic(id: "test.warning", severity: .warning, summary: "warning \($0)", file: "a.yaml") }
            + (0..<suppressed).map {
                Diagnostic(id: "test.error", severity: .error, summary: "suppressed \($0)", file: "a.yaml", isSuppressed: true)
            }
    }

    @Test func underTheLimitNothingChanges() {
        let list = Self.diagnostics(errors: 3, warnings: 2)
        #expect(DiagnosticLimit.apply(list, maximum: 5) == list)
        #expect(DiagnosticLimit.apply(list, maximum: 0) == list, "0 means no limit")
    }

    @Test func overTheLimitTheRestIsCountedInOneNote() {
        let list = Self.diagnostics(errors: 3, warnings: 4, suppressed: 2)
        let limited = DiagnosticLimit.apply(list, maximum: 2)
        #expect(limited.count == 3)
        #expect(Array(limited.prefix(2)) == Array(list.prefix(2)))
        let note = limited[2]
        #expect(note.id == "diagnostics.limit")
        #expect(note.severity == .note)
        #expect(note.summary == "1 error, 4 warnings, 2 other diagnostics not shown: the report stops after 2 diagnostics")
        #expect(note.hint?.contains("--max-diagnostics") == true)
        #expect(!limited.containsErrors || list.containsErrors, "the note itself is never an error")
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
