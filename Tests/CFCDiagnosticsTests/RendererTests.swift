import CFCDiagnostics
import Foundation
import Testing

@Suite struct RendererTests {
    let source = SourceFile(path: "site.yaml", bytes: Array("version: 1\n  viewer-protocl-policy: https-only\n\tx: é\n".utf8))

    func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(file: "site.yaml", start: source.position(line: line, column: column),
                    end: source.position(line: line, column: endColumn))
    }

    @Test func textHasClickableHeaderSnippetCaretHintAndNotes() {
        let diagnostic = Diagnostic(
            id: "schema.unknown_key", severity: .error, summary: "unknown key 'viewer-protocl-policy'",
            hint: "did you mean 'viewer-protocol-policy'?", range: range(2, 3, 24),
            notes: [DiagnosticNote("related here", at: range(1, 1, 8))])
        let text = String(decoding: TextDiagnosticRenderer(sources: ["site.yaml": source]).render([diagnostic]), as: UTF8.self)
        #expect(text == """
            site.yaml:2:3: error: unknown key 'viewer-protocl-policy' [schema.unknown_key]
                2 |   viewer-protocl-policy: https-only
                  |   ^~~~~~~~~~~~~~~~~~~~~
                  = hint: did you mean 'viewer-protocol-policy'?
            site.yaml:1:1: note: related here
                1 | version: 1
                  | ^~~~~~~

            """)
    }

    @Test func tabsAreShownAsOneColumn() {
        let diagnostic = Diagnostic(id: "x.y", severity: .warning, summary: "w", range: range(3, 5, 6))
        let text = String(decoding: TextDiagnosticRenderer(sources: ["site.yaml": source]).render([diagnostic]), as: UTF8.self)
        #expect(text.contains("    3 |  x: é\n      |     ^\n"))
    }

    @Test func positionsCountScalarsAndBytes() {
        let position = source.position(line: 3, column: 5)
        // Line 3 starts at byte 47; "\t", "x", ":" and " " are one byte each, "é" two.
        #expect(position.offset == 51)
        #expect(source.position(atByteOffset: 51) == position)
        #expect(source.position(atByteOffset: 53).column == 6)
    }

    @Test func fileLevelDiagnosticsHaveNoPosition() {
        let diagnostic = Diagnostic(id: "io.read", severity: .error, summary: "cannot read the file: gone", file: "x.yaml")
        let text = String(decoding: TextDiagnosticRenderer().render([diagnostic]), as: UTF8.self)
        #expect(text == "x.yaml: error: cannot read the file: gone [io.read]\n")
    }

    @Test func colorsOnlyWhenAsked() {
        let diagnostic = Diagnostic(id: "x.y", severity: .error, summary: "s", range: range(1, 1, 2))
        let plain = String(decoding: TextDiagnosticRenderer(sources: ["site.yaml": source]).render([diagnostic]), as: UTF8.self)
        let colored = String(decoding: TextDiagnosticRenderer(sources: ["site.yaml": source], colors: true).render([diagnostic]), as: UTF8.self)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror:"))
    }

    @Test func jsonIsStableAndParseable() throws {
        let diagnostics = [
            Diagnostic(id: "a.b", severity: .warning, summary: "quote \" here", range: range(2, 3, 5), configPath: "x.y",
                       notes: [DiagnosticNote("n", at: range(1, 1, 2))]),
            Diagnostic(id: "io.read", severity: .error, summary: "gone", file: "x.yaml", isSuppressed: true),
        ]
        let bytes = JSONDiagnosticRenderer().render(diagnostics)
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let list = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["message"] as? String == "quote \" here")
        #expect(list[0]["line"] as? Int == 2)
        #expect(list[0]["path"] as? String == "x.y")
        #expect((list[0]["notes"] as? [[String: Any]])?.first?["line"] as? Int == 1)
        #expect(list[1]["suppressed"] as? Bool == true)
        #expect(list[1]["line"] is NSNull)
        #expect(JSONDiagnosticRenderer().render([]) == Array("{\n  \"diagnostics\": []\n}\n".utf8))
    }

    @Test func collectorSortsAndDeduplicates() {
        let collector = DiagnosticCollector()
        let late = Diagnostic(id: "a.b", severity: .error, summary: "late", range: range(2, 3, 4))
        let early = Diagnostic(id: "a.b", severity: .warning, summary: "early", range: range(1, 1, 2))
        collector.emit(late)
        collector.emit(early)
        collector.emit(late)
        #expect(collector.sortedDiagnostics.map(\.summary) == ["early", "late"])
        #expect(collector.errorCount == 2)
        #expect(collector.warningCount == 1)
    }
}
