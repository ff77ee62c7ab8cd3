import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport

/// The limits of every command that reads configs.
struct InputLimits: ParsableArguments {
    @Option(name: .customLong("max-input-bytes"), help: "The largest input file accepted, in bytes.")
    var maxInputBytes: Int = 64 << 20

    @Option(name: .customLong("max-diagnostics"), help: "Show at most this many diagnostics, then a note counting the rest (0: all).")
    var maxDiagnostics: Int = DiagnosticLimit.defaultMaximum

    func validate() throws {
        if maxInputBytes < 1 { throw ValidationError("--max-input-bytes must be at least 1.") }
        if maxDiagnostics < 0 { throw ValidationError("--max-diagnostics cannot be negative.") }
    }

    /// The compile options these limits set.
    var compileOptions: CompileOptions {
        var options = CompileOptions()
        options.maxInputBytes = maxInputBytes
        return options
    }
}

/// How diagnostics are shown, and the limits; shared by every command that prints diagnostics
/// on standard error (all but `check`, whose report is its output, and the ones that read no
/// config).
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics-format"), help: "How to print diagnostics: text or json.")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Option(help: "Colour: auto (when the stream is a terminal), always, never.")
    var color: ColorMode = .auto

    @OptionGroup var limits: InputLimits

    /// The compile options the limits set.
    var compileOptions: CompileOptions { limits.compileOptions }

    /// Prints `result` (its diagnostics in the chosen format on standard error, then its other
    /// output) and ends the command with its exit status.
    func present(_ result: CommandResult) throws {
        if !result.diagnostics.isEmpty {
            FileIO.writeStandardError(DiagnosticReport.render(
                result.diagnostics, sources: result.sources, format: diagnosticsFormat, colors: color.isEnabled(for: 2),
                maximum: limits.maxDiagnostics))
        }
        try finish(result)
    }
}

/// Prints what `result` has for standard error after its diagnostics and for standard output,
/// and ends the command with its exit status: the one place a command's run ends.
func finish(_ result: CommandResult) throws {
    FileIO.writeStandardError(result.standardError)
    FileIO.writeStandardOutput(result.standardOutput)
    if result.exitStatus != .success { throw ExitCode(result.exitStatus.code) }
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension ColorMode: ExpressibleByArgument {}
extension PlanCommand.OutputFormat: ExpressibleByArgument {}
