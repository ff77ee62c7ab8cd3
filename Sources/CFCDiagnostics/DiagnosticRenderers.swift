import CFCSupport

/// Whether rendered text uses ANSI colours.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour when the output is a terminal.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never

    /// Resolves `auto` for file descriptor `descriptor`.
    public func isEnabled(for descriptor: Int32) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: FileIO.isTerminal(descriptor)
        }
    }
}

/// Renders diagnostics the way clang does: a clickable `file:line:column: severity: summary [id]`
/// header, the source line with a caret under the construct, the notes (each a clickable line
/// of its own), and the hint.
///
/// ```
/// site.yaml:12:7: error: unknown key 'viewer-protocl-policy' [schema.unknown_key]
///    12 |       viewer-protocl-policy: https-only
///       |       ^~~~~~~~~~~~~~~~~~~~~
///       = hint: did you mean 'viewer-protocol-policy'?
/// ```
public struct TextDiagnosticRenderer {
    /// The files diagnostics may point into, by path; a diagnostic in a file not listed here is
    /// printed without a snippet.
    public var sources: [String: SourceFile]
    /// Whether to use ANSI colours.
    public var colors: Bool
    /// Whether to print source snippets under headers.
    public var showsSnippets: Bool

    /// Creates a renderer.
    public init(sources: [String: SourceFile] = [:], colors: Bool = false, showsSnippets: Bool = true) {
        self.sources = sources
        self.colors = colors
        self.showsSnippets = showsSnippets
    }

    /// Renders every diagnostic in print order.
    public func render(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var output: [UInt8] = []
        for diagnostic in diagnostics where !diagnostic.isSuppressed {
            render(diagnostic, into: &output)
        }
        return output
    }

    /// Renders one diagnostic.
    public func render(_ diagnostic: Diagnostic, into output: inout [UInt8]) {
        header(range: diagnostic.range, file: diagnostic.file, severity: diagnostic.severity.rawValue,
               message: diagnostic.summary, id: diagnostic.id, into: &output)
        if let range = diagnostic.range { snippet(range, into: &output) }
        for fixIt in diagnostic.fixIts {
            output.append("      = fix-it: \(fixIt.message)\n")
        }
        if let hint = diagnostic.hint {
            output.append(style("      = hint: ", "\u{1B}[1;32m"))
            output.append(hint.replacingNewlines(with: "\n        "))
            output.append("\n")
        }
        for note in diagnostic.notes {
            header(range: note.range, file: note.range?.file ?? diagnostic.file, severity: "note",
                   message: note.message, id: nil, into: &output)
            if let range = note.range { snippet(range, into: &output) }
        }
    }

    private func header(
        range: SourceRange?, file: String?, severity: String, message: String, id: DiagnosticID?,
        into output: inout [UInt8]
    ) {
        var location = ""
        if let range {
            location = "\(range.file):\(range.start.line):\(range.start.column): "
        } else if let file {
            location = "\(file): "
        }
        output.append(style(location, "\u{1B}[1m"))
        let color: String
        switch severity {
        case "error": color = "\u{1B}[1;31m"
        case "warning": color = "\u{1B}[1;35m"
        default: color = "\u{1B}[1;36m"
        }
        output.append(style(severity + ":", color))
        output.append(" ")
        output.append(style(message, "\u{1B}[1m"))
        if let id { output.append(" [\(id.rawValue)]") }
        output.append("\n")
    }

