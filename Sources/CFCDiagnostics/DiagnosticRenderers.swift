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
        header(
            range: diagnostic.range, file: diagnostic.file, severity: diagnostic.severity.rawValue,
            message: diagnostic.summary, id: diagnostic.id, into: &output)
        if let range = diagnostic.range { snippet(range, into: &output) }
        for fixIt in diagnostic.fixIts {
            output.append("      = fix-it: \(VisibleText.escaped(fixIt.message))\n")
        }
        if let hint = diagnostic.hint {
            output.append(style("      = hint: ", "\u{1B}[1;32m"))
            output.append(
                hint.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { VisibleText.escaped(String($0)) }.joined(separator: "\n        "))
            output.append("\n")
        }
        for note in diagnostic.notes {
            header(
                range: note.range, file: note.range?.file ?? diagnostic.file, severity: "note",
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
            location = "\(VisibleText.escaped(range.file)):\(range.start.line):\(range.start.column): "
        } else if let file {
            location = "\(VisibleText.escaped(file)): "
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
        output.append(style(VisibleText.escaped(message), "\u{1B}[1m"))
        if let id { output.append(" [\(id.rawValue)]") }
        output.append("\n")
    }

    /// At most this many characters of a line are shown; longer lines (minified or hostile
    /// input) are cut around the caret, so a snippet costs the same whatever the line's length.
    public static let snippetWindow = 160

    private func snippet(_ range: SourceRange, into output: inout [UInt8]) {
        guard showsSnippets, let source = sources[range.file],
            let line = source.byteRange(ofLine: range.start.line)
        else { return }
        let window = Self.snippetWindow
        let caret = max(range.start.column - 1, 0)
        let first = caret > window / 2 ? caret - window / 2 : 0
        let firstByte = source.byteOffset(ofScalar: first, inLine: line, near: range.start)
        // `window` scalars take at most 4 bytes each; decoding only those keeps this O(window).
        let sliceEnd = min(line.upperBound, firstByte + 4 * window + 4)
        let decoded = String(decoding: source.bytes[firstByte..<sliceEnd], as: UTF8.self).unicodeScalars
        var underline = 1
        if range.end.line == range.start.line, range.end.column > range.start.column {
            underline = range.end.column - range.start.column
        }
        // Control and invisible characters are shown escaped, so display columns and scalar
        // columns differ; the caret goes under the display column of its scalar.
        var shown = first > 0 ? "…" : ""
        var displayColumn = first > 0 ? 1 : 0
        var caretDisplay = displayColumn
        var underlineEndDisplay: Int?
        var count = 0
        var truncated = sliceEnd < line.upperBound
        for scalar in decoded {
            if count == window {
                truncated = true
                break
            }
            let index = first + count
            if index == caret { caretDisplay = displayColumn }
            if index == caret + underline { underlineEndDisplay = displayColumn }
            if scalar == "\t" {
                // Tabs are shown as single spaces so the caret lines up whatever the tab width.
                shown += " "
                displayColumn += 1
            } else if VisibleText.needsEscape(scalar) {
                let escape = VisibleText.escape(scalar)
                shown += escape
                displayColumn += escape.count
            } else {
                shown.unicodeScalars.append(scalar)
                displayColumn += 1
            }
            count += 1
        }
        if first + count <= caret { caretDisplay = displayColumn + (caret - first - count) }
        if truncated { shown += "…" }
        let markerWidth = max((underlineEndDisplay ?? displayColumn) - caretDisplay, 1)
        let lineNumber = String(range.start.line)
        let gutter = String(repeating: " ", count: max(5 - lineNumber.count, 1))
        output.append(gutter + lineNumber + " | " + shown + "\n")
        var marker = "^"
        if underline > 1 && markerWidth > 1 { marker += String(repeating: "~", count: markerWidth - 1) }
        output.append(
            String(repeating: " ", count: gutter.count + lineNumber.count) + " | "
                + String(repeating: " ", count: caretDisplay))
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
        report(diagnostics).rendered()
    }

    /// The report as a value, for commands that add members of their own after `diagnostics`.
    public func report(_ diagnostics: [Diagnostic]) -> JSONValue {
        .object(["diagnostics": .array(diagnostics.map(json(for:)))])
    }

    private func json(for diagnostic: Diagnostic) -> JSONValue {
        var members = [
            JSONMember("severity", .string(diagnostic.severity.rawValue)), JSONMember("rule", .string(diagnostic.id.rawValue)),
            JSONMember("message", .string(diagnostic.summary)),
        ]
        members += location(diagnostic.range, file: diagnostic.file)
        if let range = diagnostic.range {
            members += [JSONMember("end-line", .integer(range.end.line)), JSONMember("end-column", .integer(range.end.column))]
        }
        members += [
            JSONMember("path", .string(diagnostic.configPath)),
            JSONMember("hint", .string(diagnostic.hint)),
            JSONMember("suppressed", .bool(diagnostic.isSuppressed)),
        ]
        if !diagnostic.environments.isEmpty {
            members.append(JSONMember("environments", .inlineArray(diagnostic.environments.map { .string($0) })))
        }
        members += [
            JSONMember(
                "notes",
                .inlineArray(
                    diagnostic.notes.map { note in
                        .object(
                            [JSONMember("message", .string(note.message))]
                                + location(note.range, file: note.range?.file ?? diagnostic.file), .inline)
                    }))
        ]
        return .object(members, .inline)
    }

    private func location(_ range: SourceRange?, file: String?) -> [JSONMember] {
        [
            JSONMember("file", .string(range?.file ?? file)), JSONMember("line", .integer(range?.start.line)),
            JSONMember("column", .integer(range?.start.column)),
        ]
    }
}
