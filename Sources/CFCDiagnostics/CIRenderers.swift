import CFCSupport

/// What SARIF needs to know about a rule.
public struct SARIFRule: Sendable {
    /// The rule id.
    public var id: String
    /// A Title Case name.
    public var name: String
    /// One sentence.
    public var summary: String
    /// The rationale.
    public var description: String
    /// The default level.
    public var severity: Severity

    /// Creates the metadata.
    public init(id: String, name: String, summary: String, description: String, severity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.description = description
        self.severity = severity
    }
}

/// Renders diagnostics as SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards)
/// upload. Suppressed findings carry a `suppressions` entry instead of being dropped.
public struct SARIFRenderer {
    /// The rules the run knows, listed in the tool's driver.
    public var rules: [SARIFRule]
    /// The tool's version.
    public var version: String

    /// Creates a renderer.
    public init(rules: [SARIFRule], version: String) {
        self.rules = rules
        self.version = version
    }

    /// The SARIF log for `diagnostics`.
    public func render(_ diagnostics: [Diagnostic]) -> [UInt8] {
        let known = Set(rules.map(\.id))
        let extra = Set(diagnostics.map(\.id.rawValue)).subtracting(known).sorted().map {
            SARIFRule(id: $0, name: $0, summary: $0, description: $0, severity: .error)
        }
        let driver = JSONValue.object([
            "name": .string("cfc"),
            "version": .string(version),
            "informationUri": .string("https://github.com/cfc-dev/cfc"),
            "rules": .array(
                (rules + extra).map { rule in
                    .inlineObject([
                        "id": .string(rule.id), "name": .string(rule.name),
                        "shortDescription": .inlineObject(["text": .string(rule.summary)]),
                        "fullDescription": .inlineObject(["text": .string(rule.description)]),
                        "defaultConfiguration": .inlineObject(["level": .string(Self.level(rule.severity))]),
                    ])
                }),
        ])
        return JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object(["tool": .object(["driver": driver]), "results": .array(diagnostics.map(result(for:)))])]),
        ]).rendered()
    }

    private func result(for diagnostic: Diagnostic) -> JSONValue {
        var members = [
            JSONMember("ruleId", .string(diagnostic.id.rawValue)),
            JSONMember("level", .string(Self.level(diagnostic.severity))),
            JSONMember("message", .inlineObject(["text": .string(diagnostic.summary + (diagnostic.hint.map { ". " + $0 } ?? ""))])),
            JSONMember("locations", .inlineArray([location(diagnostic.range, file: diagnostic.file, message: nil)])),
        ]
        let related = diagnostic.notes.filter { $0.range != nil }
        if !related.isEmpty {
            members.append(JSONMember("relatedLocations", .inlineArray(related.map { location($0.range, file: nil, message: $0.message) })))
        }
        if diagnostic.isSuppressed {
            members.append(
                JSONMember(
                    "suppressions",
                    .inlineArray([
                        .inlineObject(["kind": .string("inSource"), "justification": .string("ignore: entry in the config")])
                    ])))
        }
        return .object(members, .inline)
    }

    private func location(_ range: SourceRange?, file: String?, message: String?) -> JSONValue {
        var physical = [
            JSONMember("artifactLocation", .inlineObject(["uri": .string(Self.uriReference(forPath: range?.file ?? file ?? ""))]))
        ]
        if let range {
            var region = [JSONMember("startLine", .integer(range.start.line)), JSONMember("startColumn", .integer(range.start.column))]
            if range.end.line >= range.start.line, range.end > range.start {
                region += [JSONMember("endLine", .integer(range.end.line)), JSONMember("endColumn", .integer(range.end.column))]
            }
            physical.append(JSONMember("region", .object(region, .inline)))
        }
        var members = [JSONMember("physicalLocation", .object(physical, .inline))]
        if let message { members.append(JSONMember("message", .inlineObject(["text": .string(message)]))) }
        return .object(members, .inline)
    }

    /// `path` as a relative or absolute-path URI reference, as SARIF's `artifactLocation.uri`
    /// must be (SARIF 2.1.0 §3.4.3): every byte of its UTF-8 except RFC 3986's unreserved
    /// characters and `/` is percent-encoded (`:` too, so that a first segment such as `c:` is
    /// never read as a scheme). A path with a space, a non-ASCII name or `<stdin>` is not a URI
    /// reference until then.
    public static func uriReference(forPath path: String) -> String {
        var uri = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                uri += "%"
                uri.unicodeScalars.append(hex[Int(byte >> 4)])
                uri.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return uri
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}

