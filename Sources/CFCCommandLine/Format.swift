import ArgumentParser
import CFCCompiler
import CFCDiagnostics
import CFCSupport

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite cfc YAML files in canonical form.",
        discussion: """
            Keys in the order of the language reference, two-space indent, lists of scalars in \
            flow style, strings quoted only where YAML needs it; cache behaviors and origins keep \
            their order and comments are kept (a trailing comment moves above its key). Formatting \
            never changes what a file compiles to: cfc checks it before writing. Files that use \
            anchors, aliases or merge keys are left as they are, with a warning (sorting keys could \
            put an alias above its anchor); --check reports them as errors, since it cannot show \
            them formatted. With --check, nothing is written and the exit status is 1 when a file \
            is not formatted. Exit status: 0 success; 1 a file cannot be read, parsed or formatted, \
            or (with --check) is not formatted or uses anchors; 64 bad invocation.
            """)

    @Argument(help: "cfc YAML files ('-' formats standard input to standard output).", transform: nonEmptyPath)
    var files: [String]

    @Flag(help: "Report files that are not formatted, without writing.")
    var check = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try diagnostics.validateEnvironmentCount()
        if files.isEmpty { throw ValidationError("Give at least one file.") }
    }

    func run() throws {
        try diagnostics.present(FormatCommand.execute(files, check: check, options: diagnostics.compileOptions))
    }
}
