import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport
import DistributionIR

/// The limits every command that reads configs takes: `--max-input-bytes`,
/// `--max-pattern-search-steps`, `--error-limit`.
///
/// Declared in each options struct rather than shared as a nested option group: ArgumentParser
/// reflects every group's type at start-up, and a nested group cost a small compile 3.4% more
/// instructions.
protocol InputLimits {
    var maxInputBytes: Int { get }
    var maxPatternSearchSteps: Int { get }
    var errorLimit: Int { get }
    var followSymlinks: Bool { get }
    var environments: [String] { get }
}

extension InputLimits {
    func validateLimits() throws {
        if maxInputBytes < 1 { throw ValidationError("--max-input-bytes must be at least 1.") }
        if errorLimit < 0 { throw ValidationError("--error-limit cannot be negative.") }
        if maxPatternSearchSteps < 1 { throw ValidationError("--max-pattern-search-steps must be at least 1.") }
    }

    /// The compile options these limits set.
    var compileOptions: CompileOptions {
        var options = CompileOptions()
        options.maxInputBytes = maxInputBytes
        options.maxPatternSearchSteps = maxPatternSearchSteps
        options.followSymlinks = followSymlinks
        options.environment = environments.first
        return options
    }

    /// Refuses more than `most` `--env` options (every command but `check` and `diff` takes one).
    func validateEnvironmentCount(most: Int = 1) throws {
        if environments.count > most {
            throw ValidationError(
                most == 1
                    ? "Give --env once: this command reads one environment's values."
                    : "Give --env at most \(most) times.")
        }
    }
}

/// The help of the limit options, written once.
enum LimitHelp {
    static let maxInputBytes: ArgumentHelp = "The largest input file accepted, in bytes."
    static let maxPatternSearchSteps: ArgumentHelp = """
        The most path-pattern search steps a distribution's checks may spend, whatever its pattern-search-steps asks for \
        (a file can only lower it). Also at most 1,000,000 plus 1,000 per byte of the distribution.
        """
    static let followSymlinks: ArgumentHelp = """
        Read input files that are symbolic links or devices. By default only regular files and pipes (-, <(…)) are read: \
        a link committed to a repository could point at a secret.
        """
    static let environment: ArgumentHelp = """
        The environment whose parameter values to use, among those the config declares under environments:. \
        Output files then carry its name (www.prod.distribution.json).
        """
    static let errorLimit: ArgumentHelp =
        "Show at most this many errors per file in text, then a note counting the rest (0: all; JSON lists all)."
}

/// How diagnostics are shown, and the limits; shared by every command that prints diagnostics
/// on standard error (all but `check`, whose report is its output, and the ones that read no
/// config).
struct DiagnosticOptions: ParsableArguments, InputLimits {
    @Option(name: .customLong("diagnostics-format"), help: "How to print diagnostics: text or json.")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Option(help: "Colour: auto (when the stream is a terminal), always, never.")
    var color: ColorMode = .auto

    @Option(name: .customLong("max-input-bytes"), help: LimitHelp.maxInputBytes)
    var maxInputBytes: Int = 64 << 20

    @Option(name: .customLong("max-pattern-search-steps"), help: LimitHelp.maxPatternSearchSteps)
    var maxPatternSearchSteps: Int = DistributionPolicy.defaultPatternSearchSteps

    @Option(name: .customLong("error-limit"), help: LimitHelp.errorLimit)
    var errorLimit: Int = DiagnosticLimit.defaultErrorLimit

    @Flag(name: .customLong("follow-symlinks"), help: LimitHelp.followSymlinks)
    var followSymlinks = false

    @Option(name: .customLong("env"), help: LimitHelp.environment)
    var environments: [String] = []

    func validate() throws { try validateLimits() }

    /// Prints `result` (its diagnostics in the chosen format on standard error, then its other
    /// output) and ends the command with its exit status.
    func present(_ result: CommandResult) throws {
        let result = result.redacted()
        if !result.diagnostics.isEmpty {
            FileIO.writeStandardError(
                DiagnosticReport.render(
                    result.diagnostics, sources: result.sources, format: diagnosticsFormat, colors: color.isEnabled(for: 2),
                    errorLimit: errorLimit))
        }
        try finish(result)
    }
}

/// Prints what `result` has for standard error after its diagnostics and for standard output,
/// and ends the command with its exit status: the one place a command's run ends.
func finish(_ result: CommandResult) throws {
    let result = result.redacted()
    FileIO.writeStandardError(result.standardError)
    FileIO.writeStandardOutput(result.standardOutput)
    if result.exitStatus != .success { throw ExitCode(result.exitStatus.code) }
}

/// A path option or argument, refused when empty: an unset variable in a CI step
/// (`--output "$OUT"`) made `--output ''`, which named the root directory. Every path option
/// takes this transform, so an empty path is a bad invocation wherever it is written.
func nonEmptyPath(_ argument: String) throws -> String {
    guard !argument.isEmpty else {
        throw ValidationError(
            "An empty path names no file; give a path ('.' for the current directory, '-' for standard input where it is read).")
    }
    return argument
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension ColorMode: ExpressibleByArgument {}
extension PlanCommand.OutputFormat: ExpressibleByArgument {}
