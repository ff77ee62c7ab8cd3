import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport
import DistributionIR

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the cfc YAML for a live distribution config.",
        discussion: """
            Reads what 'aws cloudfront get-distribution-config' prints (JSON with ETag and \
            DistributionConfig), a bare DistributionConfig JSON, or its XML, and writes idiomatic \
            cfc YAML: members equal to cfc's defaults left out, origins keyed by id, behaviors in \
            order. Findings of cfc's checks are recorded as ignore: entries (a baseline), so the \
            file compiles; they are listed on standard error. Before anything is written, the YAML \
            is compiled and compared with the input member for member (a member the input leaves \
            out is written as null); if cfc cannot reproduce the input exactly, nothing is written \
            and the members that differ are named. When the input says which distribution it is \
            (get-distribution output carries its Id) or --id does, the distribution's id, ARN, \
            domain name, ETag and config digest are recorded in the state file (cfc-state.json \
            beside --output, or --state). Exit status: 0 success; 1 the input cannot be \
            read or imported; 64 bad invocation.
            """)

    @Argument(help: "The API JSON or XML file ('-' reads standard input).", transform: nonEmptyPath)
    var file: String

    @Option(help: "The distribution's name in the YAML (default: from the file name).")
    var name: String?

    @Option(name: [.short, .long], help: "Write the YAML to this file (atomically) instead of standard output.", transform: nonEmptyPath)
    var output: String?

    @Option(
        help:
            "The CloudFront id of the distribution, recorded in the state file (when the input does not carry it, as get-distribution-config output does not)."
    )
    var id: String?

    @Option(help: "The state file to record the distribution in (default: cfc-state.json beside --output).", transform: nonEmptyPath)
    var state: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if !diagnostics.environments.isEmpty {
            throw ValidationError("import reads CloudFront's documents, which have no environments: leave out --env.")
        }
        if let id, !CloudFrontIdentifier.isDistributionID(id) {
            throw ValidationError(
                "--id '\(VisibleText.escaped(id))' is not a CloudFront distribution id (capital letters and digits, such as EDFDVBD6EXAMPLE)."
            )
        }
    }

    func run() throws {
        try diagnostics.present(
            ImportCommand.execute(
                file, name: name, output: output, id: id, statePath: state,
                options: diagnostics.compileOptions))
    }
}
