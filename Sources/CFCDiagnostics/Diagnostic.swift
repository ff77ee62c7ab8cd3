/// A permanent, dotted name for a kind of problem, such as `schema.unknown_key` or
/// `ordering.unreachable_behavior`.
///
/// The part before the dot is the producer's domain (`yaml`, `schema`, `ordering`, `https`, …).
/// An id never changes once released: users write it in `ignore:` lists and CI filters.
public struct DiagnosticID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The dotted id, for example `schema.unknown_key`.
    public let rawValue: String

    /// Creates an id from its dotted form.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable, Comparable, Codable, CaseIterable {
    /// The input is wrong; nothing is emitted and the exit status is 1.
    case error
    /// The input is accepted but probably not what was meant; `--warnings-as-errors` makes it fail.
    case warning
    /// Information that needs no action.
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, usually pointing at a related place
/// ("the first definition is here").
public struct DiagnosticNote: Hashable, Sendable, Codable {
    /// What the note says, lower-case, no trailing period.
    public var message: String
    /// Where it points, if anywhere.
    public var range: SourceRange?

    /// Creates a note.
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A suggested edit that would fix the problem: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable, Codable {
    /// What the edit does, for people ("replace 'yes' with 'true'").
    public var message: String
    /// The text to replace.
    public var range: SourceRange
    /// The new text.
    public var replacement: String

    /// Creates a fix-it.
    public init(_ message: String, range: SourceRange, replacement: String) {
        self.message = message
        self.range = range
        self.replacement = replacement
    }
}

/// One problem found in the input.
///
/// A diagnostic says what is wrong (`summary`), where (`range`), why it matters and how to fix it
/// (`hint`), and points at related places (`notes`). Producers build diagnostics with static
/// factories that keep their wording in one place; call sites never write ad hoc messages.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// The kind of problem, stable across releases.
    public var id: DiagnosticID
    /// How serious it is (after any configured override).
    public var severity: Severity
    /// One line, lower-case, no trailing period.
    public var summary: String
    /// How to fix it, or why it matters; printed after the snippet.
    public var hint: String?
    /// The exact construct, or nil for problems without a place (an unreadable file has a path
    /// but no position: see `file`).
    public var range: SourceRange?
    /// The file the problem is about, when there is no range.
    public var file: String?
    /// Where in the configuration, as `distributions.www.cache-behaviors[2].path-pattern`.
    public var configPath: String?
    /// Related places.
    public var notes: [DiagnosticNote]
    /// Suggested edits.
    public var fixIts: [FixIt]
    /// Whether an `ignore:` entry silenced it: suppressed diagnostics are reported in
    /// machine-readable output and never counted as errors or warnings.
    public var isSuppressed: Bool
    /// The environments of the config it holds for, when the config was checked in several
    /// (`cfc check` without `--env`); empty otherwise.
    public var environments: [String] = []

    /// Creates a diagnostic.
    public init(
        id: DiagnosticID, severity: Severity, summary: String, hint: String? = nil,
        range: SourceRange? = nil, file: String? = nil, configPath: String? = nil,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = [], isSuppressed: Bool = false
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.hint = hint
        self.range = range
        self.file = file ?? range?.file
        self.configPath = configPath
        self.notes = notes
        self.fixIts = fixIts
        self.isSuppressed = isSuppressed
    }

    /// Whether the diagnostic fails a run: an error that no `ignore:` entry silenced. Every
    /// command and stage asks this, and nothing else, whether a run has errors.
    public var isError: Bool { severity == .error && !isSuppressed }

    /// Whether the diagnostic counts as a warning (unsuppressed), which `--warnings-as-errors`
    /// turns into a failure.
    public var isWarning: Bool { severity == .warning && !isSuppressed }

    /// The file, line and column sort order used for every printed list: by file, then
    /// position, then id, then message, so output never depends on the order checks ran in.
    public static func printOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let leftFile = lhs.file ?? ""
        let rightFile = rhs.file ?? ""
        if leftFile != rightFile { return leftFile < rightFile }
        let leftStart = lhs.range?.start ?? SourcePosition(line: 0, column: 0, offset: 0)
        let rightStart = rhs.range?.start ?? SourcePosition(line: 0, column: 0, offset: 0)
        if leftStart != rightStart { return leftStart < rightStart }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.summary < rhs.summary
    }
}

extension Sequence<Diagnostic> {
    /// Whether any diagnostic fails the run (see `Diagnostic.isError`).
    public var containsErrors: Bool { contains { $0.isError } }
}
