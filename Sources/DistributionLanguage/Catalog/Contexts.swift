import CFCDiagnostics
import DistributionIR
import YAMLSyntax

/// State carried while lowering YAML into the IR: where we are (for messages) and where
/// diagnostics go.
public struct LoweringContext {
    /// Receives every problem.
    public let sink: any DiagnosticSink
    /// The YAML keys leading to the node being lowered.
    public private(set) var path: [ConfigPath.Component] = []
    /// The key node that introduced the value being lowered (nil for list items and the root),
    /// where "missing key" errors point: `default-cache-behavior:` rather than its first key.
    public private(set) var keyNode: YAMLNode? = nil

    /// The "did you mean" suggestions this context still computes (see `SuggestionAllowance`).
    let suggestions = SuggestionAllowance(LoweringContext.suggestionsPerContext)

    /// The suggestions one context (a distribution, a file's top level, an API document)
    /// computes.
    public static let suggestionsPerContext = 64

    /// Creates a context at the root of a file.
    public init(sink: any DiagnosticSink) {
        self.sink = sink
    }

    /// The directory that files a config names (a function's `code`) are read from: the
    /// config's own, or the working directory for standard input.
    public var configDirectory = "."

    /// The ids of the companion resources that exist (from the state file), for references.
    public var companionIDs = CompanionIDs()
    /// The references to companions lowered so far, for the distribution to keep.
    public var companionReferences: [CompanionReference] = []

    /// Records a reference to the companion `kind` named `name` at the current path, and
    /// returns what its member holds: the id when the companion exists, else the placeholder.
    public mutating func referToCompanion(_ kind: CompanionKind, named name: String) -> String {
        let id = companionIDs.id(of: kind, named: name)
        companionReferences.append(CompanionReference(kind: kind, name: name, path: ConfigPath(path), id: id))
        return id ?? CompanionReference.placeholder(kind: kind, name: name)
    }

    /// The distribution being lowered: its name's node and the span of its own text, so that a
    /// problem in a value it takes from an anchor can say which distribution it is about.
    var distribution: (key: YAMLNode, span: SourceRange)?

    /// Reports a problem.
    public func emit(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.configPath == nil, !path.isEmpty { diagnostic.configPath = ConfigPath(path).description }
        if let distribution, let range = diagnostic.range, range.file == distribution.span.file,
            range.start < distribution.span.start || distribution.span.end < range.start,
            range.start != distribution.key.range.start
        {
            // Several distributions may share an anchored value; the position alone would not
            // say which one this is about.
            diagnostic.notes.append(
                DiagnosticNote(
                    "in distribution '\(distribution.key.text)', which takes this value from an anchor", at: distribution.key.range))
        }
        sink.emit(diagnostic)
    }

    /// The current path, rendered.
    public var pathDescription: String { ConfigPath(path).description }

    /// The last key on the path, for messages about the current value.
    public var currentKey: String {
        for component in path.reversed() {
            if case .key(let key) = component { return key }
        }
        return "value"
    }

    /// Runs `body` with `component` appended to the path; `key` is the key node for a mapping
    /// entry.
    public mutating func within<T>(
        _ component: ConfigPath.Component, key: YAMLNode? = nil, _ body: (inout LoweringContext) -> T
    ) -> T {
        path.append(component)
        let savedKey = keyNode
        keyNode = key
        defer {
            path.removeLast()
            keyNode = savedKey
        }
        return body(&self)
    }
}

/// State carried while reading API JSON or XML into the IR.
public struct ReadingContext {
    /// Receives every problem.
    public let sink: any DiagnosticSink
    /// The API member names leading to the node being read.
    public private(set) var path: [String] = []
    /// Whether every scalar arrives as text (XML), so that a number or boolean is read from
    /// its text. In JSON a number and a boolean have their own types, and a string where one
    /// belongs is an error, as it is for botocore's validation before any request is sent.
    public let scalarsAreText: Bool
    /// The "did you mean" suggestions this context still computes (see `SuggestionAllowance`).
    let suggestions = SuggestionAllowance(LoweringContext.suggestionsPerContext)

    /// Creates a context.
    public init(sink: any DiagnosticSink, scalarsAreText: Bool = false) {
        self.sink = sink
        self.scalarsAreText = scalarsAreText
    }

    /// Reports a problem.
    public func emit(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.configPath == nil, !path.isEmpty { diagnostic.configPath = pathDescription }
        sink.emit(diagnostic)
    }

    /// The current path, as `DistributionConfig.Origins.Items[0].Id`.
    public var pathDescription: String {
        var text = ""
        for component in path {
            if component.hasPrefix("[") { text += component } else { text += (text.isEmpty ? "" : ".") + component }
        }
        return text
    }

    /// Runs `body` with `component` appended to the path.
    public mutating func within<T>(_ component: String, _ body: (inout ReadingContext) -> T) -> T {
        path.append(component)
        defer { path.removeLast() }
        return body(&self)
    }
}

/// How many more "did you mean" suggestions a context computes, shared by every copy of it
/// (contexts are values, passed both `inout` and by value). Each suggestion costs edit distances
/// to every key or member name the structure allows; a file of 200,000 unknown keys spent 84% of
/// its time on them, for errors past the first screenful, which no report for people shows
/// (`--error-limit`). Errors past the allowance still say what is wrong, without a suggestion.
final class SuggestionAllowance {
    private var left: Int

    init(_ count: Int) { left = count }

    /// Whether to compute the next suggestion (and count it if so).
    func spend() -> Bool {
        guard left > 0 else { return false }
        left -= 1
        return true
    }
}
