import APIDocument
import ArgumentParser
import CFCCompiler
import CFCSupport

struct Compile: ParsableCommand {
    // Every command names itself: derived from the type, the name costs a demangling of the
    // type at every start (a fifth of a small compile).
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile cfc YAML into CloudFront DistributionConfig JSON and/or XML.",
        discussion: """
            With --output DIR, writes DIR/NAME.distribution.json (and/or .xml) for every \
            distribution, all files or none. Without it, a file with one distribution prints \
            that distribution's document to standard output.
            """)

    @Argument(help: "cfc YAML files ('-' reads standard input).", transform: nonEmptyPath)
    var files: [String]

    @Option(help: "Output format: \(DocumentFormat.all.map(\.name).joined(separator: ", ")), several separated by commas, or both (all).")
    var format: FormatChoice = FormatChoice(formats: [.json])

    @Option(name: [.short, .long], help: "Directory to write the documents into.", transform: nonEmptyPath)
    var output: String?

    @Option(
        help:
            "The state file, for the ids of companion resources referred to by name (default: cfc-state.json beside the first config, if present).",
        transform: nonEmptyPath)
    var state: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        if files.isEmpty { throw ValidationError("Give at least one input file.") }
        if format.formats.count > 1 && output == nil {
            throw ValidationError("--format \(format.argument) writes \(format.formats.count) files per distribution; give --output DIR.")
        }
    }

    func run() throws {
        var options = diagnostics.compileOptions
        options.formats = format.formats
        // compile shows no notes (`cfc check` does), so the rules that only inform need not run.
        options.includeNotes = false
        try diagnostics.present(CompileCommand.execute(files, output: output, statePath: state, options: options))
    }
}

/// The formats `--format` names: one (`json`), several (`json,xml`), or `both` (every format).
struct FormatChoice: ExpressibleByArgument {
    /// The formats, in `DocumentFormat.all`'s order.
    var formats: Set<OutputFormat>
    /// What was written, for messages.
    var argument: String

    init(formats: Set<OutputFormat>) {
        self.formats = formats
        argument = DocumentFormat.all.filter(formats.contains).map(\.name).joined(separator: ",")
    }

    init?(argument: String) {
        if argument == "both" {
            formats = Set(DocumentFormat.all)
        } else {
            var formats = Set<OutputFormat>()
            for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
                guard let format = DocumentFormat.named(String(name)) else { return nil }
                formats.insert(format)
            }
            self.formats = formats
        }
        self.argument = argument
    }

    static var allValueStrings: [String] { DocumentFormat.all.map(\.name) + ["both"] }
    var defaultValueDescription: String { argument }
}
