import CFCDiagnostics

/// Where `cfc apply` reports as it goes, and how it asks.
///
/// On a terminal, a wait is one status line rewritten in place (status and elapsed time, ticking
/// every second); elsewhere (a CI log) it is plain lines, one when the status changes and one
/// every `plainProgressSeconds` while it does not, so a log shows the run is alive without a
/// line per poll.
public struct ApplyConsole {
    /// How a line is shown.
    public enum Tone: Sendable {
        /// Plain.
        case plain
        /// Something destructive (a deletion): red where colours are on.
        case danger
    }

    /// Prints a finished line (its text ends with a newline).
    public var line: (String, Tone) -> Void
    /// Replaces the status line in place; nil when the output is not a terminal.
    public var status: ((String) -> Void)?
    /// Asks a yes/no question and returns the answer line, or nil without one.
    public var ask: (String) -> String?
    /// Seconds between plain progress lines while a wait's status does not change.
    public var plainProgressSeconds: Double = 60

    /// Creates a console.
    public init(line: @escaping (String, Tone) -> Void, status: ((String) -> Void)?, ask: @escaping (String) -> String?) {
        self.line = line
        self.status = status
        self.ask = ask
    }

    /// This console with `redactor` applied to everything it prints and asks.
    func redacting(with redactor: SecretRedactor) -> ApplyConsole {
        let line = self.line
        let status = self.status
        let ask = self.ask
        var console = ApplyConsole(
            line: { text, tone in line(redactor.redact(text), tone) }, status: status.map { show in { show(redactor.redact($0)) } },
            ask: { ask(redactor.redact($0)) })
        console.plainProgressSeconds = plainProgressSeconds
        return console
    }

    /// Prints a plain line.
    func say(_ text: String) { line(text, .plain) }

    /// A duration as people read it: `42s`, `3m 05s`, `1h 02m`.
    public static func elapsed(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        if total < 60 { return "\(total)s" }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if total < 3600 { return "\(total / 60)m \(two(total % 60))s" }
        return "\(total / 3600)h \(two(total % 3600 / 60))m"
    }
}
