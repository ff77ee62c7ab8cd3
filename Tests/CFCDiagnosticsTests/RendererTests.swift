import CFCDiagnostics
import Foundation
import Testing

@Suite struct RendererTests {
    let source = SourceFile(path: "site.yaml", bytes: Array("version: 1\n  viewer-protocl-policy: https-only\n\tx: é\n".utf8))

    func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(
            file: "site.yaml", start: source.position(line: line, column: column),
            end: source.position(line: line, column: endColumn))
    }

    @Test func textHasClickableHeaderSnippetCaretHintAndNotes() {
        let diagnostic = Diagnostic(
            id: "schema.unknown_key", severity: .error, summary: "unknown key 'viewer-protocl-policy'",
            hint: "did you mean 'viewer-protocol-policy'?", range: range(2, 3, 24),
            notes: [DiagnosticNote("related here", at: range(1, 1, 8))])
        let text = String(decoding: TextDiagnosticRenderer(sources: ["site.yaml": source]).render([diagnostic]), as: UTF8.self)
        #expect(
            text == """
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

    @Test func controlCharactersInSnippetsAndMessagesAreEscaped() {
        let hostile = SourceFile(path: "h.yaml", bytes: Array("a: \"\u{1B}]0;t\u{07}\" \u{0}\u{200B}x\n".utf8))
        let diagnostic = Diagnostic(
            id: "x.y", severity: .error, summary: "bad key 'k\nforged.yaml:1:1: error: ok' \u{1B}[2J",
            hint: "line one\nline two \u{7}",
            range: SourceRange(
                file: "h.yaml", start: hostile.position(line: 1, column: 15),
                end: hostile.position(line: 1, column: 16)))
        let text = String(decoding: TextDiagnosticRenderer(sources: ["h.yaml": hostile]).render([diagnostic]), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(
            text == """
                h.yaml:1:15: error: bad key 'k\\nforged.yaml:1:1: error: ok' \\e[2J [x.y]
                    1 | a: "\\e]0;t\\a" \\0\\u200Bx
                      |                       ^
                      = hint: line one
                        line two \\a

                """)
    }

    @Test func longLinesAreCutAroundTheCaretInConstantTime() {
        let line = String(repeating: "ab", count: 50_000)
        let long = SourceFile(path: "l.yaml", bytes: Array((line + "\n").utf8))
        let diagnostics = (0..<2_000).map { index in
            Diagnostic(
                id: "x.y", severity: .error, summary: "e",
                range: SourceRange(
                    file: "l.yaml", start: long.position(line: 1, column: 50_000 + index),
                    end: long.position(line: 1, column: 50_002 + index)))
        }
        // The work is bounded by the window, not by time: each snippet decodes at most
        // 4 × snippetWindow bytes from the caret's known offset, and the report is that size.
        let text = String(decoding: TextDiagnosticRenderer(sources: ["l.yaml": long]).render(diagnostics), as: UTF8.self)
        #expect(text.utf8.count < diagnostics.count * (3 * TextDiagnosticRenderer.snippetWindow + 100))
        let snippet = text.split(separator: "\n")[1]
        #expect(snippet.hasPrefix("    1 | …"))
        #expect(snippet.hasSuffix("…"))
        #expect(snippet.count == "    1 | ".count + 1 + TextDiagnosticRenderer.snippetWindow + 1)
        // The caret sits under the 50,000th character: 80 characters into the window, after the "…".
        #expect(text.split(separator: "\n")[2] == "      | " + String(repeating: " ", count: 81) + "^~")
    }

    @Test(arguments: [
        ("tab\there", "tab\\there"), ("nul\u{0}", "nul\\0"), ("zws\u{200B}", "zws\\u200B"),
        ("nbsp\u{A0}", "nbsp\\_"), ("ls\u{2028}", "ls\\L"), ("c1\u{9B}", "c1\\x9B"),
        ("bidi\u{202E}", "bidi\\u202E"), ("fine: é → ✓", "fine: é → ✓"),
    ])
    func visibleTextUsesYAMLEscapes(raw: String, shown: String) {
        #expect(VisibleText.escaped(raw) == shown)
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
        let colored = String(
            decoding: TextDiagnosticRenderer(sources: ["site.yaml": source], colors: true).render([diagnostic]), as: UTF8.self)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror:"))
    }

    @Test func jsonIsStableAndParseable() throws {
        let diagnostics = [
            Diagnostic(
                id: "a.b", severity: .warning, summary: "quote \" here", range: range(2, 3, 5), configPath: "x.y",
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

/// Line starts come from a word-at-a-time scan; they must be exactly what a byte-by-byte scan
/// finds, for LF, CR and CRLF endings at every alignment, with and without non-ASCII bytes.
@Suite struct SourceFileLineTests {
    static func naive(_ bytes: [UInt8]) -> (starts: [Int], ascii: Bool) {
        var starts = [0]
        var ascii = true
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                starts.append(index + 1)
            } else if bytes[index] == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            } else if bytes[index] >= 0x80 {
                ascii = false
            }
            index += 1
        }
        return (starts, ascii)
    }

    @Test func wordScanMatchesByteScan() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let alphabet: [UInt8] = Array("abc: -xyz".utf8) + [0x0A, 0x0D, 0xC3, 0xA9, 0x09]
        // ASCII with LF line ends only: the files that take the memchr path.
        let plain: [UInt8] = Array("abc: -xyz".utf8) + [0x0A, 0x0A, 0x09]
        for length in 0..<200 {
            for round in 0..<20 {
                let alphabet = round % 2 == 0 ? alphabet : plain
                var bytes: [UInt8] = []
                for _ in 0..<length {
                    state ^= state << 13
                    state ^= state >> 7
                    state ^= state << 17
                    // Mostly letters, so that runs longer than a word occur.
                    let pick = Int(state % 64)
                    bytes.append(pick < alphabet.count ? alphabet[pick] : UInt8(ascii: "k"))
                }
                let file = SourceFile(path: "t.yaml", bytes: bytes)
                let expected = Self.naive(bytes)
                #expect(file.lineStarts == expected.starts, "\(bytes)")
                #expect(file.isASCII == expected.ascii, "\(bytes)")
            }
        }
    }
}
