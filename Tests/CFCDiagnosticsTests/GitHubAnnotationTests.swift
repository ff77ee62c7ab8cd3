import CFCDiagnostics
import Testing

/// `--format github`: which findings become annotations, and what happens past GitHub's limit
/// of 10 annotations of a kind per step.
@Suite struct GitHubAnnotationTests {
    let source = SourceFile(path: "site.yaml", bytes: Array(String(repeating: "key: value\n", count: 40).utf8))

    func finding(_ severity: Severity, line: Int, id: String = "x.y") -> Diagnostic {
        Diagnostic(
            id: DiagnosticID(id), severity: severity, summary: "finding on line \(line)",
            range: SourceRange(
                file: "site.yaml", start: source.position(line: line, column: 1), end: source.position(line: line, column: 4)))
    }

    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func notesAreLeftOutUnlessAsked() {
        let findings = [finding(.error, line: 1), finding(.warning, line: 2), finding(.note, line: 3)]
        let byDefault = lines(GitHubActionsRenderer().render(findings))
        #expect(byDefault.map { $0.prefix(9) } == ["::error f", "::warning"])
        let withNotes = lines(GitHubActionsRenderer(minimumSeverity: .note).render(findings))
        #expect(withNotes.count == 3)
        #expect(withNotes[2].hasPrefix("::notice file=site.yaml,line=3,col=1,endColumn=4,title=x.y::finding on line 3"))
        let errorsOnly = lines(GitHubActionsRenderer(minimumSeverity: .error).render(findings))
        #expect(errorsOnly.count == 1)
    }

    @Test func tenOfAKindAreAnnotatedInFull() {
        let findings = (1...10).map { finding(.error, line: $0) } + (11...20).map { finding(.warning, line: $0) }
        let output = lines(GitHubActionsRenderer().render(findings))
        #expect(output.count == 20)
        #expect(output.allSatisfy { $0.hasPrefix("::") })
        #expect(!output.contains { $0.contains("more") })
    }

    /// 14 errors and 11 warnings: 9 of each annotated, one summary annotation of each kind, and
    /// the 5 + 2 others as plain log lines, so no finding is dropped and no kind passes 10.
    @Test func pastTheLimitASummaryAnnotationAndTheRestInTheLog() {
        let findings = (1...14).map { finding(.error, line: $0) } + (15...25).map { finding(.warning, line: $0) }
        let output = lines(GitHubActionsRenderer().render(findings))
        let errors = output.filter { $0.hasPrefix("::error ") }
        let warnings = output.filter { $0.hasPrefix("::warning ") }
        #expect(errors.count == 10)
        #expect(warnings.count == 10)
        #expect(
            errors.last
                == "::error title=cfc::5 more errors not annotated: GitHub shows 10 annotations of a kind per step. All are listed in this step's log."
        )
        #expect(warnings.last?.hasPrefix("::warning title=cfc::2 more warnings not annotated") == true)
        let logged = output.filter { !$0.hasPrefix("::") }
        #expect(logged.first == "cfc: the findings GitHub does not annotate:")
        #expect(
            logged.dropFirst() == [
                "site.yaml:10:1: error: finding on line 10 [x.y]", "site.yaml:11:1: error: finding on line 11 [x.y]",
                "site.yaml:12:1: error: finding on line 12 [x.y]", "site.yaml:13:1: error: finding on line 13 [x.y]",
                "site.yaml:14:1: error: finding on line 14 [x.y]", "site.yaml:24:1: warning: finding on line 24 [x.y]",
                "site.yaml:25:1: warning: finding on line 25 [x.y]",
            ])
        // Every finding is somewhere: 9 + 9 annotated, 7 logged.
        #expect(output.filter { $0.contains("finding on line") }.count == 25)
    }

    @Test func suppressedFindingsAreNeitherAnnotatedNorCounted() {
        var suppressed = finding(.error, line: 1)
        suppressed.isSuppressed = true
        let output = lines(GitHubActionsRenderer().render([suppressed] + (2...11).map { finding(.error, line: $0) }))
        #expect(output.count == 10)
        #expect(!output.contains { $0.contains("more") })
    }

    /// A log line that GitHub would read as a workflow command could forge annotations.
    @Test func aLoggedFindingCannotStartAWorkflowCommand() {
        let hostile = Diagnostic(id: "x.y", severity: .error, summary: "s\n::error::forged", file: "::warning file=a::b")
        let output = String(decoding: GitHubActionsRenderer(annotationsPerKind: 1).render([hostile, hostile]), as: UTF8.self)
        for line in output.split(separator: "\n") where !line.hasPrefix("::error ") {
            #expect(!line.hasPrefix("::"), "\(line)")
        }
    }
}

extension GitHubAnnotationTests {
    /// `--error-limit` drops findings from the report with a note saying so; the note must
    /// survive the default that leaves notes out, or those findings would vanish silently.
    @Test func theErrorLimitsNoteIsAnnotatedEvenWithoutNotes() {
        let limited = DiagnosticLimit.apply((1...5).map { finding(.error, line: $0) }, errorLimit: 2)
        let output = lines(GitHubActionsRenderer().render(limited))
        #expect(output.count == 3)
        #expect(output.last?.hasPrefix("::notice ") == true)
        #expect(output.last?.contains("3 more errors not shown") == true)
    }
}