/// Renders diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::…`), which
/// annotate the pull request's diff. Suppressed findings are left out.
///
/// GitHub keeps at most 10 error, 10 warning and 10 notice annotations per step and drops the
/// rest without a word (actions/toolkit, docs/problem-matchers.md, "Limitations"). So when a
/// kind has more, the renderer annotates `annotationsPerKind - 1` of them, makes the last one a
/// summary that says how many more there are, and writes those as plain log lines
/// (`file:line:column: error: message [id]`), so that every finding is somewhere in the log.
public struct GitHubActionsRenderer {
    /// Annotations of one kind GitHub shows per step.
    public static let annotationsPerStep = 10

    /// The least severe finding rendered: notes are left out by default, since they need no
    /// action and would otherwise annotate every run. `DiagnosticLimit`'s notes about what the
    /// report leaves out are always rendered.
    public var minimumSeverity: Severity
    /// Annotations of one kind this renderer writes before it summarizes.
    public var annotationsPerKind: Int

    /// Creates a renderer.
    public init(minimumSeverity: Severity = .warning, annotationsPerKind: Int = Self.annotationsPerStep) {
        self.minimumSeverity = minimumSeverity
        self.annotationsPerKind = max(1, annotationsPerKind)
    }

    /// One command per diagnostic, within GitHub's limits; the rest as log lines after them.
    public func render(_ diagnostics: [Diagnostic]) -> [UInt8] {
        let shown = diagnostics.filter { !$0.isSuppressed && ($0.severity <= minimumSeverity || $0.isAboutTheReport) }
        var totals: [Severity: Int] = [:]
        for diagnostic in shown { totals[diagnostic.severity, default: 0] += 1 }
        var annotated: [Severity: Int] = [:]
        var overflow: [Diagnostic] = []
        var out: [UInt8] = []
        for diagnostic in shown {
            let total = totals[diagnostic.severity, default: 0]
            let used = annotated[diagnostic.severity, default: 0]
            if total <= annotationsPerKind || used < annotationsPerKind - 1 {
                out.append(annotation(for: diagnostic))
                annotated[diagnostic.severity] = used + 1
            } else {
                overflow.append(diagnostic)
            }
        }
        for severity in Severity.allCases {
            let more = overflow.count { $0.severity == severity }
            guard more > 0 else { continue }
            let noun = Self.noun(severity, count: more)
            out.append(
                "::\(Self.command(severity)) title=cfc::\(more) more \(noun) not annotated: GitHub shows \(annotationsPerKind) "
                    + "annotations of a kind per step. All are listed in this step's log.\n")
        }
        if !overflow.isEmpty {
            out.append("cfc: the findings GitHub does not annotate:\n")
            for diagnostic in overflow {
                out.append(logLine(for: diagnostic))
            }
        }
        return out
    }

    private func annotation(for diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let file = diagnostic.range?.file ?? diagnostic.file { properties.append("file=" + Self.escapeProperty(file)) }
        if let range = diagnostic.range {
            properties.append("line=\(range.start.line)")
            properties.append("col=\(range.start.column)")
            if range.end.line == range.start.line, range.end.column > range.start.column {
                properties.append("endColumn=\(range.end.column)")
            }
        }
        properties.append("title=" + Self.escapeProperty(diagnostic.id.rawValue))
        // Each part is escaped on its own: the line breaks between them are the renderer's,
        // any inside them came from the input file.
        var message = VisibleText.escaped(diagnostic.summary)
        if let hint = diagnostic.hint {
            message +=
                "\n"
                + hint.split(separator: "\n", omittingEmptySubsequences: false)
                .map { VisibleText.escaped(String($0)) }.joined(separator: "\n")
        }
        for note in diagnostic.notes {
            let at = note.range.map { " (\($0.file):\($0.start.line):\($0.start.column))" } ?? ""
            message += "\nnote: " + VisibleText.escaped(note.message + at)
        }
        return "::\(Self.command(diagnostic.severity)) " + properties.joined(separator: ",") + "::" + Self.escapeData(message) + "\n"
    }

    /// A finding past the limit, as one plain line. It must not start with `::`, or GitHub
    /// would read it as a command: the file name comes first, escaped like any input text.
    private func logLine(for diagnostic: Diagnostic) -> String {
        var place = VisibleText.escaped(diagnostic.range?.file ?? diagnostic.file ?? "cfc")
        if let range = diagnostic.range { place += ":\(range.start.line):\(range.start.column)" }
        if place.hasPrefix("::") { place = "./" + place }
        return "\(place): \(diagnostic.severity.rawValue): \(VisibleText.escaped(diagnostic.summary)) [\(diagnostic.id.rawValue)]\n"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    static func noun(_ severity: Severity, count: Int) -> String {
        let word =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "note"
            }
        return count == 1 ? word : word + "s"
    }

    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
