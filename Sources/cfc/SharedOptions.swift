import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport

/// How diagnostics are shown; shared by every command that reads configs.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics-format"), help: "How to print diagnostics: text or json.")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Option(help: "Colour diagnostics: auto (when stderr is a terminal), always, never.")
    var color: ColorMode = .auto

    @Option(name: .customLong("max-input-bytes"), help: "The largest input file accepted, in bytes.")
    var maxInputBytes: Int = 64 << 20

    /// Prints `diagnostics` to standard error in the chosen format.
    func report(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
        FileIO.writeStandardError(DiagnosticReport.render(
            diagnostics, sources: sources, format: diagnosticsFormat, colors: color.isEnabled(for: 2)))
    }
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension ColorMode: ExpressibleByArgument {}

/// The exit status of a run that printed its own errors.
let inputErrorExit = ExitCode(1)