    private func snippet(_ range: SourceRange, into output: inout [UInt8]) {
        guard showsSnippets, let source = sources[range.file],
              let text = source.text(ofLine: range.start.line) else { return }
        // Tabs are shown as single spaces so the caret lines up whatever the terminal's tab width.
        let scalars = Array(text.unicodeScalars.map { $0 == "\t" ? " " : $0 })
        // Very long lines (minified input) are cut around the caret so a message stays readable.
        let window = 160
        var first = 0
        if scalars.count > window, range.start.column > window / 2 {
            first = min(range.start.column - 1 - window / 2, scalars.count - window)
        }
        let last = min(scalars.count, first + window)
        var shown = String(String.UnicodeScalarView(scalars[first..<last]))
        if first > 0 { shown = "…" + shown }
        if last < scalars.count { shown += "…" }
        let lineNumber = String(range.start.line)
        let gutter = String(repeating: " ", count: max(5 - lineNumber.count, 1))
        output.append(gutter + lineNumber + " | " + shown + "\n")
        let caretColumn = max(range.start.column - 1 - first, 0) + (first > 0 ? 1 : 0)
        var underline = 1
        if range.end.line == range.start.line, range.end.column > range.start.column {
            underline = min(range.end.column - range.start.column, max(last - (range.start.column - 1), 1))
        }
        var marker = "^"
        if underline > 1 { marker += String(repeating: "~", count: underline - 1) }
        output.append(String(repeating: " ", count: gutter.count + lineNumber.count) + " | "
            + String(repeating: " ", count: caretColumn))
        output.append(style(marker, "\u{1B}[1;32m"))
        output.append("\n")
    }

    private func style(_ text: String, _ code: String) -> String {
        colors && !text.isEmpty ? code + text + "\u{1B}[0m" : text
    }
}

/// Renders diagnostics as one JSON object, `{"diagnostics": […]}`, for tools.
///
/// Each entry has `severity`, `rule`, `message`, `file`, `line`, `column`, `end-line`,
/// `end-column`, `path` (the config path), `hint`, `suppressed` and `notes` (each with
/// `message`, `file`, `line`, `column`). Keys are always in this order and the list in print
/// order, so the output is stable for diffs.
public struct JSONDiagnosticRenderer {
    /// Creates a renderer.
    public init() {}

    /// Renders the diagnostics, suppressed ones included (marked `"suppressed": true`).
    public func render(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var output: [UInt8] = []
        output.append("{\n  \"diagnostics\": [")
        for (index, diagnostic) in diagnostics.enumerated() {
            output.append(index == 0 ? "\n" : ",\n")
            output.append("    {\"severity\": ")
            output.appendJSONString(diagnostic.severity.rawValue)
            output.append(", \"rule\": ")
            output.appendJSONString(diagnostic.id.rawValue)
            output.append(", \"message\": ")
            output.appendJSONString(diagnostic.summary)
            appendLocation(diagnostic.range, file: diagnostic.file, into: &output)
            if let range = diagnostic.range {
                output.append(", \"end-line\": \(range.end.line), \"end-column\": \(range.end.column)")
            }
            output.append(", \"path\": ")
            appendOptional(diagnostic.configPath, into: &output)
            output.append(", \"hint\": ")
            appendOptional(diagnostic.hint, into: &output)
            output.append(", \"suppressed\": \(diagnostic.isSuppressed)")
            output.append(", \"notes\": [")
            for (noteIndex, note) in diagnostic.notes.enumerated() {
                if noteIndex > 0 { output.append(", ") }
                output.append("{\"message\": ")
                output.appendJSONString(note.message)
                appendLocation(note.range, file: note.range?.file ?? diagnostic.file, into: &output)
                output.append("}")
            }
            output.append("]}")
        }
        output.append(diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return output
    }

    private func appendLocation(_ range: SourceRange?, file: String?, into output: inout [UInt8]) {
        output.append(", \"file\": ")
        appendOptional(range?.file ?? file, into: &output)
        if let range {
            output.append(", \"line\": \(range.start.line), \"column\": \(range.start.column)")
        } else {
            output.append(", \"line\": null, \"column\": null")
        }
    }

    private func appendOptional(_ value: String?, into output: inout [UInt8]) {
        if let value { output.appendJSONString(value) } else { output.append("null") }
    }
}

extension String {
    fileprivate func replacingNewlines(with replacement: String) -> String {
        guard contains("\n") else { return self }
        return split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
