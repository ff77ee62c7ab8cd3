import CFCDiagnostics

/// What one run of a command produced, before anything is printed: the one model every command
/// returns, and the executable presents in one place.
///
/// A command decides everything here, its exit status included, by its own documented rule
/// (see `ExitStatus`). The executable only prints the diagnostics to standard error in the
/// format asked for (sorted, de-duplicated and limited, by `DiagnosticReport`), then
/// `standardError`, then `standardOutput`, and exits with `exitStatus`.
public struct CommandResult: Sendable {
    /// Every diagnostic of the run, in any order, for standard error.
    public var diagnostics: [Diagnostic]
    /// The files the diagnostics point into, for their snippets.
    public var sources: [SourceFile]
    /// What goes to standard output.
    public var standardOutput: [UInt8]
    /// Text for standard error after the diagnostics (such as `import`'s baseline listing).
    public var standardError: [UInt8]
    /// How the process ends.
    public var exitStatus: ExitStatus
    /// Values no output may show (sensitive parameters', sensitive members'): `redacted()`
    /// replaces them wherever they appear.
    public var sensitiveValues: [String] = []
    /// Whether standard output is an API document (`compile` to standard output), the one
    /// output that must carry sensitive values, since CloudFront must receive them.
    public var standardOutputIsAPIDocument = false

    /// The result with every sensitive value replaced in its diagnostics, standard error and
    /// (unless it is an API document) standard output: what the executable prints.
    public func redacted() -> CommandResult {
        let redactor = SecretRedactor(sensitiveValues)
        guard !redactor.isEmpty else { return self }
        var result = self
        result.diagnostics = diagnostics.map(redactor.redact)
        result.sources = sources.map(redactor.mask)
        result.standardError = redactor.redact(standardError)
        if !standardOutputIsAPIDocument { result.standardOutput = redactor.redact(standardOutput) }
        return result
    }

    /// Creates a result.
    public init(
        diagnostics: [Diagnostic] = [], sources: [SourceFile] = [], standardOutput: [UInt8] = [], standardError: [UInt8] = [],
        exitStatus: ExitStatus
    ) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitStatus = exitStatus
    }
}

/// A process exit status, named by what it means. Most commands follow the compiler convention
/// (0 success, 1 errors in the input or a file that cannot be read or written; a bad invocation,
/// 64, is ArgumentParser's); `plan` follows Terraform's `-detailed-exitcode` and `diff` follows
/// diff(1).
public struct ExitStatus: Hashable, Sendable, CustomStringConvertible {
    /// The status the process exits with.
    public let code: Int32

    /// Creates a status.
    public init(_ code: Int32) { self.code = code }

    /// The run did what was asked, and the input had no errors.
    public static let success = ExitStatus(0)
    /// The input has errors, or a file cannot be read or written.
    public static let failure = ExitStatus(1)
    /// `cfc plan`: the plan has changes (Terraform's `-detailed-exitcode`).
    public static let changesPlanned = ExitStatus(2)
    /// `cfc diff`: the two sides differ (diff(1)).
    public static let different = ExitStatus(1)
    /// `cfc diff`: trouble, a bad invocation included (diff(1)).
    public static let trouble = ExitStatus(2)

    /// `.failure` when `failed`, else `.success`: the compiler convention.
    public static func compiler(failed: Bool) -> ExitStatus { failed ? .failure : .success }

    public var description: String { String(code) }
}
