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

    @Argument(help: "cfc YAML files ('-' reads standard input).")
    var files: [String]

    @Option(help: "Output format: json, xml, or both.")
    var format: FormatChoice = .json

    @Option(name: [.short, .long], help: "Directory to write the documents into.")
    var output: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one input file.") }
        if format == .both && output == nil {
            throw ValidationError("--format both writes two files per distribution; give --output DIR.")
        }
    }

    func run() throws {
        var options = diagnostics.compileOptions
        options.formats = format.formats
        // compile shows no notes (`cfc check` does), so the rules that only inform need not run.
        options.includeNotes = false
        try diagnostics.present(CompileCommand.execute(files, output: output, options: options))
    }
}

enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case json
    case xml
    case both

    var formats: Set<OutputFormat> {
        switch self {
        case .json: [.json]
        case .xml: [.xml]
        case .both: [.json, .xml]
        }
    }
}
